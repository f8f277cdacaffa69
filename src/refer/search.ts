/**
 * @module Directory search: one function; one indexed SQL statement per dialect, tried first on
 * narrower sets of rows where that can answer (`searchSteps`). SQLite uses FTS5 (bm25) and an
 * R*Tree; PostgreSQL a weighted tsvector with GIN (ts_rank) and GiST on a point.
 * Filters and ordering are the same on both: distance first when a point is given (relevance
 * breaks ties), else relevance, then name and ids, so both databases list the same services.
 * The national hotline and the CyberTipline are returned apart, pinned, whatever the query.
 */
import { sql, CompiledQuery, type SelectQueryBuilder, type Expression, type SqlBool } from 'kysely';
import type { OrgScope } from '../platform/db/scope.ts';
import type { Database } from '../platform/db/schema.ts';
import { invalid } from '../platform/http/errors.ts';
import { findPostalCentroid, type Centroid } from './postal-codes.ts';
import { anyGenderCode, findWeekSlot, genderCodes } from './search-rows.ts';
import { loadShippedTaxonomy } from './taxonomy.ts';
import { findPinnedRoutes, type PinnedRoute } from './pinned-routes.ts';
import './tables.ts';

export interface DirectorySearch {
  /** Free text: every word must match (as a prefix) the name, organization, categories or description. */
  text?: string;
  /** A taxonomy term id, or the code of a term of Lantern's taxonomy (`emergency-shelter`); children match. */
  category?: string;
  /** Language code (`es`). */
  language?: string;
  /** The person's age in years. */
  age?: number;
  gender?: keyof typeof genderCodes;
  /** Only services that accept minors. */
  minors?: boolean;
  /** Only free services. */
  free?: boolean;
  /** Only services open at this instant (in each location's own time zone). */
  openAt?: Date;
  /** Distance from a point, or from the centroid of a US ZIP code. */
  near?: Centroid;
  postalCode?: string;
  /** Radius in km around `near`/`postalCode` (default 80). */
  radiusKm?: number;
  limit?: number;
  offset?: number;
}

/** One listing in the results. Confidential locations carry no coordinates and a coarse distance. */
export interface SearchHit {
  serviceId: string;
  serviceAtLocationId: string | null;
  name: string;
  organizationName: string;
  description: string;
  categories: string[];
  languages: string[];
  populations: string[];
  minAge: number | null;
  maxAge: number | null;
  minors: boolean;
  free: boolean;
  confidential: boolean;
  latitude: number | null;
  longitude: number | null;
  timeZone: string;
  /** km from the search point (rounded up to 5 km for a confidential location). */
  distanceKm: number | null;
  relevance: number | null;
  /** The public phone number, null when the listing has none. */
  phone: string | null;
  /** The street address on one line; always null for a confidential location. */
  address: string | null;
  /** Open at the search's instant (`openAt`, else now) by its weekly schedule; null when it lists no hours. */
  openNow: boolean | null;
}

export interface SearchResult {
  /** Always offered first, never ranked away. */
  pinned: PinnedRoute[];
  results: SearchHit[];
  /** True when more results follow this page. */
  hasMore: boolean;
}

const kmPerDegree = 111.195;
const defaultRadiusKm = 80;
const coarseKm = 5;

/**
 * How a search narrows the rows it reads before the statement that always answers (see
 * `searchSteps`). The defaults suit a directory of any size; tests set others to reach each step.
 */
export interface SearchTuning {
  /** Distance-ordered searches first look within these radii (km), smallest first. */
  ringsKm: readonly number[];
  /** On SQLite, a search by words alone first keeps only the best-scored matches (see `searchSteps`). */
  rankCut: boolean;
}

export const defaultTuning: SearchTuning = { ringsKm: [1, 4, 16], rankCut: true };

