import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, startTestLantern, testDbKind, type TestDatabase, type TestLantern } from '../../../test/support/platform.ts';
import { parseDatabaseUrl } from '../config.ts';
import { openDatabase, type DataLayer, type Db, type Dialect } from '../db/index.ts';
import { listTables } from './tables.ts';
import { pendingMigrations } from '../db/migrate.ts';
import { verifyAuditChain } from '../audit/index.ts';
import { startTotpEnrolment, totpSecretContext } from '../identity/second-factor.ts';
import { incrementCounter } from '../ops/counters.ts';
import { givenOrganization } from '../ops/ops-test-support.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';
import { repoRoot } from '../../../test/support/server-process.ts';

const execFileAsync = promisify(execFile);

/** Runs a `lantern` command against a database; resolves with its exit code and output. */
async function lantern(args: string[], database: TestDatabase): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATABASE_URL: database.url, LANTERN_DATA_DIR: database.dataDir, LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, ['bin/lantern.mjs', ...args], { cwd: repoRoot, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

/** Every row of every table, serialized and sorted: equal snapshots mean identical data. */
/** Every row of every table a backup covers (derived search tables are rebuilt, not copied). */
async function snapshot(db: Db, dialect: Dialect): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of await listTables(db, dialect)) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    result[table.name] = rows.map((row) => JSON.stringify(row, Object.keys(row).sort())).sort();
  }
  return result;
}

/** A fresh, empty database of the given kind (the other kind than the project's, for cross restores). */
async function emptyDatabase(kind: 'sqlite' | 'postgres'): Promise<{ database: TestDatabase; data: DataLayer }> {
  const previous = process.env.LANTERN_TEST_DB;
  process.env.LANTERN_TEST_DB = kind;
  try {
    const database = await createTestDatabase();
    return { database, data: openDatabase(parseDatabaseUrl(database.url, database.dataDir)) };
  } finally {
    process.env.LANTERN_TEST_DB = previous;
  }
}

