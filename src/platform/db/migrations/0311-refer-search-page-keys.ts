import { sql, type Kysely } from 'kysely';

// A search sorts its matches before it takes a page. On SQLite a free-text search that matches a
// large share of the directory read every match's whole refer_search row (about 1.5 kB, most of it
// the week of opening hours) only to check the organization and sort on name and ids; this index
// holds exactly those columns by search_key, so the sort reads a small b-tree and only the page's
// rows are read whole (see src/refer/search.ts). PostgreSQL ranks from its GIN index and fetches
// heap tuples either way, so it gets no copy of the data it would not use. The statistics let
// SQLite's planner see that the index is worth it (imports refresh them, see OrgScope).
export async function up(db: Kysely<unknown>): Promise<void> {
  if (db.getExecutor().adapter.constructor.name.startsWith('Postgres')) return;
  await sql`create index refer_search_page_keys on refer_search (search_key, organization_id, name, service_id, service_at_location_id)`.execute(db);
  await sql`analyze refer_search`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