/** Runs a search for the scope's organization. */
export async function searchDirectory(scope: OrgScope, search: DirectorySearch, tuning: SearchTuning = defaultTuning): Promise<SearchResult> {
  const zones = search.openAt ? await listTimeZones(scope) : [];
  const plan = planSearch(search);
  const steps = searchSteps(plan, tuning, scope.dialect).map((access) => () => buildSearchQuery(scope, search, zones, access).execute());
  const { rows } = await runSearchSteps(steps, plan.limit);
  const at = search.openAt ?? new Date();
  // One week slot per time zone on the page: building an Intl formatter per hit would cost more than the query.
  const slots = new Map<string, number>();
  const slotIn = (zone: string): number => {
    let slot = slots.get(zone);
    if (slot === undefined) slots.set(zone, (slot = findWeekSlot(at, zone)));
    return slot;
  };
  const hits = rows.slice(0, plan.limit).map((row) => presentHit(row as unknown as SearchRowOut, plan.point, slotIn));
  return { pinned: findPinnedRoutes(), results: hits, hasMore: rows.length > plan.limit };
}

/**
 * The search's statements, compiled (SQL text and parameters) as the database receives them, so a
 * benchmark can run them raw (`db.executeQuery`) through `runSearchSteps`, beside the HTTP call.
 */
export async function compileSearchQuery(scope: OrgScope, search: DirectorySearch, tuning: SearchTuning = defaultTuning): Promise<{ steps: CompiledQuery[]; limit: number }> {
  const zones = search.openAt ? await listTimeZones(scope) : [];
  const plan = planSearch(search);
  return { steps: searchSteps(plan, tuning, scope.dialect).map((access) => buildSearchQuery(scope, search, zones, access).compile()), limit: plan.limit };
}

/**
 * Runs a search's steps in order. A step that fills the page (limit + 1 rows) is the answer: each
 * narrowed step keeps only rows that come before every row it leaves out, so a full page from it
 * is the page the last step would give. The last step answers whatever it returns.
 */
export async function runSearchSteps<R>(steps: (() => Promise<R[]>)[], limit: number): Promise<{ rows: R[]; step: number }> {
  for (let step = 0; ; step += 1) {
    const rows = await steps[step]!();
    if (step === steps.length - 1 || rows.length > limit) return { rows, step };
  }
}

/** Narrowing of one step (none: the whole statement). */
interface StepAccess {
  /** Only listings within this radius (a circle, not the box), for distance-ordered searches. */
  ringKm?: number;
  /**
   * Only matches scored at least as well as the n-th best of all matches (every organization's,
   * unfiltered), for searches ordered by relevance first.
   */
  rankCut?: number;
}

/**
 * Why steps: sorting every match of a broad search is what made searches slow at scale
 * (docs/benchmarks.md, Refer). A distance search sorted every listing in its radius, thousands in
 * a city, to show the nearest twenty; it now looks in small circles around the point first: if a
 * circle holds a full page, nothing outside it can come first. Otherwise the next circle, and
 * finally the statement over the whole radius. A search by words alone on SQLite sorted every
 * match by score, name and ids, joining each to its sort keys (a fifth of a million listings for
 * "shelter"); it first scores the matches once and keeps those at least as good as the page's
 * last place among all matches, ties included: if they fill the page, nothing left out could come
 * first. Other organizations' matches can leave it short, and then the whole statement answers.
 * (PostgreSQL is not given this step: scoring every match with `ts_rank` is most of its statement
 * already, docs/benchmarks.md. A category search without words or a place needs no steps: it
 * reads `refer_search_term` in order and stops at a page.)
 */
function searchSteps(plan: SearchPlan, tuning: SearchTuning, dialect: OrgScope['dialect']): StepAccess[] {
  if (plan.words.length > 0) {
    // With a place the order starts with distance, not score, and the circles would repeat the
    // full-text match for each step (measured 1.2× slower at a million listings).
    return plan.wordsOnly && tuning.rankCut && dialect === 'sqlite' ? [{ rankCut: plan.offset + plan.limit + 1 }, {}] : [{}];
  }
  if (!plan.point) return [{}];
  return [...tuning.ringsKm.filter((km) => km < plan.radiusKm).map((ringKm) => ({ ringKm })), {}];
}

/**
 * The time zones of the organization's listings (open-now needs each zone's local time), in one
 * statement: the distinct zones of its weeks (`refer_search_week`, a few rows per zone), each kept
 * only while a listing still has it (weeks outlive the listings that had them). A `select
 * distinct` over the listings read every index entry (80 ms at a million); a probe per zone was a
 * round trip per zone, most of an open-now search's time on PostgreSQL once the walk was fast.
 */
