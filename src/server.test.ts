import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from './platform/config.ts';
import { startServer } from './server.ts';

describe('the server on its embedded SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-server-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The page cache of the connection a started server uses, in SQLite's units (negative: KiB). */
  const serverCacheSize = async (env: Record<string, string>): Promise<number> => {
    const config = loadConfig({ LANTERN_DATA_DIR: dir, PORT: '0', LANTERN_JOBS: 'off', LOG_LEVEL: 'silent', ...env });
    const server = await startServer(config);
    try {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(server.platform.data.db);
      return Number(rows[0]?.cache_size);
    } finally {
      await server.stop();
    }
  };

  test("keeps SQLite's own 2 MB page cache, not the build's 16 MB, unless LANTERN_SQLITE_CACHE_MB says otherwise", async () => {
    expect(await serverCacheSize({})).toBe(-2 * 1024);
    expect(await serverCacheSize({ LANTERN_SQLITE_CACHE_MB: '64' })).toBe(-64 * 1024);
  });
});
