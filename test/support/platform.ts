/**
 * Test platforms on a fresh database of the kind the test project names (LANTERN_TEST_DB):
 * SQLite in a temporary folder, or a new PostgreSQL database created from TEST_DATABASE_URL and
 * dropped afterwards. Tests get real databases, never fakes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from 'pino';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { createPlatform, createLogger, type Platform } from '../../src/platform/services.ts';
import { migrateToLatest } from '../../src/platform/db/migrate.ts';
import { buildLantern } from '../../src/server.ts';
import type { LanternApp } from '../../src/platform/http/app.ts';

export const testDbKind = (): 'sqlite' | 'postgres' => (process.env.LANTERN_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');

export const adminDatabaseUrl = (): string => process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export interface TestDatabase {
  /** A DATABASE_URL for this test's database. */
  url: string;
  dataDir: string;
  drop(): Promise<void>;
}

/** Creates an empty database of the current kind. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-test-'));
  if (testDbKind() === 'sqlite') {
    return { url: `sqlite:${join(dataDir, 'test.sqlite')}`, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `lantern_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminDatabaseUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return {
    url: withDatabase(adminDatabaseUrl(), name),
    dataDir,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminDatabaseUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function testConfig(database: TestDatabase, overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATABASE_URL: database.url, LANTERN_DATA_DIR: database.dataDir, LOG_LEVEL: 'silent', PORT: '0' }), ...overrides };
}

export interface TestLantern {
  app: LanternApp;
  platform: Platform;
  database: TestDatabase;
  close(): Promise<void>;
}

/**
 * A migrated platform and the full app on a fresh database; `close` drops everything.
 * Pass `logger` to read what the app logs (the default logs nothing).
 */
export async function startTestLantern(overrides: Partial<Config> = {}, options: { logger?: Logger } = {}): Promise<TestLantern> {
  const database = await createTestDatabase();
  const config = testConfig(database, overrides);
  const platform = createPlatform(config, { logger: options.logger ?? createLogger({ logLevel: 'silent' }) });
  await migrateToLatest(platform.data.db);
  const app = await buildLantern(platform);
  return {
    app, platform, database,
    close: async () => {
      await app.close();
      await platform.close();
      await database.drop();
    },
  };
}