export async function listTimeZones(scope: OrgScope): Promise<string[]> {
  // Grouped first, so a listing is looked for once per zone, not once per week.
  const zones = await scope.selectFrom('refer_search_week').select('refer_search_week.time_zone').groupBy('refer_search_week.time_zone')
    .having((eb) => eb.exists(scope.selectFrom('refer_search').select(sql`1`.as('one')).where(sql<SqlBool>`refer_search.time_zone = refer_search_week.time_zone`)))
    .execute();
  return zones.map((z) => z.time_zone);
}

interface SearchPlan {
  point: Centroid | undefined;
  radiusKm: number;
  limit: number;
  offset: number;
  categoryId: string | undefined;
  words: string[];
  /**
   * Words and nothing else: no category, place or other filter. The best-scored-matches step needs
   * only that no place is given (score must come first); filters would leave it short of a page,
   * so with them it would only add work.
   */
  wordsOnly: boolean;
}

let termIdsByCode: Map<string, string> | undefined;

/** The shipped taxonomy's term ids by code, read from content once (not on every search). */
function shippedTermIdsByCode(): Map<string, string> {
  termIdsByCode ??= new Map(loadShippedTaxonomy().terms.map((t) => [String(t.code), String(t.id)]));
  return termIdsByCode;
}

function planSearch(search: DirectorySearch): SearchPlan {
  let point = search.near;
  if (search.postalCode !== undefined) {
    point = findPostalCentroid(search.postalCode);
    if (!point) throw invalid('unknown US postal code', 'postalCode');
  }
  // A shipped term may be asked for by its code (`emergency-shelter`); any other value is a term id.
  const categoryId = search.category === undefined ? undefined : (shippedTermIdsByCode().get(search.category) ?? search.category);
  const words = searchWords(search.text ?? '');
  return {
    point,
    radiusKm: Math.min(search.radiusKm ?? defaultRadiusKm, 1000),
    limit: Math.min(Math.max(search.limit ?? 20, 1), 100),
    offset: Math.max(search.offset ?? 0, 0),
    categoryId,
    words,
    wordsOnly: words.length > 0 && point === undefined && categoryId === undefined && search.language === undefined && search.age === undefined
      && search.gender === undefined && search.minors !== true && search.free !== true && search.openAt === undefined,
  };
}

/**
 * The search as one SELECT (one row more than the page, to tell whether more follow). Exposed so
 * a benchmark can compile it and run the raw SQL beside the HTTP call.
 */
