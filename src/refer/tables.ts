/**
 * @module Refer's tables, added to the platform's `Database` type (see platform/db/schema.ts).
 * `refer_row` keeps every HSDS row as imported (the normalized directory, served and exported
 * unchanged); `refer_search` is derived from it, one row per service at a location, for search.
 */
import type { Generated } from 'kysely';
import type { Bool } from '../platform/db/schema.ts';

/** One HSDS row of any table. `organization_id` is the Lantern tenant, not HSDS's column. */
export interface ReferRowTable {
  organization_id: string;
  hsds_table: string;
  id: string;
  /** JSON: the flat HSDS row exactly as imported (scalar fields, foreign keys filled in). */
  data: string;
  /** The row's `service_id`, for gathering a service's children. */
  ref_service: string | null;
  /** The row's `location_id`. */
  ref_location: string | null;
  /** The row's HSDS `organization_id`. */
  ref_owner: string | null;
  /** The row's other parent: `link_id`, `resource_id`, `service_at_location_id`, `contact_id`, `phone_id` or `taxonomy_id`. */
  ref_link: string | null;
}

/** One service at one location (or a service without location), denormalized for search. */
export interface ReferSearchTable {
  /** Integer key shared with the full-text and spatial indexes. */
  search_key: Generated<number>;
  organization_id: string;
  service_id: string;
  /** The service_at_location id, null for a service delivered nowhere in particular. */
  service_at_location_id: string | null;
  location_id: string | null;
  name: string;
  organization_name: string;
  description: string;
  /** Space-separated taxonomy term ids, wrapped in spaces (` id1 id2 `) for `like` matching. */
  terms: string;
  /** Names of those terms, for full-text search. */
  term_names: string;
  /** Space-wrapped lower-case language codes (` en es `). */
  languages: string;
  min_age: number | null;
  max_age: number | null;
  /** Space-wrapped population term codes (` women minors `), empty when the service serves anyone. */
  populations: string;
  /** 1 when the service accepts minors (no minimum age above 17, or the `minors` population). */
  minors: Bool;
  /** 1 when the service is free (a cost option of amount 0, or `fees` / description saying free). */
  free: Bool;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  /** 672 characters, one per quarter hour of the local week from Monday 00:00: `1` when open. */
  hours: string;
  confidential: Bool;
  /** The listing's public phone number (service at location, else service, else location), '' when none. */
  phone: string;
  /** One-line street address, '' when the location is confidential or has none. */
  address: string;
}

/**
 * One row per listing and taxonomy term (ancestors included, as in `terms`), kept by triggers on
 * `refer_search`, its key in the order category searches list: name, service id, location id
 * (`''` for none).
 */
export interface ReferSearchTermTable {
  organization_id: string;
  term_id: string;
  name: string;
  service_id: string;
  place_id: string;
  search_key: number;
  /** The listing's week of hours in its zone (`refer_search_week`), so open-now filters here. */
  week_id: number;
}

/**
 * Each distinct week of hours (with its time zone) among an organization's listings, kept by the
 * trigger that fills `refer_search_term` (migration 0313).
 */
export interface ReferSearchWeekTable {
  week_id: Generated<number>;
  organization_id: string;
  time_zone: string;
  /** As `refer_search.hours`. */
  hours: string;
}

declare module '../platform/db/schema.ts' {
  interface Database {
    refer_row: ReferRowTable;
    refer_search: ReferSearchTable;
    refer_search_term: ReferSearchTermTable;
    refer_search_week: ReferSearchWeekTable;
  }
}
