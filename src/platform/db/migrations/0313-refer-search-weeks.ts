import { sql, type Kysely } from 'kysely';
import { termsOf } from './0312-refer-search-terms.ts';

// An open-now search in a category walks the category's rows of refer_search_term in order and
// kept each listing only after reading its refer_search row for the week of hours (672
// characters). When nothing in the category is open at that hour, the walk read every listing's
// row: a common category at a million listings is 100,000 random reads, 140 ms. Listings share
// few weeks (a zone and a schedule: "weekdays 9 to 5 in New York"), so each distinct week is
// stored once here, and each term row names its listing's week: the walk checks the week id
// against the few weeks open at that instant and reads only the listings it keeps (see
// src/refer/search.ts). Weeks no listing uses any more stay; they are few and change no answer.
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  await sql`create table refer_search_week (
    week_id ${postgres ? sql`bigint generated always as identity` : sql`integer`} primary key,
    organization_id text not null,
    time_zone text not null,
    hours text not null,
    unique (organization_id, time_zone, hours))`.execute(db);
  await sql`insert into refer_search_week (organization_id, time_zone, hours)
    select distinct organization_id, time_zone, hours from refer_search`.execute(db);
  await (postgres ? addWeeksOnPostgres(db) : addWeeksOnSqlite(db));
  await sql`analyze refer_search_week`.execute(db);
  await sql`analyze refer_search_term`.execute(db);
}

async function addWeeksOnPostgres(db: Kysely<unknown>): Promise<void> {
  await sql`alter table refer_search_term add column week_id bigint`.execute(db);
  await sql`update refer_search_term t set week_id = w.week_id from refer_search s, refer_search_week w
    where s.search_key = t.search_key and w.organization_id = s.organization_id and w.time_zone = s.time_zone and w.hours = s.hours`.execute(db);
  await sql`alter table refer_search_term alter column week_id set not null`.execute(db);
  // The week in the key's index, so the walk stays an index-only scan.
  await sql`alter table refer_search_term drop constraint refer_search_term_pkey`.execute(db);
  await sql`alter table refer_search_term add primary key (organization_id, term_id, name, service_id, place_id, search_key) include (week_id)`.execute(db);
  // The whole function, as `create or replace` needs it: the delete branch is 0312's unchanged.
  await sql`create or replace function refer_search_term_sync() returns trigger language plpgsql as $$
    declare
      week bigint;
    begin
      if tg_op = 'DELETE' then
        delete from refer_search_term
          where organization_id = old.organization_id and term_id = any(old.term_ids) and name = old.name collate "C"
            and service_id = old.service_id collate "C" and place_id = coalesce(old.service_at_location_id, '') collate "C"
            and search_key = old.search_key;
        return old;
      end if;
      insert into refer_search_week (organization_id, time_zone, hours) values (new.organization_id, new.time_zone, new.hours)
        on conflict do nothing;
      select week_id into week from refer_search_week
        where organization_id = new.organization_id and time_zone = new.time_zone and hours = new.hours;
      insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key, week_id)
        select new.organization_id, term, new.name, new.service_id, coalesce(new.service_at_location_id, ''), new.search_key, week
        from unnest(new.term_ids) as term where term <> '';
      return new;
    end $$`.execute(db);
}

async function addWeeksOnSqlite(db: Kysely<unknown>): Promise<void> {
  // Rebuilt rather than altered: a column added to an existing SQLite table needs a default,
  // and a term row that silently took one would never be open. Renaming the table would rename
  // it in its triggers too, so both go first and come back below.
  await sql`drop trigger refer_search_term_ai`.execute(db);
  await sql`drop trigger refer_search_term_ad`.execute(db);
  await sql`alter table refer_search_term rename to refer_search_term_old`.execute(db);
  await sql`create table refer_search_term (
    organization_id text not null,
    term_id text not null,
    name text not null,
    service_id text not null,
    place_id text not null,
    search_key integer not null,
    week_id integer not null,
    primary key (organization_id, term_id, name, service_id, place_id, search_key)) without rowid`.execute(db);
  await sql`insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key, week_id)
    select t.organization_id, t.term_id, t.name, t.service_id, t.place_id, t.search_key, w.week_id
    from refer_search_term_old t
    join refer_search s on s.search_key = t.search_key
    join refer_search_week w on w.organization_id = s.organization_id and w.time_zone = s.time_zone and w.hours = s.hours`.execute(db);
  await sql`drop table refer_search_term_old`.execute(db);
  await sql`create trigger refer_search_term_ai after insert on refer_search begin
    insert or ignore into refer_search_week (organization_id, time_zone, hours) values (new.organization_id, new.time_zone, new.hours);
    insert into refer_search_term (organization_id, term_id, name, service_id, place_id, search_key, week_id)
      select new.organization_id, value, new.name, new.service_id, coalesce(new.service_at_location_id, ''), new.search_key,
        (select week_id from refer_search_week where organization_id = new.organization_id and time_zone = new.time_zone and hours = new.hours)
      from ${termsOf('new')} where value <> '';
  end`.execute(db);
  await sql`create trigger refer_search_term_ad after delete on refer_search begin
    delete from refer_search_term
      where organization_id = old.organization_id and term_id in (select value from ${termsOf('old')}) and name = old.name
        and service_id = old.service_id and place_id = coalesce(old.service_at_location_id, '') and search_key = old.search_key;
  end`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error('Lantern migrations go forward only.');
}