export function buildSearchQuery(scope: OrgScope, search: DirectorySearch, zones: string[], access: StepAccess = {}): SelectQueryBuilder<Database, 'refer_search', Record<string, unknown>> {
  const plan = planSearch(search);
  const postgres = scope.dialect === 'postgres';
  // A category with neither words nor a place: read the category's listings in the order they are
  // listed, from `refer_search_term`, and stop at a full page (migration 0312).
  const byTerm = plan.categoryId !== undefined && plan.words.length === 0 && !plan.point;
  const conditions: Expression<SqlBool>[] = [];
  let query = scope.selectFrom('refer_search') as SelectQueryBuilder<Database, 'refer_search', object>;
  if (byTerm) {
    query = scope.selectFrom('refer_search_term')
      .innerJoin('refer_search', 'refer_search.search_key', 'refer_search_term.search_key') as unknown as SelectQueryBuilder<Database, 'refer_search', object>;
    conditions.push(sql<SqlBool>`refer_search_term.term_id = ${plan.categoryId}`);
  }
  // Beside words or a place, the category is a filter on the search row instead.
  const categoryFilter = byTerm ? undefined : plan.categoryId;
  let relevance = sql<number | null>`null`;

  if (postgres) {
    if (plan.words.length > 0) {
      conditions.push(matchWords('postgres', plan.words)!);
      relevance = tsRank(plan.words);
    }
    if (categoryFilter !== undefined) conditions.push(sql<SqlBool>`refer_search.term_ids @> array[${categoryFilter}]::text[]`);
  } else {
    // One FTS5 MATCH: the words in the text columns, the category as a phrase of its id's tokens
    // in the `terms` column (ids are stored space-separated, so a phrase cannot span two ids).
    const parts: string[] = [];
    if (plan.words.length > 0) parts.push(ftsWords(plan.words));
    if (categoryFilter !== undefined) {
      const tokens = textTokens(categoryFilter);
      if (tokens.length > 0) parts.push(`terms : "${tokens.join(' ')}"`);
      else conditions.push(sql<SqlBool>`1 = 0`);
    }
    if (parts.length > 0) {
      const ranked = sql`select rowid as fts_key, ${sql.raw(bm25)} as fts_rank from refer_search_fts where refer_search_fts match ${parts.join(' AND ')}`;
      query = query.innerJoin(
        (access.rankCut === undefined
          ? sql`(${ranked})`
          : sql`(with ranked as materialized (${ranked}) select fts_key, fts_rank from ranked
              where fts_rank <= (select fts_rank from ranked order by fts_rank limit 1 offset ${access.rankCut - 1}))`).as('fts') as never,
        (join) => join.on(sql`fts.fts_key`, '=', sql`refer_search.search_key`) as never,
      ) as never;
      if (plan.words.length > 0) relevance = sql<number>`-fts.fts_rank`;
    }
  }
  // The phrase match finds the id's tokens; this keeps exactly the id (and is cheap on the few rows left).
  if (categoryFilter !== undefined) conditions.push(sql<SqlBool>`refer_search.terms like ${`% ${categoryFilter} %`}`);
  if (search.language !== undefined) conditions.push(sql<SqlBool>`refer_search.languages like ${`% ${search.language.toLowerCase()} %`}`);
  if (search.age !== undefined) {
    conditions.push(sql<SqlBool>`(refer_search.min_age is null or refer_search.min_age <= ${search.age})`);
    conditions.push(sql<SqlBool>`(refer_search.max_age is null or refer_search.max_age >= ${search.age})`);
  }
  if (search.gender !== undefined) {
    conditions.push(sql<SqlBool>`(refer_search.populations like ${`% ${anyGenderCode} %`} or refer_search.populations like ${`% ${genderCodes[search.gender]} %`})`);
  }
  if (search.minors === true) conditions.push(sql<SqlBool>`refer_search.minors = 1`);
  if (search.free === true) conditions.push(sql<SqlBool>`refer_search.free = 1`);
  if (search.openAt !== undefined) {
    const at = search.openAt;
    const openIn = (table: 'refer_search' | 'refer_search_week') => {
      const slot = zones.length === 0
        ? sql`0`
        : sql`case ${sql.ref(`${table}.time_zone`)} ${sql.join(zones.map((z) => sql`when ${z} then ${findWeekSlot(at, z)}`), sql` `)} else 0 end`;
      return sql<SqlBool>`substr(${sql.ref(`${table}.hours`)}, ${slot}, 1) = '1'`;
    };
    // Walking a category, the term row's week decides, against the organization's few weeks open
    // at that instant, before the listing's own row is read (migration 0313).
    conditions.push(byTerm
      ? sql<SqlBool>`refer_search_term.week_id in (${scope.selectFrom('refer_search_week').select('refer_search_week.week_id').where(openIn('refer_search_week'))})`
      : openIn('refer_search'));
  }

  let distance = sql<number | null>`null`;
  if (plan.point) {
    const { latitude, longitude } = plan.point;
    const cos = Math.cos((latitude * Math.PI) / 180);
    // A ring's box is a little wider than its circle, so SQLite's R*Tree, which stores coordinates
    // as 32-bit floats, cannot leave out a listing on the circle.
    const radiusKm = access.ringKm === undefined ? plan.radiusKm : access.ringKm * 1.01;
    const dLat = radiusKm / kmPerDegree;
    const dLon = radiusKm / (kmPerDegree * Math.max(cos, 0.01));
    const [west, east, south, north] = [longitude - dLon, longitude + dLon, latitude - dLat, latitude + dLat];
    if (postgres) {
      conditions.push(sql<SqlBool>`refer_search.latitude is not null and refer_search.longitude is not null`);
      conditions.push(sql<SqlBool>`point(refer_search.longitude, refer_search.latitude) <@ box(point(${west}, ${south}), point(${east}, ${north}))`);
    } else {
      conditions.push(sql<SqlBool>`refer_search.search_key in (select search_key from refer_search_place where min_lon >= ${west} and max_lon <= ${east} and min_lat >= ${south} and max_lat <= ${north})`);
    }
    // Squared equirectangular distance in degrees: monotonic in true distance at city scale, and
    // computed the same way on both databases (the exact distance is computed for the page only).
    distance = sql<number>`((refer_search.longitude - ${longitude}) * ${cos}) * ((refer_search.longitude - ${longitude}) * ${cos}) + (refer_search.latitude - ${latitude}) * (refer_search.latitude - ${latitude})`;
    // The circle inside the box: everything outside it is farther than everything in it.
    if (access.ringKm !== undefined) conditions.push(sql<SqlBool>`${distance} <= ${(access.ringKm / kmPerDegree) ** 2}`);
  }

  // Page first, then columns: the sort carries only its keys (relevance, distance, name, ids),
  // and only the page's rows are read whole. On SQLite the keys of a free-text search come from
  // the `refer_search_page_keys` covering index instead of every matching row (free-text p50
  // 164 → 74 ms at 200,000 listings; see docs/benchmarks.md).
  // The term table's columns are in byte order already ("C" on PostgreSQL), as its key must be.
  const collate = postgres && !byTerm ? sql` collate "C"` : sql``;
  const source = byTerm
    ? { name: 'refer_search_term.name', serviceId: 'refer_search_term.service_id', place: sql<string>`refer_search_term.place_id` }
    : { name: 'refer_search.name', serviceId: 'refer_search.service_id', place: sql<string>`coalesce(refer_search.service_at_location_id, '')` };
  let page = query.select([
    sql<number>`refer_search.search_key`.as('page_key'), relevance.as('relevance'), distance.as('distance'),
    sql<string>`${sql.ref(source.name)}`.as('page_name'), sql<string>`${sql.ref(source.serviceId)}`.as('page_service_id'), source.place.as('page_place_id'),
  ]) as unknown as SelectQueryBuilder<Database, 'refer_search', Record<string, unknown>>;
  for (const condition of conditions) page = page.where(condition);
  // PostgreSQL sorts on an output alias only when it stands alone, so the collated keys name
  // their source columns in the page query and the page's columns outside it.
  const ordered = <Q extends SelectQueryBuilder<Database, 'refer_search', Record<string, unknown>>>(q: Q, outer: boolean): Q => {
    const key = (alias: string, source: string) => sql.ref(outer ? `page.${alias}` : source);
    let out = q;
    if (plan.point) out = out.orderBy(sql.ref(outer ? 'page.distance' : 'distance')) as Q;
    if (plan.words.length > 0) out = out.orderBy(sql.ref(outer ? 'page.relevance' : 'relevance'), 'desc') as Q;
    // Byte order on both databases (PostgreSQL's default collation would sort names differently).
    return out
      .orderBy(sql`${key('page_name', source.name)}${collate}`)
      .orderBy(sql`${key('page_service_id', source.serviceId)}${collate}`)
      .orderBy(outer ? sql`page.page_place_id${collate}` : sql`${source.place}${collate}`) as Q;
  };
  page = ordered(page, false).limit(plan.limit + 1).offset(plan.offset);

  const joined = scope.selectFrom('refer_search')
    .innerJoin(page.as('page') as never, (join) => join.on(sql`page.page_key`, '=', sql`refer_search.search_key`) as never) as unknown as SelectQueryBuilder<Database, 'refer_search', object>;
  const withColumns = joined.select([
    'refer_search.service_id', 'refer_search.service_at_location_id', 'refer_search.name', 'refer_search.organization_name',
    'refer_search.description', 'refer_search.terms', 'refer_search.languages', 'refer_search.populations',
    'refer_search.min_age', 'refer_search.max_age', 'refer_search.minors', 'refer_search.free', 'refer_search.confidential',
    'refer_search.latitude', 'refer_search.longitude', 'refer_search.time_zone',
    'refer_search.hours', 'refer_search.phone', 'refer_search.address',
    sql`page.relevance`.as('relevance'), sql`page.distance`.as('distance'),
  ]) as unknown as SelectQueryBuilder<Database, 'refer_search', Record<string, unknown>>;
  return ordered(withColumns, true);
}

