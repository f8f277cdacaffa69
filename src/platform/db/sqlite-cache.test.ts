import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../config.ts';
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

  test('LANTERN_SQLITE_CACHE_MB is read as whole megabytes, and anything else is refused with the variable named', () => {
    expect(loadConfig({ LANTERN_SQLITE_CACHE_MB: '256' }).sqliteCacheMb).toBe(256);
    expect(loadConfig({}).sqliteCacheMb).toBeUndefined();
    for (const bad of ['0', '-5', '1.5', 'lots', '70000']) {
      expect(() => loadConfig({ LANTERN_SQLITE_CACHE_MB: bad })).toThrow(/LANTERN_SQLITE_CACHE_MB must be a whole number/);
    }
  });
});
