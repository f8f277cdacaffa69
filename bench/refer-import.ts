/**
 * `node bin/run-ts.mjs bench/refer-import.ts [--services N] [--db sqlite|postgres] [--seed 1] [--json]`
 *
 * Directory import throughput: the generated directory (1,000,000 services by default; a smaller
 * `--services` for a smoke run), written once as a tabular datapackage folder and cached in
 * tmp/refer-bench/, is imported into a fresh database the way `lantern directory import` does it
 * (streamed: CSV parsed, every row typed and validated with ajv, HSDS rows and search rows written
 * in one transaction). Beside it, on another fresh database with the same schema, the floor: the
 * same HSDS rows and search rows (made by the generator in this process, untimed) written with raw
 * prepared INSERTs in one transaction (better-sqlite3, one row per statement; PostgreSQL, named
 * prepared multi-row statements through `pg`), timing only the statements and the commit. Goals
 * (issue 6): import ≥ 0.5× the raw rate; a million services in under 2 minutes.
 */
import Sqlite from 'better-sqlite3';
import pg from 'pg';
import { createTestDatabase } from '../test/support/platform.ts';
import { givenOrganization } from '../test/support/actors.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { generateDirectory } from '../src/refer/generate.ts';
import { emptyDirectory, type DirectoryChunk, type HsdsRow, type HsdsTable } from '../src/refer/hsds-tables.ts';
import { toStoredRow } from '../src/refer/store-rows.ts';
import { bulkImportCacheMb } from '../src/refer/cli.ts';
import { buildSearchRows } from '../src/refer/search-rows.ts';
import { describeMachine, ensureDataset, formatLoad, openPlatform, parseReferArgs, timeImport, type ReferBenchOptions } from './refer-dataset.ts';

interface Timing { seconds: number; cpuSeconds: number; rows: number; searchRows: number }