interface SearchRowOut {
  service_id: string;
  service_at_location_id: string | null;
  name: string;
  organization_name: string;
  description: string;
  terms: string;
  languages: string;
  populations: string;
  min_age: number | null;
  max_age: number | null;
  minors: number;
  free: number;
  confidential: number;
  latitude: number | null;
  longitude: number | null;
  time_zone: string;
  hours: string;
  phone: string;
  address: string;
  relevance: number | null;
}

function presentHit(row: SearchRowOut, point: Centroid | undefined, slotIn: (zone: string) => number): SearchHit {
  const confidential = Number(row.confidential) === 1;
  let distanceKm: number | null = null;
  if (point && row.latitude !== null && row.longitude !== null) {
    const exact = haversineKm(point, { latitude: Number(row.latitude), longitude: Number(row.longitude) });
    distanceKm = confidential ? Math.max(coarseKm, Math.ceil(exact / coarseKm) * coarseKm) : Math.round(exact * 10) / 10;
  }
  const split = (text: string): string[] => text.trim().split(' ').filter((s) => s !== '');
  return {
    serviceId: row.service_id,
    serviceAtLocationId: row.service_at_location_id,
    name: row.name,
    organizationName: row.organization_name,
    description: row.description,
    categories: split(row.terms),
    languages: split(row.languages),
    populations: split(row.populations).filter((p) => p !== anyGenderCode),
    minAge: row.min_age === null ? null : Number(row.min_age),
    maxAge: row.max_age === null ? null : Number(row.max_age),
    minors: Number(row.minors) === 1,
    free: Number(row.free) === 1,
    confidential,
    latitude: confidential || row.latitude === null ? null : Number(row.latitude),
    longitude: confidential || row.longitude === null ? null : Number(row.longitude),
    timeZone: row.time_zone,
    distanceKm,
    relevance: row.relevance === null ? null : Number(row.relevance),
    phone: row.phone === '' ? null : row.phone,
    address: confidential || row.address === '' ? null : row.address,
    openNow: row.hours.includes('1') ? row.hours[slotIn(row.time_zone) - 1] === '1' : null,
  };
}

