/**
 * @module The directory search as the page holds it: form values that round-trip through the
 * page's address (`/directory?text=…&category=…`), so a result page can be linked and reloaded,
 * and the query string the search API takes.
 */

export const genders = ['female', 'male', 'nonbinary'] as const;
export type Gender = (typeof genders)[number];

/** Results per page. */
export const directoryPageSize = 20;

/** The search form's values (text inputs as typed) and the page shown (1-based). */
export interface DirectoryQuery {
  text: string;
  category: string;
  language: string;
  age: string;
  gender: Gender | '';
  minors: boolean;
  free: boolean;
  openNow: boolean;
  postalCode: string;
  radiusKm: string;
  page: number;
}

export const emptyDirectoryQuery: DirectoryQuery = {
  text: '', category: '', language: '', age: '', gender: '', minors: false, free: false, openNow: false, postalCode: '', radiusKm: '', page: 1,
};

/** Which fields are not valid as typed (checked before a search is sent). */
export type DirectoryQueryField = 'age' | 'postalCode' | 'radiusKm';

const textFields = ['text', 'category', 'language', 'age', 'postalCode', 'radiusKm'] as const;
const flagFields = ['minors', 'free', 'openNow'] as const;

/** Reads the page's query string (`?text=…`); unknown or malformed parameters are ignored. */
export function parseDirectoryQuery(search: string): DirectoryQuery {
  const params = new URLSearchParams(search);
  const query: DirectoryQuery = { ...emptyDirectoryQuery };
  for (const field of textFields) query[field] = (params.get(field) ?? '').slice(0, 200);
  for (const field of flagFields) query[field] = params.get(field) === 'true';
  const gender = params.get('gender');
  query.gender = (genders as readonly string[]).includes(gender ?? '') ? (gender as Gender) : '';
  const page = Number(params.get('page'));
  query.page = Number.isInteger(page) && page >= 1 && page <= 500 ? page : 1;
  return query;
}

/** The page's query string for these values (empty values left out), without the leading `?`. */
export function formatDirectoryQuery(query: DirectoryQuery): string {
  const params = new URLSearchParams();
  for (const field of textFields) if (query[field].trim() !== '') params.set(field, query[field].trim());
  if (query.gender) params.set('gender', query.gender);
  for (const field of flagFields) if (query[field]) params.set(field, 'true');
  if (query.page > 1) params.set('page', String(query.page));
  return params.toString();
}

/** True when nothing narrows the search (the page then shows only the pinned lines and a prompt). */
export function isEmptyQuery(query: DirectoryQuery): boolean {
  return formatDirectoryQuery({ ...query, page: 1 }) === '';
}

/** Fields whose typed value the API would refuse. */
export function findInvalidFields(query: DirectoryQuery): DirectoryQueryField[] {
  const invalid: DirectoryQueryField[] = [];
  const age = query.age.trim();
  if (age !== '' && !(/^\d{1,3}$/.test(age) && Number(age) <= 130)) invalid.push('age');
  if (query.postalCode.trim() !== '' && !/^\d{5}(-\d{4})?$/.test(query.postalCode.trim())) invalid.push('postalCode');
  const radius = query.radiusKm.trim();
  if (radius !== '' && !(Number(radius) > 0 && Number(radius) <= 1000)) invalid.push('radiusKm');
  return invalid;
}

/** The search API's query string (`/api/directory/search?…`) for valid values. */
export function toSearchApiQuery(query: DirectoryQuery, pageSize = directoryPageSize): string {
  const params = new URLSearchParams();
  if (query.text.trim() !== '') params.set('text', query.text.trim());
  if (query.category !== '') params.set('category', query.category);
  if (query.language !== '') params.set('language', query.language);
  if (query.age.trim() !== '') params.set('age', String(Number(query.age.trim())));
  if (query.gender) params.set('gender', query.gender);
  for (const field of flagFields) if (query[field]) params.set(field, 'true');
  if (query.postalCode.trim() !== '') {
    params.set('postalCode', query.postalCode.trim());
    if (query.radiusKm.trim() !== '') params.set('radiusKm', String(Number(query.radiusKm.trim())));
  }
  params.set('limit', String(pageSize));
  params.set('offset', String((query.page - 1) * pageSize));
  return params.toString();
}
