/**
 * The test EHR's CDS Hooks client: it reads a service's discovery, fills the prefetch templates
 * from its own records (or leaves prefetch out and hands over `fhirServer` with an access token),
 * signs each call with a fresh JWT, and shows the cards on a chart page with the SMART links
 * completed the way CDS Hooks 2.0 says an EHR does (`launch` and `iss` appended).
 */
import { randomUUID } from 'node:crypto';
import type { StoredResource } from './test-ehr-fhir.ts';

export interface CdsCardView {
  uuid?: string;
  summary: string;
  detail?: string;
  indicator: string;
  source: { label: string };
  links?: { label: string; url: string; type: string }[];
}

export interface HookCall {
  serviceUrl: string;
  hook: 'patient-view' | 'encounter-start';
  context: Record<string, string>;
  /** Prefetch as resolved from the EHR's records; omitted to make the service fetch. */
  prefetch?: Record<string, unknown>;
  fhirServer?: string;
  accessToken?: string;
}

/** Resolves `{{context.x}}` templates against the EHR's records, the way an EHR prefetches. */
export function resolvePrefetch(templates: Record<string, string>, context: Record<string, string>, resources: Iterable<StoredResource>): Record<string, unknown> {
  const all = [...resources];
  const prefetch: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(templates)) {
    const query = template.replace(/\{\{context\.([A-Za-z]+)\}\}/g, (_m, name: string) => context[name] ?? '');
    const [type, rest] = query.split(/[/?]/, 2) as [string, string | undefined];
    if (query.includes('?')) {
      const patient = new URLSearchParams(query.slice(query.indexOf('?') + 1)).get('patient');
      const entry = all.filter((r) => r.resourceType === type && (r as { subject?: fhir4.Reference }).subject?.reference === `Patient/${patient}`).map((resource) => ({ resource }));
      prefetch[key] = { resourceType: 'Bundle', type: 'searchset', total: entry.length, entry };
    } else {
      const found = all.find((r) => r.resourceType === type && r.id === rest);
      // CDS Hooks: a prefetch the EHR could not fill is sent as null.
      prefetch[key] = found ?? null;
    }
  }
  return prefetch;
}

/** The JSON body of a hook call (no `fhirAuthorization` unless a token is given). */
export function hookRequestBody(call: HookCall): Record<string, unknown> {
  return {
    hookInstance: randomUUID(), hook: call.hook, context: call.context,
    ...(call.fhirServer ? { fhirServer: call.fhirServer } : {}),
    ...(call.accessToken ? { fhirAuthorization: { access_token: call.accessToken, token_type: 'Bearer', expires_in: 300, scope: 'user/Patient.read user/Condition.read user/Encounter.read', subject: 'lantern' } } : {}),
    ...(call.prefetch ? { prefetch: call.prefetch } : {}),
  };
}

/** Calls the service with a signed JWT and returns its cards; throws on anything but 200. */
export async function callCdsService(call: HookCall, jwt: string): Promise<CdsCardView[]> {
  const response = await fetch(call.serviceUrl, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` }, body: JSON.stringify(hookRequestBody(call)),
  });
  if (response.status !== 200) throw new Error(`CDS service answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { cards: CdsCardView[] }).cards;
}

/** The prefetch templates a service declares in discovery. */
export async function discoverPrefetch(discoveryUrl: string, serviceId: string): Promise<Record<string, string>> {
  const response = await fetch(discoveryUrl);
  const services = ((await response.json()) as { services: { id: string; prefetch?: Record<string, string> }[] }).services;
  return services.find((s) => s.id === serviceId)?.prefetch ?? {};
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The EHR's chart page: the patient's name and the cards, SMART links completed with launch and iss. */
export function chartPage(patient: fhir4.Patient | undefined, cards: CdsCardView[], launchParams: (link: { url: string }) => string): string {
  const name = patient?.name?.[0] ? `${patient.name[0].given?.join(' ') ?? ''} ${patient.name[0].family ?? ''}`.trim() : patient?.id ?? 'Unknown patient';
  const cardHtml = cards.map((card) => `
    <section class="card" data-indicator="${escapeHtml(card.indicator)}" aria-label="Decision support">
      <h2>${escapeHtml(card.summary)}</h2>
      ${card.detail ? `<p>${escapeHtml(card.detail)}</p>` : ''}
      <p>Source: ${escapeHtml(card.source.label)}</p>
      ${(card.links ?? []).map((link) => `<a class="card-link" href="${escapeHtml(link.type === 'smart' ? launchParams(link) : link.url)}">${escapeHtml(link.label)}</a>`).join('')}
    </section>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chart: ${escapeHtml(name)}</title></head>
    <body><main><h1>Chart: ${escapeHtml(name)}</h1><p>Born ${escapeHtml(patient?.birthDate ?? 'unknown')}</p>
    ${cards.length === 0 ? '<p class="no-cards">No suggestions.</p>' : cardHtml}</main></body></html>`;
}
