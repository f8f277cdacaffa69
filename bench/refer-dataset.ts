/**
 * @module What the Refer benchmarks share: the synthetic directory (`generateDirectory`, written
 * as a tabular datapackage folder) cached in tmp/refer-bench/ between runs, a database holding it
 * imported (also cached: a SQLite file, or a PostgreSQL database kept under a fixed name), the size
 * and database options, and the machine line. A cache is keyed by size, seed and the migrations,
 * so a new migration imports afresh instead of searching a stale schema.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'kysely';
import { createLogger, createPlatform, type Platform } from '../src/platform/services.ts';
import { loadConfig } from '../src/platform/config.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { OrgScope } from '../src/platform/db/scope.ts';
import { runGenerateCommand } from '../src/refer/generate.ts';
import { importPath, type DirectoryImportOutcome } from '../src/refer/directory-import.ts';
import { bulkImportCacheMb } from '../src/refer/cli.ts';
import { serverSqliteCacheMb } from '../src/server.ts';
import { givenOrganization, type TestOrganization } from '../test/support/actors.ts';
import { adminDatabaseUrl } from '../test/support/platform.ts';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));
export const cacheDir = join(repoRoot, 'tmp', 'refer-bench');

export type DbKind = 'sqlite' | 'postgres';

/** Options every Refer benchmark takes. */
export interface ReferBenchOptions {
  /** Generated services (`--services`, else LANTERN_BENCH_SERVICES, else 1,000,000). */
  services: number;
  seed: number;
  db: DbKind;
  json: boolean;
}

/** Reads `--services N --seed S --db sqlite|postgres --json`, leaving other arguments to the caller. */
export function parseReferArgs(argv: string[]): { options: ReferBenchOptions; rest: string[] } {
  const options: ReferBenchOptions = {
    services: Number(process.env.LANTERN_BENCH_SERVICES ?? 1_000_000), seed: 1,
    db: process.env.LANTERN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite', json: false,
  };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--services' || arg === '--seed') options[arg === '--services' ? 'services' : 'seed'] = Number(argv[(i += 1)]);
    else if (arg === '--db') {
      const kind = argv[(i += 1)];
      if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--db takes sqlite or postgres');
      options.db = kind;
    } else rest.push(arg);
  }
  if (!Number.isSafeInteger(options.services) || options.services < 1) throw new Error('--services needs a whole number, 1 or more');
  if (!Number.isSafeInteger(options.seed)) throw new Error('--seed needs a whole number');
  // createTestDatabase reads the kind from here, as the test projects set it.
  process.env.LANTERN_TEST_DB = options.db;
  return { options, rest };
}

/** The machine and its load, for the record. */
export function describeMachine(): string {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${formatLoad()}`;
}

export const formatLoad = (): string => loadavg().map((n) => n.toFixed(2)).join(' ');

/** The generated directory as a tabular datapackage folder, generated once per size and seed. */
export async function ensureDataset(options: Pick<ReferBenchOptions, 'services' | 'seed'>, say: (line: string) => void): Promise<string> {
  const dir = join(cacheDir, `hsds-${options.services}-seed-${options.seed}`);
  if (existsSync(join(dir, 'datapackage.json'))) return dir;
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(cacheDir, { recursive: true });
  const started = performance.now();
  await runGenerateCommand({ services: options.services, seed: options.seed, out: partial });
  // Renamed only when complete, so an interrupted run never leaves a truncated cache behind.
  renameSync(partial, dir);
  say(`generated ${options.services} services into ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return dir;
}

/** A fresh, migrated database with one organization (a user per role), opened as a platform. */
export interface BenchDatabase {
  url: string;
  dataDir: string;
  platform: Platform;
  organization: TestOrganization;
  scope: OrgScope;
}

/**
 * The platform on a bench database, with SQLite's page cache as Lantern's own processes set it: the
 * server's for the raw queries a benchmark runs beside it, `lantern directory import`'s with `forImport`.
 */
