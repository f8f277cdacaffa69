import { describe, expect, test } from 'vitest';
import { loadShippedTaxonomy } from '../taxonomy.ts';
import { CONFIDENTIAL_LOCATION_TERM_ID } from '../confidential.ts';
import { createTranslator } from '../../platform/i18n/format.ts';
import { categoryGroups, confidentialTermId, describeCategories, populationTerms, termLabels } from './directory-terms.ts';

describe('directory terms in the pages', () => {
  test('every shipped category and population has a name in the catalogs; the flag has its own checkbox', () => {
    const shipped = loadShippedTaxonomy().terms.filter((t) => t.id !== CONFIDENTIAL_LOCATION_TERM_ID).map((t) => String(t.code));
    expect(Object.keys(termLabels).sort()).toEqual(shipped.sort());
    expect(confidentialTermId).toBe(CONFIDENTIAL_LOCATION_TERM_ID);
    expect(categoryGroups.length + categoryGroups.reduce((n, g) => n + g.children.length, 0) + populationTerms.length).toBe(shipped.length);
  });

  test('a result shows its most specific categories, in the reader\'s language', () => {
    const housing = categoryGroups.find((g) => g.term.code === 'housing')!;
    const shelter = housing.children.find((c) => c.code === 'emergency-shelter')!;
    const women = populationTerms.find((p) => p.code === 'women')!;
    const ids = [housing.term.id, shelter.id, women.id, 'not-a-shipped-term'];
    expect(describeCategories(createTranslator('en'), ids)).toEqual(['Emergency shelter']);
    expect(describeCategories(createTranslator('es'), ids)).toEqual(['Refugio de emergencia']);
  });
});
