/**
 * @module Loads the instruments Lantern ships (content/instruments/*.json) and checks each on load,
 * so a broken Questionnaire fails at start-up and in CI, not in front of a patient.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasErrors } from './issues.ts';
import { validateQuestionnaire } from './questionnaire-validation.ts';

/** Where shipped instruments live, relative to this file. */
export const SHIPPED_INSTRUMENTS_DIR = fileURLToPath(new URL('../../content/instruments/', import.meta.url));

/** Loads, validates and returns the shipped instruments by id. */
export function loadShippedInstruments(): Map<string, fhir4.Questionnaire> {
  return loadInstrumentsFrom(SHIPPED_INSTRUMENTS_DIR);
}

/** Loads every *.json Questionnaire in a folder, keyed by id; throws naming the file and rule on the first invalid one. */
export function loadInstrumentsFrom(dir: string): Map<string, fhir4.Questionnaire> {
  const instruments = new Map<string, fhir4.Questionnaire>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
    const parsed: unknown = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const issues = validateQuestionnaire(parsed);
    if (hasErrors(issues)) {
      const summary = issues.filter((issue) => issue.severity === 'error')
        .map((issue) => `${issue.linkId ?? issue.expression}: ${issue.rule} (${issue.message})`).join('; ');
      throw new Error(`Instrument ${file} is invalid: ${summary}`);
    }
    const questionnaire = parsed as fhir4.Questionnaire;
    const id = questionnaire.id ?? file.replace(/\.json$/, '');
    if (`${id}.json` !== file) throw new Error(`Instrument ${file} has id "${id}"; the file must be named after its id.`);
    instruments.set(id, questionnaire);
  }
  return instruments;
}
