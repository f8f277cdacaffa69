import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { checkComplianceRules, defaultRulesPath, loadComplianceRules } from './compliance-rules.ts';

test('the shipped rules validate and cover the seven states in the facts file', async () => {
  const { rules } = await loadComplianceRules();
  expect(new Set(rules.map((r) => r.jurisdiction))).toEqual(new Set(['US-TX', 'US-FL', 'US-MI', 'US-CT', 'US-LA', 'US-NY', 'US-NJ']));
  for (const rule of rules) expect(rule.lastVerified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const fl = rules.find((r) => r.id === 'us-fl-licensees');
  expect(fl?.signage).toMatchObject({ minWidthInches: 11, minHeightInches: 15, minFontPoints: 32, languages: ['en', 'es'] });
});

test('a broken rule is reported on its line', async () => {
  const text = await readFile(defaultRulesPath, 'utf8');
  const line = text.slice(0, text.indexOf('kind: fixed-deadline')).split('\n').length;
  const { issues } = checkComplianceRules('rules.yaml', text.replace('kind: fixed-deadline', 'kind: sometimes'));
  expect(issues).toContainEqual(expect.objectContaining({ file: 'rules.yaml', line }));
  const unknown = checkComplianceRules('rules.yaml', text.replace('professions: [nurse]', 'professions: [wizard]'));
  expect(unknown.issues[0]?.message).toContain('"wizard"');
});