describe('backup and restore', () => {
  let source: TestLantern;
  let file: string;
  let secret: string;
  let userId: string;
  const targets: { database: TestDatabase; data: DataLayer }[] = [];

  beforeAll(async () => {
    source = await startTestLantern();
    const { platform } = source;
    const org = await givenOrganization(platform, ['admin', 'clinician']);
    await givenOrganization(platform, ['educator']);
    userId = org.users.clinician!.id;
    await platform.data.db.updateTable('platform_user').set({ display_name: 'Zoë "Q" O\'Brien, RN\nsecond line — ✓ 🚑' }).where('id', '=', userId).execute();
    ({ secret } = await startTotpEnrolment(platform.data, platform.cipher, { idHash: 'x', userId, mfaPending: false, requestId: null }));
    const scope = platform.scope(org.organizationId, { id: org.users.admin!.id, kind: 'user' });
    for (let i = 0; i < 30; i += 1) await scope.audit({ action: 'read', resourceType: 'case', resourceId: `case-${i}`, purpose: i % 2 ? 'treatment' : null });
    await incrementCounter(platform.data.db, { organizationId: org.organizationId, facilityId: org.facilityId, month: '2026-11', metric: 'screening.completed', dimension: 'all' }, 7);
    file = join(source.database.dataDir, 'lantern.backup.gz');
  });
  afterAll(async () => {
    for (const target of targets) { await target.data.close(); await target.database.drop(); }
    await source.close();
  });

  async function restoreInto(kind: 'sqlite' | 'postgres'): Promise<DataLayer> {
    const target = await emptyDatabase(kind);
    targets.push(target);
    await restoreDatabase(target.data.db, target.data.dialect, file);
    return target.data;
  }

  test('a backup restored into a fresh database of the same kind has identical rows, a verifying chain and current migrations', async () => {
    const summary = await backupDatabase(source.platform.data.db, source.platform.data.dialect, file);
    expect(summary.rows.platform_audit_event).toBeGreaterThanOrEqual(30);
    const header = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8').split('\n')[0]!);
    expect(header).toMatchObject({ format: 'lantern-backup', version: 1, dialect: testDbKind() });
    expect(header.migrations.length).toBeGreaterThan(0);

    const target = await restoreInto(testDbKind());
    expect(await snapshot(target.db, target.dialect)).toEqual(await snapshot(source.platform.data.db, source.platform.data.dialect));
    expect(await pendingMigrations(target.db)).toEqual([]);
    expect((await verifyAuditChain(target.db)).breaks).toEqual([]);
    // The keys are not in the backup; with the original keys the restored secret opens.
    const sealed = await target.db.selectFrom('platform_user').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(source.platform.cipher.open(sealed.totp_secret!, totpSecretContext(userId))).toBe(secret);
  });

  test('a backup restores into the other kind of database with identical rows', async () => {
    const other = testDbKind() === 'sqlite' ? 'postgres' : 'sqlite';
    const target = await restoreInto(other);
    expect(target.dialect).toBe(other);
    expect(await snapshot(target.db, target.dialect)).toEqual(await snapshot(source.platform.data.db, source.platform.data.dialect));
    expect((await verifyAuditChain(target.db)).breaks).toEqual([]);
  });

  test('a database that holds data is refused unless forced; forced, it ends up identical', async () => {
    const target = await restoreInto(testDbKind());
    await target.db.insertInto('platform_throttle').values({ key: 'extra', window_start: '2026-01-01T00:00:00.000Z', count: 1 }).execute();
    await expect(restoreDatabase(target.db, target.dialect, file)).rejects.toThrow(/already holds data/);
    expect(await target.db.selectFrom('platform_throttle').select('key').where('key', '=', 'extra').executeTakeFirst()).toBeDefined();
    await restoreDatabase(target.db, target.dialect, file, { force: true });
    expect(await snapshot(target.db, target.dialect)).toEqual(await snapshot(source.platform.data.db, source.platform.data.dialect));
  });

  test('a truncated backup restores nothing', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const truncated = join(source.database.dataDir, 'truncated.backup.gz');
    writeFileSync(truncated, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    const target = await emptyDatabase(testDbKind());
    targets.push(target);
    await expect(restoreDatabase(target.data.db, target.data.dialect, truncated)).rejects.toThrow(/incomplete/);
    const counts = await snapshot(target.data.db, target.data.dialect);
    expect(Object.values(counts).every((rows) => rows.length === 0)).toBe(true);
  });

  test('a file that is not a backup is refused', async () => {
    const bogus = join(source.database.dataDir, 'bogus.gz');
    writeFileSync(bogus, gzipSync('{"hello":"world"}\n'));
    const target = await emptyDatabase(testDbKind());
    targets.push(target);
    await expect(restoreDatabase(target.data.db, target.data.dialect, bogus)).rejects.toThrow(/not a Lantern backup/);
    const plain = join(source.database.dataDir, 'plain.txt');
    writeFileSync(plain, 'id,name\n1,x\n');
    await expect(restoreDatabase(target.data.db, target.data.dialect, plain)).rejects.toThrow(/not a Lantern backup, or it is damaged/);
  });

  test('the lantern backup and restore commands round-trip, and restore refuses a database that holds data', async () => {
    const cliFile = join(source.database.dataDir, 'cli.backup.gz');
    const backup = await lantern(['backup', cliFile], source.database);
    expect(backup.code).toBe(0);
    expect(backup.output).toMatch(/Backed up \d+ rows from \d+ tables/);
    const target = await emptyDatabase(testDbKind());
    targets.push(target);
    const restored = await lantern(['restore', cliFile], target.database);
    expect(restored.output).toMatch(/Restored \d+ rows/);
    expect(restored.code).toBe(0);
    expect(await snapshot(target.data.db, target.data.dialect)).toEqual(await snapshot(source.platform.data.db, source.platform.data.dialect));
    const again = await lantern(['restore', cliFile], target.database);
    expect(again.code).toBe(1);
    expect(again.output).toContain('already holds data');
    expect((await lantern(['restore', '--force', cliFile], target.database)).code).toBe(0);
  }, 60_000);
});
