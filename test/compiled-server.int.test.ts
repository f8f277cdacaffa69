/**
 * The compiled build (build/, docs/decisions/0008-compiled-server.md) is what `lantern serve` runs
 * for operators: it must find its migrations, content and web app from build/ as the sources do
 * from src/, and record the same migration names, so one database works with either.
 */
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testConfig, type TestDatabase } from './support/platform.ts';
import { repoRoot, startListeningProcess, type ServerProcess } from './support/server-process.ts';
import { createLogger, createPlatform } from '../src/platform/services.ts';
import { isFresh } from '../scripts/freshness.mjs';
import { buildServer, serverBuildStamp, serverSources } from '../scripts/server-build.mjs';

describe('freshness of a build', () => {
  test('a build is used only while it is newer than every source, however deep', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lantern-fresh-'));
    try {
      mkdirSync(join(dir, 'src', 'deep', 'er'), { recursive: true });
      const source = join(dir, 'src', 'deep', 'er', 'module.ts');
      const stamp = join(dir, 'built');
      writeFileSync(source, 'export {};\n');
      expect(isFresh(stamp, [join(dir, 'src')])).toBe(false); // never built
      writeFileSync(stamp, 'now\n');
      utimesSync(source, new Date(1_000_000), new Date(1_000_000));
      expect(isFresh(stamp, [join(dir, 'src')])).toBe(true);
      utimesSync(source, new Date(), new Date(Date.now() + 60_000)); // edited after the build
      expect(isFresh(stamp, [join(dir, 'src')])).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the compiled server', () => {
  let database: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    // `npm test` has built it already; a run of this file alone builds it here.
    buildServer({ ifNeeded: true });
    expect(isFresh(serverBuildStamp, serverSources)).toBe(true);
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await server?.kill('SIGTERM');
    await database?.drop();
  });

  test('migrates a new database, serves the app and the API, and records the sources’ migration names', async () => {
    server = await startListeningProcess(['build/cli/main.js', 'serve'], { DATABASE_URL: database.url, LANTERN_DATA_DIR: database.dataDir });
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const discovery = (await (await fetch(`${server.url}/cds-services`)).json()) as { services: { id: string }[] };
    expect(discovery.services.map((s) => s.id)).toContain('lantern-trafficking-screening');

    const sourceNames = readdirSync(join(repoRoot, 'src', 'platform', 'db', 'migrations')).filter((f) => /^\d{4}-.+\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    const platform = createPlatform(testConfig(database), { logger: createLogger({ logLevel: 'silent' }) });
    try {
      const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(platform.data.db);
      expect(applied.rows.map((r) => r.name)).toEqual(sourceNames);
    } finally {
      await platform.close();
    }
  });
});