/** Imports the cached dataset into a fresh database with Lantern's importer. */
async function runImport(options: ReferBenchOptions, dataset: string): Promise<Timing> {
  const database = await createTestDatabase();
  const platform = openPlatform(database.url, database.dataDir, { forImport: true });
  try {
    await migrateToLatest(platform.data.db);
    const organization = await givenOrganization(platform.data.db, 'Refer import bench');
    const scope = platform.scope(organization.organizationId, { id: null, kind: 'system' });
    const { outcome, seconds, cpuSeconds } = await timeImport(scope, dataset);
    if (!outcome.ok) throw new Error('unreachable: timeImport throws on failure');
    const rows = Object.values(outcome.counts.rows).reduce((sum, n) => sum + (n ?? 0), 0);
    const searchRows = Number((await scope.selectFrom('refer_search').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { seconds, cpuSeconds, rows, searchRows };
  } finally {
    await platform.close();
    await database.drop();
  }
}

/** One generated organization's rows, ready to insert: stored HSDS rows and search rows. */
interface Prepared { stored: unknown[][]; search: unknown[][] }

const storedColumns = ['organization_id', 'hsds_table', 'id', 'data', 'ref_service', 'ref_location', 'ref_owner', 'ref_link'] as const;

async function* prepareRows(options: ReferBenchOptions, organizationId: string, searchColumns: (columns: string[]) => void): AsyncGenerator<Prepared> {
  let taxonomy: DirectoryChunk = {};
  let columns: string[] | undefined;
  for await (const chunk of generateDirectory({ services: options.services, seed: options.seed })) {
    if (chunk.taxonomy_term) taxonomy = chunk;
    const stored: unknown[][] = [];
    for (const [table, rows] of Object.entries(chunk) as [HsdsTable, HsdsRow[]][]) {
      for (const row of rows) {
        const s = toStoredRow(table, row) as Record<string, unknown>;
        stored.push(storedColumns.map((c) => (c === 'organization_id' ? organizationId : s[c] ?? null)));
      }
    }
    const search = chunk.service ? buildSearchRows({ ...emptyDirectory(), ...taxonomy, ...chunk }) : [];
    if (search.length > 0 && !columns) searchColumns((columns = Object.keys(search[0]!)));
    yield { stored, search: search.map((r) => [organizationId, ...columns!.map((c) => (r as Record<string, unknown>)[c] ?? null)]) };
  }
}

/** Raw prepared inserts into a fresh database with Lantern's schema, in one transaction. */
async function runRaw(options: ReferBenchOptions): Promise<Timing> {
  const database = await createTestDatabase();
  const platform = openPlatform(database.url, database.dataDir);
  let organizationId: string;
  try {
    await migrateToLatest(platform.data.db);
    organizationId = (await givenOrganization(platform.data.db, 'Refer raw bench')).organizationId;
  } finally {
    await platform.close();
  }
  try {
    return options.db === 'sqlite' ? await rawSqlite(options, database.url.slice('sqlite:'.length), organizationId) : await rawPostgres(options, database.url, organizationId);
  } finally {
    await database.drop();
  }
}

function clock(): { run<T>(work: () => T): T; stop(): { seconds: number; cpuSeconds: number } } {
  let wall = 0;
  let cpu = 0;
  return {
    run(work) {
      const c = process.cpuUsage();
      const t = performance.now();
      try {
        return work();
      } finally {
        wall += performance.now() - t;
        const used = process.cpuUsage(c);
        cpu += used.user + used.system;
      }
    },
    stop: () => ({ seconds: wall / 1000, cpuSeconds: cpu / 1e6 }),
  };
}

async function rawSqlite(options: ReferBenchOptions, file: string, organizationId: string): Promise<Timing> {
  const db = new Sqlite(file);
  // As `lantern directory import` opens its file (src/platform/db/index.ts, src/refer/cli.ts).
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${bulkImportCacheMb * 1024}`);
  const insertRow = db.prepare(`insert into refer_row (${storedColumns.join(', ')}) values (${storedColumns.map(() => '?').join(', ')})`);
  let insertSearch: Sqlite.Statement | undefined;
  const timer = clock();
  let rows = 0;
  let searchRows = 0;
  try {
    timer.run(() => db.exec('begin'));
    for await (const prepared of prepareRows(options, organizationId, (columns) => {
      insertSearch = db.prepare(`insert into refer_search (organization_id, ${columns.join(', ')}) values (${['?', ...columns.map(() => '?')].join(', ')})`);
    })) {
      timer.run(() => {
        for (const row of prepared.stored) insertRow.run(row);
        for (const row of prepared.search) insertSearch!.run(row);
      });
      rows += prepared.stored.length;
      searchRows += prepared.search.length;
    }
    timer.run(() => db.exec('commit'));
  } finally {
    db.close();
  }
  return { ...timer.stop(), rows, searchRows };
}

async function rawPostgres(options: ReferBenchOptions, url: string, organizationId: string): Promise<Timing> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let wall = 0;
  let cpu = 0;
  const timed = async (work: () => Promise<unknown>): Promise<void> => {
    const c = process.cpuUsage();
    const t = performance.now();
    await work();
    wall += performance.now() - t;
    const used = process.cpuUsage(c);
    cpu += used.user + used.system;
  };
  // Named statements are parsed and planned once per connection, then only bound and executed.
  const flusher = (table: string, columns: string[], perStatement: number): { add(row: unknown[]): Promise<void>; flush(): Promise<void> } => {
    let pending: unknown[][] = [];
    const statement = (n: number): pg.QueryConfig => ({
      name: `raw_${table}_${n}`,
      text: `insert into ${table} (${columns.join(', ')}) values ${Array.from({ length: n }, (_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`).join(', ')}`,
    });
    const write = async (): Promise<void> => {
      const batch = pending;
      pending = [];
      if (batch.length > 0) await timed(() => client.query({ ...statement(batch.length), values: batch.flat() }));
    };
    return {
      add: async (row) => {
        pending.push(row);
        if (pending.length >= perStatement) await write();
      },
      flush: write,
    };
  };
  const storedWriter = flusher('refer_row', [...storedColumns], 500);
  let searchWriter: ReturnType<typeof flusher> | undefined;
  let rows = 0;
  let searchRows = 0;
  try {
    await timed(() => client.query('begin'));
    for await (const prepared of prepareRows(options, organizationId, (columns) => { searchWriter = flusher('refer_search', ['organization_id', ...columns], 200); })) {
      for (const row of prepared.stored) await storedWriter.add(row);
      for (const row of prepared.search) await searchWriter!.add(row);
      rows += prepared.stored.length;
      searchRows += prepared.search.length;
    }
    await storedWriter.flush();
    await searchWriter?.flush();
    await timed(() => client.query('commit'));
  } finally {
    await client.end();
  }
  return { seconds: wall / 1000, cpuSeconds: cpu / 1e6, rows, searchRows };
}

async function main(): Promise<number> {
  const { options, rest } = parseReferArgs(process.argv.slice(2));
  if (rest.length > 0) throw new Error(`unknown option ${rest[0]}`);
  const say = (line: string): void => { process.stderr.write(`${line}\n`); };
  say(`machine: ${describeMachine()}; database ${options.db}; ${options.services} services`);
  const dataset = await ensureDataset(options, say);
  say(`importing with Lantern's importer… (load average ${formatLoad()})`);
  const lantern = await runImport(options, dataset);
  say(`  ${lantern.seconds.toFixed(1)} s, ${lantern.cpuSeconds.toFixed(1)} s CPU; raw prepared inserts… (load average ${formatLoad()})`);
  const raw = await runRaw(options);
  say(`  ${raw.seconds.toFixed(1)} s, ${raw.cpuSeconds.toFixed(1)} s CPU (load average ${formatLoad()})`);
  if (raw.rows !== lantern.rows || raw.searchRows !== lantern.searchRows) {
    throw new Error(`the two runs wrote different rows: import ${lantern.rows} + ${lantern.searchRows} search, raw ${raw.rows} + ${raw.searchRows} search`);
  }
  const rate = (t: Timing): number => options.services / t.seconds;
  const ratio = rate(lantern) / rate(raw);
  // Scaled linearly from the run's size when it is smaller than a million.
  const perMillion = (lantern.seconds * 1_000_000) / options.services;
  const goals = {
    ratio: { goal: '≥ 0.5×', met: ratio >= 0.5 },
    million: { goal: '< 120 s per million services', met: perMillion < 120 },
  };
  const result = { db: options.db, services: options.services, rows: lantern.rows, searchRows: lantern.searchRows, lantern, raw, ratio, secondsPerMillion: perMillion, goals, loadAfter: formatLoad() };
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const line = (name: string, t: Timing): string => `| ${name} | ${t.seconds.toFixed(1)} s | ${t.cpuSeconds.toFixed(1)} s | ${Math.round(rate(t)).toLocaleString('en-US')} | ${Math.round((t.rows + t.searchRows) / t.seconds).toLocaleString('en-US')} |`;
    process.stdout.write([
      '', `${options.db}, ${options.services} services (${lantern.rows} HSDS rows, ${lantern.searchRows} search rows); load average after: ${result.loadAfter}`,
      '| run | wall | CPU (this process) | services/s | rows/s |', '|---|---|---|---|---|',
      line('lantern directory import (streamed)', lantern), line('raw prepared inserts, one transaction', raw), '',
      `import / raw ${ratio.toFixed(2)}× (goal ≥ 0.5×: ${goals.ratio.met ? 'met' : 'MISSED'}); ${perMillion.toFixed(0)} s per million services (goal < 120 s: ${goals.million.met ? 'met' : 'MISSED'})`, '',
    ].join('\n'));
  }
  return Object.values(goals).every((g) => g.met) ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  return 1;
});
