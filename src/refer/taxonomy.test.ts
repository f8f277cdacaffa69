import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseImport } from './import-parse.ts';
import { findTermByCode, loadShippedTaxonomy, shippedTaxonomyPath } from './taxonomy.ts';
import { CONFIDENTIAL_LOCATION_TERM_ID } from './confidential.ts';
import { serviceTemplates } from './synthetic-services.ts';

const taxonomy = loadShippedTaxonomy();

describe('the shipped taxonomy (content/refer/taxonomy.json)', () => {
  test('imports as HSDS with no error and no dangling reference', async () => {
    const result = await parseImport(fileURLToPath(shippedTaxonomyPath));
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
    expect(result.ok && result.records.taxonomy_term).toHaveLength(taxonomy.terms.length);
    expect(result.ok && result.records.taxonomy).toHaveLength(taxonomy.taxonomies.length);
  });

  test('term codes are unique and every parent is a term of the same taxonomy', () => {
    const codes = taxonomy.terms.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const term of taxonomy.terms.filter((t) => t.parent_id !== undefined)) {
      const parent = taxonomy.terms.find((t) => t.id === term.parent_id);
      expect(parent?.taxonomy_id).toBe(term.taxonomy_id);
    }
  });

  test('covers the kinds of help issue #6 names for trafficking response', () => {
    const names = taxonomy.terms.map((t) => String(t.name).toLowerCase()).join(' | ');
    for (const need of ['shelter', 'legal', 'immigration', 'advocacy', 'medical', 'mental health', 'interpret', 'hotline']) {
      expect(names).toContain(need);
    }
  });

  test('holds the confidential-location flag under the id the code uses', () => {
    expect(findTermByCode(taxonomy, 'confidential-location').id).toBe(CONFIDENTIAL_LOCATION_TERM_ID);
  });

  test('holds every code the synthetic directory draws from', () => {
    for (const template of serviceTemplates) {
      for (const code of [...template.categories, ...template.populations]) expect(() => findTermByCode(taxonomy, code)).not.toThrow();
    }
  });
});
