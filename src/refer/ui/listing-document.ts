/**
 * @module The listing editor's form and the HSDS 3.0 service document it edits. The form covers
 * what a program lead maintains (the service, one location, phones, weekly hours, languages,
 * categories, who it serves, cost, the confidential flag); everything else in the document is
 * kept as loaded. Error pointers from the API (`service/phones/0/number`) map back to form fields.
 */
import { confidentialTermId, findTerm, populationTerms } from './directory-terms.ts';

export const serviceStatuses = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export const phoneTypes = ['voice', 'hotline', 'text', 'fax', 'textphone'] as const;
export const weekDays = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekDay = (typeof weekDays)[number];

export interface PhoneRow { id: string; number: string; type: string }
export interface ScheduleRow { id: string; days: WeekDay[]; opensAt: string; closesAt: string }

export interface ListingForm {
  serviceId: string;
  organizationId: string;
  organizationName: string;
  name: string;
  description: string;
  status: string;
  email: string;
  url: string;
  /** Shipped category and population term ids. */
  terms: string[];
  minimumAge: string;
  maximumAge: string;
  eligibility: string;
  free: boolean;
  fees: string;
  /** Language codes, comma-separated as typed (`en, es`). */
  languages: string;
  locationName: string;
  street: string;
  city: string;
  state: string;
  postalCode: string;
  latitude: string;
  longitude: string;
  confidential: boolean;
  phones: PhoneRow[];
  schedules: ScheduleRow[];
}

type Doc = Record<string, unknown>;

/** A random UUID, also where `crypto.randomUUID` is missing (a page served over plain HTTP). */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An empty form for a new listing. */
export function emptyListingForm(): ListingForm {
  return {
    serviceId: newId(), organizationId: newId(), organizationName: '', name: '', description: '', status: 'active', email: '', url: '',
    terms: [], minimumAge: '', maximumAge: '', eligibility: '', free: false, fees: '', languages: 'en',
    locationName: '', street: '', city: '', state: '', postalCode: '', latitude: '', longitude: '', confidential: false,
    phones: [{ id: newId(), number: '', type: 'voice' }], schedules: [],
  };
}

const list = (value: unknown): Doc[] => (Array.isArray(value) ? (value as Doc[]) : []);
const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const isFlag = (a: Doc): boolean => a.taxonomy_term_id === confidentialTermId && text(a.value ?? 'true').toLowerCase() !== 'false';
const isShipped = (a: Doc): boolean => typeof a.taxonomy_term_id === 'string' && findTerm(a.taxonomy_term_id) !== undefined;

/** The form for a loaded service document (from `GET /api/directory/listings/{id}`). */
export function toListingForm(document: Doc): ListingForm {
  const organization = (document.organization ?? {}) as Doc;
  const link = list(document.service_at_locations)[0] ?? {};
  const location = (link.location ?? {}) as Doc;
  const address = list(location.addresses).find((a) => a.address_type === 'physical') ?? list(location.addresses)[0] ?? {};
  const attributes = list(document.attributes);
  const schedules = list(link.schedules).length > 0 ? list(link.schedules) : list(document.schedules);
  const flagged = [...attributes, ...list(link.attributes), ...list(location.attributes)].some(isFlag);
  return {
    serviceId: text(document.id),
    organizationId: text(document.organization_id ?? organization.id),
    organizationName: text(organization.name),
    name: text(document.name),
    description: text(document.description),
    status: text(document.status) || 'active',
    email: text(document.email),
    url: text(document.url),
    terms: attributes.filter((a) => isShipped(a) && a.taxonomy_term_id !== confidentialTermId).map((a) => String(a.taxonomy_term_id)),
    minimumAge: text(document.minimum_age),
    maximumAge: text(document.maximum_age),
    eligibility: text(document.eligibility_description),
    free: list(document.cost_options).some((c) => Number(c.amount) === 0 && c.amount !== undefined && c.amount !== null),
    fees: text(document.fees_description),
    languages: list(document.languages).map((l) => text(l.code)).filter(Boolean).join(', '),
    locationName: text(location.name),
    street: text(address.address_1),
    city: text(address.city),
    state: text(address.state_province),
    postalCode: text(address.postal_code),
    latitude: text(location.latitude),
    longitude: text(location.longitude),
    confidential: flagged,
    phones: list(document.phones).map((p) => ({ id: text(p.id), number: text(p.number), type: text(p.type) || 'voice' })),
    schedules: schedules.filter((s) => text(s.freq || 'WEEKLY').toUpperCase() === 'WEEKLY').map((s) => ({
      id: text(s.id),
      days: text(s.byday || weekDays.join(',')).split(',').map((d) => d.trim().toUpperCase()).filter((d): d is WeekDay => (weekDays as readonly string[]).includes(d)),
      opensAt: text(s.opens_at).slice(0, 5),
      closesAt: text(s.closes_at).slice(0, 5),
    })),
  };
}

