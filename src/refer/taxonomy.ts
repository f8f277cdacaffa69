/**
 * @module Lantern's shipped taxonomy (content/refer/taxonomy.json): trafficking-response
 * categories, populations served, and directory flags such as confidential-location. The file is
 * in the HSDS tabular JSON form, so `lantern directory import` reads it like any other taxonomy.
 */
import { readFileSync } from 'node:fs';
import type { HsdsRow } from './hsds-tables.ts';

/** The shipped taxonomies and their terms, as HSDS rows. */
export interface ShippedTaxonomy {
  taxonomies: HsdsRow[];
  terms: HsdsRow[];
}

const taxonomyFile = new URL('../../content/refer/taxonomy.json', import.meta.url);

/** Reads content/refer/taxonomy.json (validated by its test, and by the importer when imported). */
export function loadShippedTaxonomy(): ShippedTaxonomy {
  const file = JSON.parse(readFileSync(taxonomyFile, 'utf8')) as Record<string, HsdsRow[]>;
  return { taxonomies: file['taxonomies.csv'] ?? [], terms: file['taxonomy_terms.csv'] ?? [] };
}

/** The file's path, for importing the shipped taxonomy with the ordinary importer. */
export const shippedTaxonomyPath = taxonomyFile;

/** Finds a shipped term by its code (`emergency-shelter`); throws if the taxonomy lacks it. */
export function findTermByCode(taxonomy: ShippedTaxonomy, code: string): HsdsRow {
  const term = taxonomy.terms.find((t) => t.code === code);
  if (!term) throw new Error(`content/refer/taxonomy.json has no term with code ${code}`);
  return term;
}
