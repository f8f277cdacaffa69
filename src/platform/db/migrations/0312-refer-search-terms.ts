import { sql, type Kysely } from 'kysely';

// A category search lists the category's listings by name, then service and location ids. Its
// candidates came from the full-text index (SQLite) or the term-array GIN (PostgreSQL) and were all
// sorted to show twenty: at a million listings a common category is 100,000 rows and 100 ms. This
// table holds one row per listing and term, in exactly that order, so a category search reads
// the first rows of its term and stops at a full page (see src/refer/search.ts). Triggers keep it
// in step with refer_search on both databases; existing rows are copied in here.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  if (postgres) {
    // "C": the byte order search results use on both databases (see search.ts).
    await sql`create table refer_search_term (
      organization_id text not null,
      term_id text not null,
      name text collate "C" not null,
      service_id text collate "C" not null,
      place_id text collate "C" not null,
      search_key bigint not null,
      primary key (organization_id, term_id, name, service_id, place_id, search_key))`.execute(db);
    await sql`create function refer_search_term_sync() returns trigger language plpgsql as $$
      begin
        if tg_op = 'DELETE' then
          delete from refer_search_term
            where organization_id = old.organization_id and term_id = any(old.term_ids) and name = old.name collate "C"
              and service_id = old.service_id collate "C" and place_id = coalesce(old.service_at_location_id, '') collate "C"
              and search_key = old.search_key;
          return old;
        end if;
        insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key)
          select new.organization_id, term, new.name, new.service_id, coalesce(new.service_at_location_id, ''), new.search_key
          from unnest(new.term_ids) as term where term <> '';
        return new;
      end $$`.execute(db);
    await sql`create trigger refer_search_term_sync after insert or delete on refer_search
      for each row execute function refer_search_term_sync()`.execute(db);
    await sql`insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key)
      select s.organization_id, term, s.name, s.service_id, coalesce(s.service_at_location_id, ''), s.search_key
      from refer_search s, unnest(s.term_ids) as term where term <> ''`.execute(db);
    await sql`analyze refer_search_term`.execute(db);
    return;
  }
  await sql`create table refer_search_term (
    organization_id text not null,
    term_id text not null,
    name text not null,
    service_id text not null,
    place_id text not null,
    search_key integer not null,
    primary key (organization_id, term_id, name, service_id, place_id, search_key)) without rowid`.execute(db);
  await sql`create trigger refer_search_term_ai after insert on refer_search begin
    insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key)
      select new.organization_id, value, new.name, new.service_id, coalesce(new.service_at_location_id, ''), new.search_key
      from ${termsOf('new')} where value <> '';
  end`.execute(db);
  await sql`create trigger refer_search_term_ad after delete on refer_search begin
    delete from refer_search_term
      where organization_id = old.organization_id and term_id in (select value from ${termsOf('old')}) and name = old.name
        and service_id = old.service_id and place_id = coalesce(old.service_at_location_id, '') and search_key = old.search_key;
  end`.execute(db);
  await sql`insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key)
    select s.organization_id, value, s.name, s.service_id, coalesce(s.service_at_location_id, ''), s.search_key
    from refer_search s, ${termsOf('s')} where value <> ''`.execute(db);
  await sql`analyze refer_search_term`.execute(db);
}

/**
 * A search row's term ids, one per row, for a SQLite trigger: `terms` is ` id1 id2 `, made a JSON
 * array (quotes and backslashes escaped) for json_each, as SQLite triggers cannot split a string
 * with a recursive query. (Migration 0313 rebuilds the triggers with it.)
 */
export const termsOf = (row: 'new' | 'old' | 's') =>
  sql.raw(`json_each('["' || replace(replace(replace(trim(${row}.terms), '\\', '\\\\'), '"', '\\"'), ' ', '","') || '"]')`);

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
