import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { repoRoot } from '../../../test/support/server-process.ts';
import { givenOrganization, type GivenOrganization } from '../ops/ops-test-support.ts';
import { verifyAuditLog } from './verify-command.ts';
import { hashEvent } from './index.ts';

const run = promisify(execFile);

/** Runs `lantern audit verify` against the test database; resolves with its exit code and output. */
async function cliVerify(lantern: TestLantern): Promise<{ code: number; output: string }> {
  const env = { ...process.env, DATABASE_URL: lantern.database.url, LANTERN_DATA_DIR: lantern.database.dataDir, LOG_LEVEL: 'silent' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/lantern.mjs', 'audit', 'verify'], { cwd: repoRoot, env });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe('lantern audit verify', () => {
  let lantern: TestLantern;
  let first: GivenOrganization;
  let second: GivenOrganization;

  beforeAll(async () => {
    lantern = await startTestLantern();
    first = await givenOrganization(lantern.platform, ['admin']);
    second = await givenOrganization(lantern.platform, ['admin']);
    for (const org of [first, second]) {
      const scope = lantern.platform.scope(org.organizationId, { id: org.users.admin!.id, kind: 'user' });
      for (let i = 1; i <= 5; i += 1) await scope.audit({ action: 'read', resourceType: 'case', resourceId: `case-${i}` });
    }
  });
  afterAll(async () => { await lantern.close(); });

  test('an intact log verifies: OK with the event count, exit 0', async () => {
    const { code, output } = await cliVerify(lantern);
    expect(code).toBe(0);
    expect(output).toContain('OK: 10 audit event(s) verified');
  });

  test('a changed row and a deleted row are each named, and the command exits non-zero', async () => {
    const db = lantern.platform.data.db;
    await db.updateTable('platform_audit_event').set({ resource_id: 'case-999' })
      .where('organization_id', '=', first.organizationId).where('seq', '=', 3).execute();
    await db.deleteFrom('platform_audit_event').where('organization_id', '=', second.organizationId).where('seq', '=', 2).execute();

    const { code, output } = await cliVerify(lantern);
    expect(code).toBe(1);
    expect(output).toContain(`organization ${first.organizationId}, seq 3: tampered`);
    expect(output).toContain(`organization ${second.organizationId}, seq 2: missing`);

    const one = await verifyAuditLog(db, second.organizationId);
    expect(one.ok).toBe(false);
    expect(one.message).not.toContain(first.organizationId);
  });

  test('a row whose hash was recomputed after an edit still breaks the link to the next one', async () => {
    const db = lantern.platform.data.db;
    const row = await db.selectFrom('platform_audit_event').selectAll()
      .where('organization_id', '=', first.organizationId).where('seq', '=', 4).executeTakeFirstOrThrow();
    const forged = { ...row, action: 'update' };
    await db.updateTable('platform_audit_event').set({ action: 'update', hash: hashEvent(forged) }).where('id', '=', row.id).execute();
    // Repair seq 3 so the first break is the forged one.
    await db.updateTable('platform_audit_event').set({ resource_id: 'case-3' })
      .where('organization_id', '=', first.organizationId).where('seq', '=', 3).execute();
    const outcome = await verifyAuditLog(db, first.organizationId);
    expect(outcome.message).toContain(`organization ${first.organizationId}, seq 5: broken-link`);
  });
});
