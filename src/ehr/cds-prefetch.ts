/**
 * @module What the service needs from the EHR record, as CDS Hooks prefetch templates, and how it
 * gets them when the EHR did not prefetch: from `fhirServer` with `fhirAuthorization`, and only
 * from a FHIR server the administrator allowed for that EHR (no other request leaves Lantern).
 */
import { LanternError } from '../platform/http/errors.ts';

export const prefetchTemplates = {
  patient: 'Patient/{{context.patientId}}',
  encounter: 'Encounter/{{context.encounterId}}',
  conditions: 'Condition?patient={{context.patientId}}',
} as const;

export type PrefetchKey = keyof typeof prefetchTemplates;

export interface RecordData {
  patient?: fhir4.Patient;
  encounter?: fhir4.Encounter;
  conditions: fhir4.Condition[];
}

/** Fills a template's `{{context.x}}` tokens; undefined when a token has no value (the EHR would skip it too). */
export function resolveTemplate(template: string, context: Record<string, unknown>): string | undefined {
  let missing = false;
  const resolved = template.replace(/\{\{context\.([A-Za-z]+)\}\}/g, (_m, name: string) => {
    const value = context[name];
    if (typeof value !== 'string' || value === '') { missing = true; return ''; }
    return encodeURIComponent(value);
  });
  return missing ? undefined : resolved;
}

function bundleResources<T>(value: unknown, type: string): T[] {
  const bundle = value as fhir4.Bundle | undefined;
  if (!bundle || bundle.resourceType !== 'Bundle') return [];
  return (bundle.entry ?? []).map((e) => e.resource).filter((r): r is fhir4.FhirResource => r?.resourceType === type) as T[];
}

export interface FetchAccess {
  fhirServer?: string;
  accessToken?: string;
  allowedServers: readonly string[];
}

const sameBase = (a: string, b: string): boolean => a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

async function fetchJson(url: string, accessToken: string): Promise<unknown> {
  const response = await fetch(url, {
    headers: { accept: 'application/fhir+json', authorization: `Bearer ${accessToken}` },
    signal: AbortSignal.timeout(5000),
    redirect: 'error',
  });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new LanternError('UNAVAILABLE', `The EHR's FHIR server answered ${response.status}.`, undefined, { status: 502 });
  return response.json();
}

/**
 * Collects the record data from prefetch, fetching what is missing when allowed. A fhirServer the
 * administrator did not allow is never contacted: the decision is made on what was prefetched.
 */
export async function gatherRecord(prefetch: Record<string, unknown> | undefined, context: Record<string, unknown>, access: FetchAccess): Promise<RecordData> {
  const values: Partial<Record<PrefetchKey, unknown>> = {};
  const canFetch = access.fhirServer !== undefined && access.accessToken !== undefined
    && access.allowedServers.some((s) => sameBase(s, access.fhirServer!));
  for (const key of Object.keys(prefetchTemplates) as PrefetchKey[]) {
    const given = prefetch?.[key];
    if (given !== undefined && given !== null) { values[key] = given; continue; }
    const path = resolveTemplate(prefetchTemplates[key], context);
    if (!path || !canFetch) continue;
    let page: unknown = await fetchJson(`${access.fhirServer!.replace(/\/+$/, '')}/${path}`, access.accessToken!);
    if (key !== 'conditions') { values[key] = page; continue; }
    // Follow search paging a few pages at most: signals need recent history, not everything.
    const entries: fhir4.BundleEntry[] = [];
    for (let pages = 0; page && pages < 5; pages += 1) {
      const bundle = page as fhir4.Bundle;
      entries.push(...(bundle.entry ?? []));
      const next = bundle.link?.find((l) => l.relation === 'next')?.url;
      if (!next || !access.allowedServers.some((s) => next.startsWith(s.replace(/\/+$/, '')))) break;
      page = await fetchJson(next, access.accessToken!);
    }
    values.conditions = { resourceType: 'Bundle', type: 'searchset', entry: entries };
  }
  const patient = values.patient as fhir4.Patient | undefined;
  const encounter = values.encounter as fhir4.Encounter | undefined;
  return {
    ...(patient?.resourceType === 'Patient' ? { patient } : {}),
    ...(encounter?.resourceType === 'Encounter' ? { encounter } : {}),
    conditions: bundleResources<fhir4.Condition>(values.conditions, 'Condition'),
  };
}