/**
 * The service document for a form, built over the loaded document (`base`) so that what the form
 * does not show (other locations, contacts, service areas, other attributes) is kept.
 */
export function toServiceDocument(form: ListingForm, base: Doc = {}): Doc {
  const serviceId = form.serviceId;
  const baseOrganization = (base.organization ?? {}) as Doc;
  const baseLinks = list(base.service_at_locations);
  const baseLink = baseLinks[0] ?? {};
  const baseLocation = (baseLink.location ?? {}) as Doc;
  const baseAddresses = list(baseLocation.addresses);
  const baseAddress = baseAddresses.find((a) => a.address_type === 'physical') ?? baseAddresses[0];
  const linkId = text(baseLink.id) || newId();
  const locationId = text(baseLocation.id) || newId();
  const number = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.trim()));
  const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

  // The organization's own fields only: its nested locations and services are not this listing's to rewrite.
  const organization: Doc = Object.fromEntries(Object.entries(baseOrganization).filter(([, v]) => v === null || typeof v !== 'object'));
  // HSDS requires an organization description; a new one starts with its name.
  Object.assign(organization, { id: form.organizationId, name: form.organizationName.trim(), description: text(organization.description) || form.organizationName.trim() });

  const hasAddress = [form.street, form.city, form.state, form.postalCode].some((v) => v.trim() !== '');
  const address: Doc | undefined = hasAddress ? {
    ...(baseAddress ?? {}), id: text(baseAddress?.id) || newId(), location_id: locationId, address_1: form.street.trim(), city: form.city.trim(),
    state_province: form.state.trim(), postal_code: form.postalCode.trim(), country: text(baseAddress?.country) || 'US', address_type: 'physical',
  } : undefined;
  const flagAttributes = (attributes: Doc[]): Doc[] => attributes.map((a) => (a.taxonomy_term_id === confidentialTermId ? { ...a, value: form.confidential ? 'true' : 'false' } : a));
  const location: Doc = {
    ...withoutNested(baseLocation), id: locationId, location_type: text(baseLocation.location_type) || 'physical',
    name: optional(form.locationName) ?? form.name.trim(), latitude: number(form.latitude), longitude: number(form.longitude),
    addresses: [...baseAddresses.filter((a) => a !== baseAddress), ...(address ? [address] : [])],
    ...(baseLocation.attributes ? { attributes: flagAttributes(list(baseLocation.attributes)) } : {}),
  };
  const link: Doc = {
    ...baseLink, id: linkId, service_id: serviceId, location_id: locationId, location,
    schedules: form.schedules.filter((s) => s.days.length > 0 && s.opensAt !== '' && s.closesAt !== '').map((s) => ({
      id: s.id, service_at_location_id: linkId, freq: 'WEEKLY', byday: s.days.join(','), opens_at: `${s.opensAt}:00`, closes_at: `${s.closesAt}:00`,
    })),
    ...(baseLink.attributes ? { attributes: flagAttributes(list(baseLink.attributes)) } : {}),
  };

  const baseAttributes = list(base.attributes);
  const kept = baseAttributes.filter((a) => !isShipped(a) || a.taxonomy_term_id === confidentialTermId);
  const byTerm = new Map(baseAttributes.map((a) => [a.taxonomy_term_id, a]));
  const attributes = [
    ...flagAttributes(kept).map(withoutTerm),
    ...form.terms.map((termId) => ({ id: text(byTerm.get(termId)?.id) || newId(), link_id: serviceId, link_entity: 'service', taxonomy_term_id: termId })),
  ];
  const anyFlag = [...attributes, ...list(link.attributes), ...list(location.attributes)].some((a) => a.taxonomy_term_id === confidentialTermId);
  if (form.confidential && !anyFlag) attributes.push({ id: newId(), link_id: serviceId, link_entity: 'service', link_type: 'flag', taxonomy_term_id: confidentialTermId, value: 'true' });

  const baseLanguages = list(base.languages);
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  const codes = [...new Set(form.languages.split(/[\s,;]+/).map((c) => c.trim().toLowerCase()).filter(Boolean))];
  const languages = codes.map((code) => {
    const known = baseLanguages.find((l) => text(l.code).toLowerCase() === code);
    return known ? { ...known, service_id: serviceId } : { id: newId(), service_id: serviceId, code, name: languageName(names, code) };
  });

  const costOptions = list(base.cost_options).filter((c) => !(Number(c.amount) === 0 && c.amount !== undefined && c.amount !== null));
  if (form.free) costOptions.unshift({ id: newId(), service_id: serviceId, option: 'Free', currency: 'USD', amount: 0 });

  const document: Doc = {
    ...base,
    id: serviceId, organization_id: form.organizationId, organization,
    name: form.name.trim(), description: optional(form.description), status: form.status,
    email: optional(form.email), url: optional(form.url),
    eligibility_description: optional(form.eligibility), minimum_age: number(form.minimumAge), maximum_age: number(form.maximumAge),
    fees_description: optional(form.fees),
    attributes, languages, cost_options: costOptions,
    phones: form.phones.filter((p) => p.number.trim() !== '').map((p) => ({ id: p.id, service_id: serviceId, number: p.number.trim(), type: p.type })),
    service_at_locations: [link, ...baseLinks.slice(1)],
    schedules: undefined,
  };
  return JSON.parse(JSON.stringify(document)) as Doc; // drops the undefined fields
}

