import { sql, type Kysely } from 'kysely';

// Refer's directory: HSDS rows kept as imported, and a search table derived from them with a
// full-text and a spatial index per dialect (SQLite: FTS5 + R*Tree; PostgreSQL: tsvector + GIN,
// GiST on a point). Detecting the dialect from the adapter keeps one migration for both.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter.constructor.name.startsWith('Postgres');

  await db.schema
    .createTable('refer_row')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('hsds_table', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('ref_service', 'text')
    .addColumn('ref_location', 'text')
    .addColumn('ref_owner', 'text')
    .addColumn('ref_link', 'text')
    .addPrimaryKeyConstraint('refer_row_pk', ['organization_id', 'hsds_table', 'id'])
    .execute();
  for (const column of ['ref_service', 'ref_location', 'ref_owner', 'ref_link']) {
    await db.schema.createIndex(`refer_row_${column}`).on('refer_row').columns(['organization_id', column]).execute();
  }

  await db.schema
    .createTable('refer_search')
    .addColumn('search_key', postgres ? 'bigint' : 'integer', (c) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('service_at_location_id', 'text')
    .addColumn('location_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('term_names', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('min_age', 'integer')
    .addColumn('max_age', 'integer')
    .addColumn('populations', 'text', (c) => c.notNull())
    .addColumn('minors', 'integer', (c) => c.notNull())
    .addColumn('free', 'integer', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('confidential', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('refer_search_service').on('refer_search').columns(['organization_id', 'service_id']).execute();
  await db.schema.createIndex('refer_search_zone').on('refer_search').columns(['organization_id', 'time_zone']).execute();
  await db.schema.createIndex('refer_search_name').on('refer_search').columns(['organization_id', 'name']).execute();

  if (postgres) {
    await sql`alter table refer_search add column document tsvector generated always as (
      setweight(to_tsvector('simple', coalesce(name, '')), 'A') ||
      setweight(to_tsvector('simple', coalesce(organization_name, '') || ' ' || coalesce(term_names, '')), 'B') ||
      setweight(to_tsvector('simple', coalesce(description, '')), 'C')) stored`.execute(db);
    await sql`create index refer_search_document on refer_search using gin (document)`.execute(db);
    // Category filters: the space-separated term ids as an array, with GIN (`@>` containment).
    await sql`alter table refer_search add column term_ids text[] generated always as (string_to_array(btrim(terms), ' ')) stored`.execute(db);
    await sql`create index refer_search_term_ids on refer_search using gin (term_ids)`.execute(db);
    await sql`create index refer_search_place on refer_search using gist (point(longitude, latitude)) where latitude is not null and longitude is not null`.execute(db);
    return;
  }
  // External-content FTS5: the text lives once, in refer_search; triggers keep the index in step.
  // `terms` (term ids) is indexed too, so a category filter is a phrase match in that column.
  await sql`create virtual table refer_search_fts using fts5(name, organization_name, term_names, description, terms,
    content='refer_search', content_rowid='search_key', tokenize='unicode61 remove_diacritics 2')`.execute(db);
  await sql`create virtual table refer_search_place using rtree(search_key, min_lon, max_lon, min_lat, max_lat)`.execute(db);
  await sql`create trigger refer_search_ai after insert on refer_search begin
    insert into refer_search_fts(rowid, name, organization_name, term_names, description, terms)
      values (new.search_key, new.name, new.organization_name, new.term_names, new.description, new.terms);
    insert into refer_search_place(search_key, min_lon, max_lon, min_lat, max_lat)
      select new.search_key, new.longitude, new.longitude, new.latitude, new.latitude
      where new.latitude is not null and new.longitude is not null;
  end`.execute(db);
  await sql`create trigger refer_search_ad after delete on refer_search begin
    insert into refer_search_fts(refer_search_fts, rowid, name, organization_name, term_names, description, terms)
      values ('delete', old.search_key, old.name, old.organization_name, old.term_names, old.description, old.terms);
    delete from refer_search_place where search_key = old.search_key;
  end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
