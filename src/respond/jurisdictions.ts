/**
 * @module Jurisdiction data: where to report a child, what applies to adults, and the national routes.
 * The data lives in content/jurisdictions/ (editable, sourced, dated); this module loads and checks it
 * and answers lookups by ISO 3166-2 code with a fallback, so an unknown place never gets an invented number.
 */
import { readFileSync } from 'node:fs';
import { formatIssues, parseContentDocument, validateContent, type ContentIssue } from '../platform/content/document.ts';

export type Confirmation = 'confirmed' | 'unconfirmed';

export interface ReportingPhone {
  number: string;
  vanity?: string;
  label?: string;
  hours?: string;
  status: Confirmation;
  note?: string;
}

export interface Jurisdiction {
  /** ISO 3166-2 code (US-TX) or FALLBACK. */
  code: string;
  name: string;
  childProtection: {
    agency: string;
    route: 'statewide' | 'regional' | 'county' | 'county-router' | 'unconfirmed';
    phones: ReportingPhone[];
    hours: string;
    web: { available: 'yes' | 'no' | 'unconfirmed'; url?: string; urlStatus?: Confirmation; note?: string };
    notes: string[];
  };
  minorTraffickingInLaw: { status: 'yes' | 'partly' | 'no' | 'unconfirmed'; basis?: string };
  adultDuties: {
    status: 'confirmed' | 'none-found' | 'unconfirmed';
    duties: { kind: 'law-enforcement-report' | 'adult-protective-services-report'; description: string; citation: string }[];
  };
  sources: { url: string; date: string }[];
  lastVerified: { date: string; method: 'research-notes' | 'agency-page' | 'phone-call'; by?: string };
}

export interface JurisdictionSet {
  version: number;
  jurisdictions: Jurisdiction[];
  fallback: Jurisdiction;
}

export interface NationalRoute {
  id: 'human-trafficking-hotline' | 'cybertipline' | 'child-abuse-helpline' | 'emergency';
  name: string;
  purpose: string;
  phone: string;
  vanity?: string;
  text?: { number: string; keywords?: string[] };
  tty?: string;
  web?: { url: string; status: Confirmation };
  hours: string;
  languages?: string;
  continuity?: Confirmation;
  notes: string[];
  sources: { url: string; date: string }[];
  lastVerified: { date: string; method: string; by?: string };
}

export interface NationalRoutes {
  version: number;
  routes: NationalRoute[];
}

/** A lookup result: the jurisdiction's data, or the fallback when the code is unknown. */
export interface JurisdictionMatch {
  requested: string;
  jurisdiction: Jurisdiction;
  isFallback: boolean;
}

/** The reference data Respond evaluates against: states, fallback and national routes. */
export interface RespondReference {
  jurisdictions: JurisdictionSet;
  national: NationalRoutes;
}

const contentDir = new URL('../../content/jurisdictions/', import.meta.url);
const readJson = (name: string): object => JSON.parse(readFileSync(new URL(name, contentDir), 'utf8')) as object;

/** The published JSON Schemas, for the API and the admin editor. */
export const jurisdictionsSchema: object = readJson('jurisdictions.schema.json');
export const nationalRoutesSchema: object = readJson('national-routes.schema.json');

/** Thrown when a jurisdiction document is invalid; lists every issue with its path and line. */
export class JurisdictionDataError extends Error {
  constructor(
    readonly source: string,
    readonly issues: ContentIssue[],
  ) {
    super(`${source} is invalid:\n${formatIssues(issues)}`);
    this.name = 'JurisdictionDataError';
  }
}

/** Parses and validates a jurisdictions document (YAML or JSON); returns issues instead of throwing. */
export function parseJurisdictions(text: string): { ok: true; value: JurisdictionSet } | { ok: false; issues: ContentIssue[] } {
  return parseContentDocument<JurisdictionSet>(text, jurisdictionsSchema, checkJurisdictionRules);
}

/** Validates an already-parsed jurisdictions document (e.g. an admin's edit from a request body). */
export function validateJurisdictions(value: unknown): { ok: true; value: JurisdictionSet } | { ok: false; issues: ContentIssue[] } {
  const checked = validateContent<JurisdictionSet>(value, jurisdictionsSchema);
  if (!checked.ok) return checked;
  const issues = checkJurisdictionRules(checked.value);
  return issues.length > 0 ? { ok: false, issues } : checked;
}