export function openPlatform(url: string, dataDir: string, options: { forImport?: boolean } = {}): Platform {
  const env = { DATABASE_URL: url, LANTERN_DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  return createPlatform(loadConfig(env), { logger: createLogger({ logLevel: 'silent' }), defaultSqliteCacheMb: options.forImport ? bulkImportCacheMb : serverSqliteCacheMb });
}

/** Times an import: wall seconds and this process's CPU seconds (user + system). */
export async function timeImport(scope: OrgScope, dataset: string): Promise<{ outcome: DirectoryImportOutcome; seconds: number; cpuSeconds: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await importPath(scope, dataset, { stream: true });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (!outcome.ok) throw new Error(`the import failed: ${JSON.stringify(outcome.errors.slice(0, 5))}`);
  return { outcome, seconds, cpuSeconds: (used.user + used.system) / 1e6 };
}

const migrationsKey = (): string => {
  const names = readdirSync(join(repoRoot, 'src', 'platform', 'db', 'migrations')).filter((f) => f.endsWith('.ts')).sort();
  return createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 8);
};

/**
 * A database holding the generated directory, imported once and kept (tmp/refer-bench/ for SQLite,
 * a PostgreSQL database named after the cache key), for benchmarks that only read it.
 */
export async function ensureImportedDatabase(options: ReferBenchOptions, say: (line: string) => void): Promise<BenchDatabase & { imported?: { seconds: number; cpuSeconds: number } }> {
  const key = `${options.db}-${options.services}-seed-${options.seed}-m${migrationsKey()}`;
  const dataDir = join(cacheDir, `db-${key}`);
  const manifest = join(dataDir, 'organization.json');
  const url = options.db === 'sqlite' ? `sqlite:${join(dataDir, 'lantern.sqlite')}` : withDatabase(adminDatabaseUrl(), `lantern_refer_bench_${key.replace(/[^a-z0-9]/g, '_')}`);
  if (existsSync(manifest) && (options.db === 'sqlite' || (await postgresDatabaseExists(url)))) {
    const platform = openPlatform(url, dataDir);
    const organization = JSON.parse(readFileSync(manifest, 'utf8')) as TestOrganization;
    return { url, dataDir, platform, organization, scope: platform.scope(organization.organizationId, { id: null, kind: 'system' }) };
  }
  const dataset = await ensureDataset(options, say);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  if (options.db === 'postgres') await recreatePostgresDatabase(url);
  const importer = openPlatform(url, dataDir, { forImport: true });
  await migrateToLatest(importer.data.db);
  const organization = await givenOrganization(importer.data.db, 'Refer bench');
  say(`importing ${options.services} services into ${options.db} (kept in ${options.db === 'sqlite' ? dataDir : new URL(url).pathname.slice(1)} for later runs)…`);
  const imported = await timeImport(importer.scope(organization.organizationId, { id: null, kind: 'system' }), dataset);
  say(`  imported in ${imported.seconds.toFixed(1)} s (${imported.cpuSeconds.toFixed(1)} s of this process's CPU)`);
  // PostgreSQL's autovacuum would vacuum and analyze the new rows soon after (on by default, off on
  // the machines these benches ran on); a benchmark should not wait for it. The vacuum marks pages
  // all-visible, which index-only scans (the category walk) need (docs/deploy.md).
  if (options.db === 'postgres') await sql`vacuum (analyze)`.execute(importer.data.db);
  await importer.close();
  writeFileSync(manifest, `${JSON.stringify(organization)}\n`);
  // Searched the way the server opens it (the raw queries must not keep the import's larger cache).
  const platform = openPlatform(url, dataDir);
  const scope = platform.scope(organization.organizationId, { id: null, kind: 'system' });
  return { url, dataDir, platform, organization, scope, imported: { seconds: imported.seconds, cpuSeconds: imported.cpuSeconds } };
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function postgresDatabaseExists(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1);
  return withAdmin(async (client) => (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1);
}

async function recreatePostgresDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdmin(async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
}
