/**
 * @module The instruments an organization can screen with: Lantern's shipped Questionnaires plus
 * those the facility imported, found by id or by canonical (`url` or `url|version`).
 */
import type { OrgScope } from '../platform/db/scope.ts';
import { loadShippedInstruments } from './instruments.ts';
import { listImportedInstruments } from './screening-store.ts';

let shipped: Map<string, fhir4.Questionnaire> | undefined;

/** Lantern's own instruments, loaded and validated once. */
export function shippedInstruments(): Map<string, fhir4.Questionnaire> {
  shipped ??= loadShippedInstruments();
  return shipped;
}

/** Every instrument available to the organization, shipped first. */
export async function instrumentsFor(scope: OrgScope): Promise<fhir4.Questionnaire[]> {
  return [...shippedInstruments().values(), ...(await listImportedInstruments(scope))];
}

/** Finds the instrument a canonical reference names; without a version, the newest listed wins. */
export function findByCanonical(instruments: readonly fhir4.Questionnaire[], reference: string): fhir4.Questionnaire | undefined {
  const [url, version] = reference.split('|', 2);
  const matches = instruments.filter((q) => q.url === url && (version === undefined || q.version === version));
  return matches[matches.length - 1];
}

export interface InstrumentSearch {
  url?: string;
  name?: string;
  status?: string;
}

/** FHIR search on Questionnaire: `url` (uri, exact, optional `|version`), `name` (string: starts with, case-insensitive), `status` (token). */
export function searchInstruments(instruments: readonly fhir4.Questionnaire[], search: InstrumentSearch): fhir4.Questionnaire[] {
  return instruments.filter((q) => {
    if (search.url !== undefined) {
      const [url, version] = search.url.split('|', 2);
      if (q.url !== url || (version !== undefined && q.version !== version)) return false;
    }
    if (search.name !== undefined && !(q.name ?? '').toLowerCase().startsWith(search.name.toLowerCase())) return false;
    if (search.status !== undefined && !search.status.split(',').includes(q.status)) return false;
    return true;
  });
}
