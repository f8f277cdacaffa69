import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config.ts';
import { createPlatform } from '../services.ts';
import { openDatabase } from './index.ts';

describe('the SQLite page cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cacheSize = async (sqliteCacheMb?: number): Promise<number> => {
    const data = openDatabase({ kind: 'sqlite', path: join(dir, 'cache.sqlite') }, sqliteCacheMb === undefined ? {} : { sqliteCacheMb });
    try {
      const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(data.db);
      return Number(rows[0]?.cache_size);
    } finally {
      await data.close();
    }
  };

  test("keeps the build's default unless configured, and is set in KiB when it is", async () => {
    expect(await cacheSize()).toBe(-16000); // better-sqlite3's build default, 16 MB
    expect(await cacheSize(1024)).toBe(-1024 * 1024);
  });

  test("a process's own default (a bulk import's large cache) applies unless LANTERN_SQLITE_CACHE_MB is set", async () => {
    const platformCacheSize = async (env: Record<string, string>): Promise<number> => {
      const config = loadConfig({ DATABASE_URL: `sqlite:${join(dir, 'platform.sqlite')}`, LANTERN_DATA_DIR: dir, LOG_LEVEL: 'silent', ...env });
      const platform = createPlatform(config, { defaultSqliteCacheMb: 1024 });
      try {
        const { rows } = await sql<{ cache_size: number }>`pragma cache_size`.execute(platform.data.db);
        return Number(rows[0]?.cache_size);
      } finally {
        await platform.close();
      }
    };
    expect(await platformCacheSize({})).toBe(-1024 * 1024);
    expect(await platformCacheSize({ LANTERN_SQLITE_CACHE_MB: '64' })).toBe(-64 * 1024);
  });

  test('LANTERN_SQLITE_CACHE_MB is read as whole megabytes, and anything else is refused with the variable named', () => {
    expect(loadConfig({ LANTERN_SQLITE_CACHE_MB: '256' }).sqliteCacheMb).toBe(256);
    expect(loadConfig({}).sqliteCacheMb).toBeUndefined();
    for (const bad of ['0', '-5', '1.5', 'lots', '70000']) {
      expect(() => loadConfig({ LANTERN_SQLITE_CACHE_MB: bad })).toThrow(/LANTERN_SQLITE_CACHE_MB must be a whole number/);
    }
  });
});
