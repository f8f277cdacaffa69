import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { repoRoot } from '../../../test/support/server-process.ts';
import { startTotpEnrolment, totpSecretContext } from '../identity/second-factor.ts';
import { givenOrganization } from './ops-test-support.ts';

const run = promisify(execFile);

// `lantern keys rotate` run beside a server on the same machine (key file in the data folder):
// the server picks up the new key by itself and keeps reading every value.
describe('key rotation beside a running server', () => {
  let lantern: TestLantern;
  beforeAll(async () => { lantern = await startTestLantern(); });
  afterAll(async () => { await lantern.close(); });

  test('the server loads the rotated key file and opens the re-encrypted values', async () => {
    const { platform } = lantern;
    const org = await givenOrganization(platform, ['admin']);
    const userId = org.users.admin!.id;
    const { secret } = await startTotpEnrolment(platform.data, platform.cipher, { idHash: 'x', userId, mfaPending: false, requestId: null });
    const before = platform.cipher.activeKeyId();

    const env = { ...process.env, DATABASE_URL: lantern.database.url, LANTERN_DATA_DIR: lantern.database.dataDir, LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, ['bin/lantern.mjs', 'keys', 'rotate'], { cwd: repoRoot, env });
    const added = /Added key (\S+)/.exec(stdout)?.[1];
    expect(added).toBeDefined();
    expect(stdout).toMatch(/platform_user\.totp_secret: 1 re-encrypted of 1/);

    expect(platform.cipher.activeKeyId()).toBe(added);
    expect(added).not.toBe(before);
    const row = await platform.data.db.selectFrom('platform_user').select('totp_secret').where('id', '=', userId).executeTakeFirstOrThrow();
    expect(platform.cipher.keyIdOf(row.totp_secret!)).toBe(added);
    expect(platform.cipher.open(row.totp_secret!, totpSecretContext(userId))).toBe(secret);
  }, 30_000);
});
