import { describe, expect, test } from 'vitest';
import { createTranslator } from '../../platform/i18n/format.ts';
import { isSimpleCondition, summarizeCondition } from './condition-summary.ts';

const en = createTranslator('en');
const es = createTranslator('es');

describe('a step condition in words', () => {
  test('no condition reads "always"; facts join with "and" in the reader\'s language', () => {
    expect(summarizeCondition(undefined, en)).toBe('always');
    expect(summarizeCondition({ minor: true, screen: ['positive', 'declined'] }, en)).toBe('a minor and screen positive / declined');
    expect(summarizeCondition({ minor: true, immediateDanger: false }, es)).toBe('menor de edad y Peligro inmediato: no');
  });

  test('groups read as "or" and "not", and make the condition compound for the form', () => {
    const condition = { any: [{ age: { gte: 12, lt: 18 } }, { indicatorsPresent: true }], not: { alone: false } };
    expect(summarizeCondition(condition, en)).toBe('(age ≥ 12, < 18 or Indicators present: yes) and not (Patient alone: no)');
    expect(isSimpleCondition(condition)).toBe(false);
    expect(isSimpleCondition({ minor: true, jurisdiction: ['US-TX'] })).toBe(true);
  });
});
