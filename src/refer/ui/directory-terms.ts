/**
 * @module Lantern's shipped taxonomy (content/refer/taxonomy.json) as the pages show it: the
 * categories as a tree of groups, the populations served, and each term's name in the reader's
 * language (the catalog holds the names; a test keeps every shipped term named).
 */
import taxonomy from '../../../content/refer/taxonomy.json' with { type: 'json' };
import type { MessageKey } from '../../platform/i18n/catalogs.ts';
import type { Translate } from '../../platform/i18n/format.ts';
import { messageKey } from '../../web/i18n.tsx';

/** A shipped term, as the pages need it. */
export interface DirectoryTerm {
  id: string;
  code: string;
  parentId: string | null;
}

const categoryTaxonomyId = 'c38e8045-4bc9-5423-babc-6f6a6343b14c';
const populationTaxonomyId = '052616bf-e0bf-5099-8294-6322c364a3a6';
/** The confidential-location flag (confidential.ts), which the editor sets with its own checkbox. */
export const confidentialTermId = 'edaa8c89-76c8-57e5-8f8d-91a27554282d';

/** Each term's name in the catalogs, by code. */
export const termLabels: Record<string, MessageKey> = {
  'housing': messageKey('refer.term.housing'),
  'emergency-shelter': messageKey('refer.term.emergencyShelter'),
  'trafficking-shelter': messageKey('refer.term.traffickingShelter'),
  'domestic-violence-shelter': messageKey('refer.term.domesticViolenceShelter'),
  'youth-shelter': messageKey('refer.term.youthShelter'),
  'transitional-housing': messageKey('refer.term.transitionalHousing'),
  'legal': messageKey('refer.term.legal'),
  'immigration-legal': messageKey('refer.term.immigrationLegal'),
  'criminal-record-relief': messageKey('refer.term.criminalRecordRelief'),
  'civil-legal': messageKey('refer.term.civilLegal'),
  'labor-rights': messageKey('refer.term.laborRights'),
  'advocacy': messageKey('refer.term.advocacy'),
  'case-management': messageKey('refer.term.caseManagement'),
  'victim-advocacy': messageKey('refer.term.victimAdvocacy'),
  'peer-support': messageKey('refer.term.peerSupport'),
  'child-advocacy-center': messageKey('refer.term.childAdvocacyCenter'),
  'medical': messageKey('refer.term.medical'),
  'primary-care': messageKey('refer.term.primaryCare'),
  'sexual-reproductive-health': messageKey('refer.term.sexualReproductiveHealth'),
  'forensic-exam': messageKey('refer.term.forensicExam'),
  'dental-care': messageKey('refer.term.dentalCare'),
  'mental-health': messageKey('refer.term.mentalHealth'),
  'trauma-counseling': messageKey('refer.term.traumaCounseling'),
  'psychiatric-care': messageKey('refer.term.psychiatricCare'),
  'substance-use-treatment': messageKey('refer.term.substanceUseTreatment'),
  'language-access': messageKey('refer.term.languageAccess'),
  'interpretation': messageKey('refer.term.interpretation'),
  'translation': messageKey('refer.term.translation'),
  'hotline': messageKey('refer.term.hotline'),
  'trafficking-hotline': messageKey('refer.term.traffickingHotline'),
  'crisis-line': messageKey('refer.term.crisisLine'),
  'child-abuse-hotline': messageKey('refer.term.childAbuseHotline'),
  'basic-needs': messageKey('refer.term.basicNeeds'),
  'transportation': messageKey('refer.term.transportation'),
  'employment-education': messageKey('refer.term.employmentEducation'),
  'identity-documents': messageKey('refer.term.identityDocuments'),
  'law-enforcement': messageKey('refer.term.lawEnforcement'),
  'child-welfare': messageKey('refer.term.childWelfare'),
  'adults': messageKey('refer.term.adults'),
  'minors': messageKey('refer.term.minors'),
  'transition-age-youth': messageKey('refer.term.transitionAgeYouth'),
  'women': messageKey('refer.term.women'),
  'men': messageKey('refer.term.men'),
  'transgender-nonbinary': messageKey('refer.term.transgenderNonbinary'),
  'families': messageKey('refer.term.families'),
  'foreign-nationals': messageKey('refer.term.foreignNationals'),
  'us-citizens': messageKey('refer.term.usCitizens'),
  'lgbtq': messageKey('refer.term.lgbtq'),
};

const terms: (DirectoryTerm & { taxonomyId: string })[] = taxonomy['taxonomy_terms.csv'].map((t) => ({
  id: t.id, code: t.code, parentId: t.parent_id ?? null, taxonomyId: t.taxonomy_id,
}));

/** Top-level categories, each with its narrower ones, in the taxonomy's order. */
export const categoryGroups: { term: DirectoryTerm; children: DirectoryTerm[] }[] = terms
  .filter((t) => t.taxonomyId === categoryTaxonomyId && t.parentId === null)
  .map((term) => ({ term, children: terms.filter((c) => c.parentId === term.id) }));

/** The populations a service can name (who it serves). */
export const populationTerms: DirectoryTerm[] = terms.filter((t) => t.taxonomyId === populationTaxonomyId);

const byId = new Map(terms.map((t) => [t.id, t]));

/** The shipped term with this id, if any. */
export function findTerm(id: string): DirectoryTerm | undefined {
  return byId.get(id);
}

/** A term's name in the reader's language (the code itself for a term Lantern does not ship). */
export function termLabel(t: Translate, code: string): string {
  const key = termLabels[code];
  return key ? t(key) : code;
}

/**
 * The names of a result's most specific shipped categories (search returns each term with its
 * ancestors, so "housing" finds a shelter; showing "Housing" beside "Emergency shelter" says nothing more).
 */
export function describeCategories(t: Translate, termIds: string[]): string[] {
  const known = termIds.map((id) => byId.get(id)).filter((term): term is DirectoryTerm & { taxonomyId: string } => term !== undefined && term.taxonomyId === categoryTaxonomyId);
  const parents = new Set(known.map((term) => term.parentId));
  return known.filter((term) => !parents.has(term.id)).map((term) => termLabel(t, term.code));
}