/** Which form field an API error pointer (`service/phones/0/number`) belongs to, or undefined. */
export function formFieldOf(pointer: string): string | undefined {
  const path = pointer.replace(/^service\/?/, '');
  const simple: Record<string, string> = {
    name: 'name', description: 'description', status: 'status', email: 'email', url: 'url', minimum_age: 'minimumAge', maximum_age: 'maximumAge',
    eligibility_description: 'eligibility', fees_description: 'fees',
  };
  const top = path.split('/')[0] ?? '';
  if (path.split('/').length === 1 && simple[top]) return simple[top];
  if (top === 'organization' || top === 'organization_id') return 'organizationName';
  if (top === 'languages') return 'languages';
  if (top === 'cost_options') return 'fees';
  const phone = /^phones\/(\d+)/.exec(path);
  if (phone) return `phone-${phone[1]}`;
  const schedule = /^service_at_locations\/0\/schedules\/(\d+)/.exec(path);
  if (schedule) return `schedule-${schedule[1]}`;
  const address = /^service_at_locations\/0\/location\/addresses\/\d+\/(\w+)/.exec(path);
  if (address) return ({ address_1: 'street', city: 'city', state_province: 'state', postal_code: 'postalCode' } as Record<string, string>)[address[1] ?? ''] ?? 'street';
  const location = /^service_at_locations\/0\/location\/(\w+)/.exec(path);
  if (location) return ({ latitude: 'latitude', longitude: 'longitude', name: 'locationName' } as Record<string, string>)[location[1] ?? ''] ?? 'locationName';
  return undefined;
}

/** The population terms a form can pick (for grouping checkboxes). */
export const populationIds = new Set(populationTerms.map((p) => p.id));

function withoutNested(row: Doc): Doc {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v === null || typeof v !== 'object'));
}

function withoutTerm(attribute: Doc): Doc {
  const { taxonomy_term: _term, ...rest } = attribute;
  return rest;
}

function languageName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