/** Parses and validates a national routes document (YAML or JSON). */
export function parseNationalRoutes(text: string): { ok: true; value: NationalRoutes } | { ok: false; issues: ContentIssue[] } {
  return parseContentDocument<NationalRoutes>(text, nationalRoutesSchema, (value) => {
    const ids = value.routes.map((r) => r.id);
    return (['human-trafficking-hotline', 'cybertipline', 'emergency'] as const)
      .filter((id) => !ids.includes(id))
      .map((id) => ({ path: '/routes', reason: `missing the "${id}" route` }));
  });
}

let shipped: RespondReference | undefined;

/** Loads the shipped jurisdiction data and national routes (once), throwing if either is invalid. */
export function loadShippedReference(): RespondReference {
  if (shipped) return shipped;
  const states = parseJurisdictions(readFileSync(new URL('us-states.yaml', contentDir), 'utf8'));
  if (!states.ok) throw new JurisdictionDataError('content/jurisdictions/us-states.yaml', states.issues);
  const national = parseNationalRoutes(readFileSync(new URL('national-routes.yaml', contentDir), 'utf8'));
  if (!national.ok) throw new JurisdictionDataError('content/jurisdictions/national-routes.yaml', national.issues);
  shipped = { jurisdictions: states.value, national: national.value };
  return shipped;
}

/** Finds a jurisdiction by ISO 3166-2 code (case-insensitive), falling back when it is unknown. */
export function findJurisdiction(set: JurisdictionSet, code: string | undefined): JurisdictionMatch {
  const wanted = (code ?? '').trim().toUpperCase();
  const found = set.jurisdictions.find((j) => j.code === wanted);
  return found
    ? { requested: wanted, jurisdiction: found, isFallback: false }
    : { requested: wanted, jurisdiction: set.fallback, isFallback: true };
}

/** Finds a national route by id; the shipped data always has the hotline, CyberTipline and emergency. */
export function findNationalRoute(routes: NationalRoutes, id: NationalRoute['id']): NationalRoute | undefined {
  return routes.routes.find((r) => r.id === id);
}

/** Whether a confirmed law in the jurisdiction requires contacting law enforcement about an adult victim. */
export function requiresAdultLawEnforcementReport(jurisdiction: Jurisdiction): boolean {
  return (
    jurisdiction.adultDuties.status === 'confirmed' &&
    jurisdiction.adultDuties.duties.some((d) => d.kind === 'law-enforcement-report')
  );
}

/** Replaces or adds jurisdictions (e.g. a facility's edits, or a test fixture), keeping the rest. */
export function withJurisdictions(set: JurisdictionSet, overrides: Jurisdiction[]): JurisdictionSet {
  const byCode = new Map(set.jurisdictions.map((j) => [j.code, j]));
  for (const j of overrides) byCode.set(j.code, j);
  return { ...set, jurisdictions: [...byCode.values()] };
}

// Rules JSON Schema cannot say: unique codes, a FALLBACK only as the fallback, and a statewide
// route must offer at least one confirmed number (otherwise it is not statewide, it is unconfirmed).
function checkJurisdictionRules(set: JurisdictionSet): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const seen = new Set<string>();
  set.jurisdictions.forEach((j, i) => {
    if (seen.has(j.code)) issues.push({ path: `/jurisdictions/${i}/code`, reason: `duplicate code ${j.code}` });
    seen.add(j.code);
    if (j.code === 'FALLBACK') issues.push({ path: `/jurisdictions/${i}/code`, reason: 'FALLBACK is only allowed as /fallback' });
    const confirmed = j.childProtection.phones.some((p) => p.status === 'confirmed');
    if (j.childProtection.route === 'statewide' && !confirmed) {
      issues.push({ path: `/jurisdictions/${i}/childProtection/route`, reason: 'a statewide route needs a confirmed phone number' });
    }
  });
  if (set.fallback.code !== 'FALLBACK') issues.push({ path: '/fallback/code', reason: 'must be FALLBACK' });
  return issues;
}
