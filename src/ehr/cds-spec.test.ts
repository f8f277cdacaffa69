/**
 * The CDS Hooks schemas Lantern wrote from the 2.0 specification must accept the specification's
 * own examples (and refuse a card that breaks the rules), before they are trusted to judge
 * Lantern's answers in the integration tests.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { cdsSchemaErrors } from '../../test/support/cds-hooks-schemas.ts';

const example = (n: string): unknown => JSON.parse(readFileSync(new URL(`../../test/fixtures/standards/cds-hooks-2.0/examples/spec-${n}.json`, import.meta.url), 'utf8'));

describe('CDS Hooks 2.0 schemas', () => {
  test.each(['00', '23'])('discovery example spec-%s validates', (n) => {
    expect(cdsSchemaErrors('discovery', example(n))).toEqual([]);
  });
  test.each(['09', '15', '16'])('response example spec-%s validates', (n) => {
    expect(cdsSchemaErrors('response', example(n))).toEqual([]);
  });
  test('the autolaunchable example (spec-17) validates but for the indicator the example leaves out', () => {
    // The card table makes `indicator` REQUIRED; the specification's own autolaunchable example omits it.
    expect(cdsSchemaErrors('response', example('17'))).toEqual(["/cards/0 must have required property 'indicator'"]);
  });
  test('a card with a 140-character summary, or suggestions without selectionBehavior, is refused', () => {
    const card = { summary: 'x'.repeat(140), indicator: 'info', source: { label: 'L' } };
    expect(cdsSchemaErrors('response', { cards: [card] })).not.toEqual([]);
    const suggestions = { summary: 'ok', indicator: 'info', source: { label: 'L' }, suggestions: [{ label: 's' }] };
    expect(cdsSchemaErrors('response', { cards: [suggestions] })).not.toEqual([]);
  });
});