/** Runs of letters and digits, lower case: the words of a search, the tokens of a category id. */
function textTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The words of a free-text search: at most twelve. */
function searchWords(text: string): string[] {
  return textTokens(text).slice(0, 12);
}

/**
 * The text condition alone, as a subquery-friendly filter on `refer_search` (for the HSDS API's
 * `search` parameter and the listings editor): every word as a prefix.
 */
export function matchText(dialect: OrgScope['dialect'], text: string): Expression<SqlBool> | undefined {
  return matchWords(dialect, searchWords(text));
}

function matchWords(dialect: OrgScope['dialect'], words: string[]): Expression<SqlBool> | undefined {
  if (words.length === 0) return undefined;
  if (dialect === 'postgres') return sql<SqlBool>`refer_search.document @@ to_tsquery('simple', ${tsQuery(words)})`;
  return sql<SqlBool>`refer_search.search_key in (select rowid from refer_search_fts where refer_search_fts match ${ftsWords(words)})`;
}

/**
 * A word search's ranking alone: every match scored by the database's relevance function and the
 * best `limit` kept, with no filter, join or tie-break. No search with these words can be faster
 * than this statement; the benchmark runs it beside each free-text search to show that floor
 * (docs/decisions/0009-directory-search-access.md).
 */
export function compileRankingOnly(scope: OrgScope, text: string, limit: number): CompiledQuery {
  const words = searchWords(text);
  if (words.length === 0) throw new Error('a ranking needs words');
  if (scope.dialect === 'postgres') {
    return scope.selectFrom('refer_search').select(tsRank(words).as('relevance')).where(matchWords('postgres', words)!)
      .orderBy('relevance', 'desc').limit(limit).compile();
  }
  // The full-text index holds every organization's listings; the bench's database has one.
  return CompiledQuery.raw(`select ${bm25} as fts_rank from refer_search_fts where refer_search_fts match ? order by fts_rank limit ?`, [ftsWords(words), limit]);
}

// Name counts most, then the organization and the category names, then the description; the
// `terms` column (category ids) only filters.
const bm25 = 'bm25(refer_search_fts, 10.0, 4.0, 4.0, 1.0, 0.0)';
const ftsWords = (words: string[]): string => `{name organization_name term_names description} : (${words.map((w) => `"${w}"*`).join(' AND ')})`;
const tsQuery = (words: string[]): string => words.map((w) => `${w}:*`).join(' & ');
const tsRank = (words: string[]) => sql<number>`ts_rank(refer_search.document, to_tsquery('simple', ${tsQuery(words)}))`;

/** Great-circle distance in km. */
export function haversineKm(a: Centroid, b: Centroid): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}
