import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, test } from 'vitest';
import { withStatementCache } from './index.ts';

describe('the SQLite statement cache', () => {
  let file: SQLite.Database;
  afterEach(() => { if (file.open) file.close(); });

  test('hands out the statement it compiled before for the same SQL, and a new one for other SQL', () => {
    file = new SQLite(':memory:');
    const cache = withStatementCache(file);
    const first = cache.prepare('select ? as n');
    expect(cache.prepare('select ? as n')).toBe(first);
    expect(cache.prepare('select ? as m')).not.toBe(first);
    expect(first.all([7])).toEqual([{ n: 7 }]);
    expect(cache.prepare('select ? as n').all([8])).toEqual([{ n: 8 }]);
  });

  test('a kept statement sees a column added after it was compiled', () => {
    file = new SQLite(':memory:');
    const cache = withStatementCache(file);
    cache.prepare('create table listing (id integer primary key)').run([]);
    cache.prepare('insert into listing (id) values (?)').run([1]);
    expect(cache.prepare('select * from listing').all([])).toEqual([{ id: 1 }]);
    cache.prepare("alter table listing add column name text not null default 'shelter'").run([]);
    expect(cache.prepare('select * from listing').all([])).toEqual([{ id: 1, name: 'shelter' }]);
  });

  test('a statement still being iterated is not handed out again', () => {
    file = new SQLite(':memory:');
    const cache = withStatementCache(file);
    const sqlText = 'select 1 as n union all select 2';
    const streaming = cache.prepare(sqlText);
    const rows = streaming.iterate([]);
    expect(rows.next().value).toEqual({ n: 1 });
    const other = cache.prepare(sqlText);
    expect(other).not.toBe(streaming);
    expect(other.all([])).toEqual([{ n: 1 }, { n: 2 }]);
    expect(rows.next().value).toEqual({ n: 2 });
    rows.return?.();
    expect(cache.prepare(sqlText)).toBe(streaming);
  });

  test('keeps at most its capacity, dropping the least recently used', () => {
    file = new SQLite(':memory:');
    const cache = withStatementCache(file, 3);
    const a = cache.prepare('select 1');
    const twoBefore = cache.prepare('select 2');
    cache.prepare('select 3');
    expect(cache.prepare('select 1')).toBe(a); // now the most recent
    cache.prepare('select 4'); // drops "select 2"
    expect(cache.size).toBe(3);
    expect(cache.prepare('select 1')).toBe(a);
    const two = cache.prepare('select 2');
    expect(two).not.toBe(twoBefore); // compiled again: it had been dropped
    expect(cache.prepare('select 2')).toBe(two);
    expect(cache.size).toBe(3);
  });

  test('closing it closes the file', () => {
    file = new SQLite(':memory:');
    withStatementCache(file).close();
    expect(file.open).toBe(false);
  });
});
