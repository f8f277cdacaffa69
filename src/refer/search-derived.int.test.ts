import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, startTestLantern, type TestDatabase, type TestLantern } from '../../test/support/platform.ts';
import { createOrganization } from '../platform/identity/accounts.ts';
import { openDatabase, type DataLayer } from '../platform/db/index.ts';
import { parseDatabaseUrl } from '../platform/config.ts';
import { OrgScope } from '../platform/db/scope.ts';
import { backupDatabase } from '../platform/backup/backup.ts';
import { restoreDatabase } from '../platform/backup/restore.ts';
import { importDirectory } from './store-import.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { searchDirectory } from './search.ts';

describe('the search index after a restore', () => {
  let lantern: TestLantern;
  let target: { database: TestDatabase; data: DataLayer };
  let folder: string;
  beforeAll(async () => {
    lantern = await startTestLantern();
    folder = mkdtempSync(join(tmpdir(), 'lantern-backup-'));
  });
  afterAll(async () => {
    await target?.data.close();
    await target?.database.drop();
    await lantern.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('a backup leaves the search index out and restore rebuilds it: the same search finds the same services', async () => {
    const { db, dialect } = lantern.platform.data;
    const organizationId = await createOrganization(db, { name: 'Directory Org' });
    const source = lantern.platform.scope(organizationId, { id: null, kind: 'system' });
    await importDirectory(source, await collectDirectory(generateDirectory({ services: 40, seed: 7 })));
    const before = await searchDirectory(source, { text: 'shelter', limit: 50 });
    expect(before.results.length).toBeGreaterThan(0);
    const file = join(folder, 'directory.backup.gz');
    await backupDatabase(db, dialect, file);

    const database = await createTestDatabase();
    target = { database, data: openDatabase(parseDatabaseUrl(database.url, database.dataDir)) };
    await restoreDatabase(target.data.db, target.data.dialect, file);
    const restored = new OrgScope(target.data.db, target.data.dialect, organizationId, { id: null, kind: 'system' }, null, lantern.platform.cipher);
    const after = await searchDirectory(restored, { text: 'shelter', limit: 50 });
    expect(after.results.map((r) => r.serviceId)).toEqual(before.results.map((r) => r.serviceId));
    expect((await searchDirectory(restored, { limit: 100 })).results.length).toBeGreaterThan(0);
  });
});
