import type { Kysely } from 'kysely';

// What a search result shows besides the filters: the listing's public phone and, for a location
// that is not confidential, its street address. Derived like the rest of refer_search: imports,
// listing edits and restore fill them in (rows written before this migration stay empty until then).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('refer_search').addColumn('phone', 'text', (c) => c.notNull().defaultTo('')).execute();
  await db.schema.alterTable('refer_search').addColumn('address', 'text', (c) => c.notNull().defaultTo('')).execute();
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
