/**
 * @module Loads content/compliance/rules.yaml, the state training mandates as data, and checks it
 * against rules.schema.json, reporting each problem with its line.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { invalid } from '../platform/http/errors.ts';
import { parseYamlFile, type CourseIssue } from './course-files.ts';
import type { ComplianceRule } from './compliance.ts';

/** The rules file as the schema guarantees it. */
export interface ComplianceRulesFile {
  version: 1;
  professions: { id: string; label: Record<string, string> }[];
  rules: ComplianceRule[];
}

export const defaultRulesPath = new URL('../../content/compliance/rules.yaml', import.meta.url);

const schema = JSON.parse(readFileSync(new URL('../../content/compliance/rules.schema.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
addFormats.default(ajv, ['date']);
const validate = ajv.compile(schema);

/** Checks the text of a rules file: schema, unique ids, known professions. Returns its problems. */
export function checkComplianceRules(file: string, text: string): { rules?: ComplianceRulesFile; issues: CourseIssue[] } {
  const { yaml, issues } = parseYamlFile(file, text);
  if (!yaml) return { issues };
  if (!validate(yaml.value)) {
    for (const error of validate.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
      issues.push({ file, line: yaml.lineOf(path), message: `${path.join('.') || '(file)'}: ${error.message ?? error.keyword}` });
    }
    return { issues };
  }
  const value = yaml.value as ComplianceRulesFile;
  const professions = new Set(value.professions.map((p) => p.id));
  const ids = new Set<string>();
  value.rules.forEach((rule, i) => {
    if (ids.has(rule.id)) issues.push({ file, line: yaml.lineOf(['rules', i, 'id']), message: `rule id "${rule.id}" is used twice` });
    ids.add(rule.id);
    const named = [...(rule.appliesTo.professions === '*' ? [] : rule.appliesTo.professions), ...(rule.appliesTo.exceptProfessions ?? [])];
    for (const p of named) {
      if (!professions.has(p)) issues.push({ file, line: yaml.lineOf(['rules', i, 'appliesTo']), message: `profession "${p}" is not in the professions list` });
    }
    issues.push(...statutoryTextIssues(rule.signage).map((message) => ({ file, line: yaml.lineOf(['rules', i, 'signage']), message: `rule "${rule.id}": ${message}` })));
  });
  return issues.length > 0 ? { issues } : { rules: value, issues };
}

/**
 * A sign that must show the statutory text needs that text as data, and confirmed wording in
 * every language the sign is printed in (so a confirmed sign never falls back to our wording).
 */
function statutoryTextIssues(signage: unknown): string[] {
  const s = signage as { mustShow?: string[]; languages?: string[]; statutoryText?: { status: string; text: Record<string, string> } } | null;
  if (!s) return [];
  if (s.mustShow?.includes('statutory-text') && !s.statutoryText) return ['the sign must show statutory text, so signage.statutoryText is required'];
  if (s.statutoryText?.status !== 'confirmed') return [];
  const text = s.statutoryText.text;
  return (s.languages ?? []).filter((language) => !text[language]).map((language) => `confirmed statutory text has no "${language}" wording`);
}

/** Loads and checks a rules file (the shipped one by default); throws INVALID naming the first problem. */
export async function loadComplianceRules(path: string | URL = defaultRulesPath): Promise<ComplianceRulesFile> {
  const text = await readFile(path, 'utf8');
  const { rules, issues } = checkComplianceRules(String(path), text);
  if (!rules) throw invalid(`compliance rules are invalid: line ${issues[0]?.line}: ${issues[0]?.message}`, 'rules');
  return rules;
}
