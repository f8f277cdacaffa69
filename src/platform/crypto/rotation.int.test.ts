import { readFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { givenOrganization, type GivenOrganization } from '../ops/ops-test-support.ts';
import { startTotpEnrolment, totpSecretContext } from '../identity/second-factor.ts';
import { saveSsoProvider } from '../identity/sso-provider.ts';
import { protectedFields, userFieldContext } from './protected-fields.ts';
import { rotateProtectedFields } from './rotate.ts';
import { addActiveKey } from './keys-command.ts';

/** Every text value in every table of the database, as the database holds it. */
async function dumpText(lantern: TestLantern): Promise<string[]> {
  const db = lantern.platform.data.db;
  const values: string[] = [];
  for (const table of await db.introspection.getTables()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table.name)}`.execute(db);
    for (const row of rows) for (const value of Object.values(row)) if (typeof value === 'string') values.push(value);
  }
  return values;
}

describe('protected fields: registry, no plaintext at rest, key rotation', () => {
  let lantern: TestLantern;
  let org: GivenOrganization;
  const secrets = new Map<string, string>();
  const ssoSecret = 'sso-client-secret-Qm9sdC1zZWNyZXQ';

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform, ['admin', 'clinician', 'educator']);
    for (const user of Object.values(org.users)) {
      const { secret } = await startTotpEnrolment(lantern.platform.data, lantern.platform.cipher, { idHash: 'test', userId: user.id, mfaPending: false, requestId: null });
      secrets.set(user.id, secret);
    }
    const scope = lantern.platform.scope(org.organizationId, { id: org.users.admin!.id, kind: 'user' });
    await saveSsoProvider(scope, { issuer: 'https://login.example.org', clientId: 'lantern', clientSecret: ssoSecret });
  });
  afterAll(async () => { await lantern.close(); });

  test('the registry builds the same contexts identity seals with', () => {
    const fields = protectedFields().map((f) => `${f.table}.${f.column}`);
    expect(fields).toEqual(expect.arrayContaining(['platform_user.totp_secret', 'platform_sso_provider.client_secret']));
    expect(userFieldContext('u-1', 'totp_secret')).toBe(totpSecretContext('u-1'));
  });

  test('a raw dump of every table and text column holds no protected plaintext', async () => {
    const dump = await dumpText(lantern);
    const plaintexts = [...secrets.values(), ssoSecret];
    for (const plaintext of plaintexts) expect(dump.filter((v) => v.includes(plaintext))).toEqual([]);
    if (lantern.platform.data.dialect === 'sqlite') {
      // The file itself, write-ahead log included: what a stolen disk would show.
      const file = lantern.platform.config.database.kind === 'sqlite' ? lantern.platform.config.database.path : '';
      const bytes = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f).toString('latin1')).join('');
      expect(bytes.length).toBeGreaterThan(0);
      for (const plaintext of plaintexts) expect(bytes.includes(plaintext)).toBe(false);
    }
  });

  test('rotation re-encrypts every value under the new key, batch by batch, while old values still decrypt', async () => {
    const { platform } = lantern;
    const oldKey = platform.cipher.activeKeyId();
    const newKey = addActiveKey(platform);
    expect(newKey).not.toBe(oldKey);
    expect(platform.cipher.activeKeyId()).toBe(newKey);

    const readSecrets = async (): Promise<Map<string, { keyId: string | undefined; plain: string }>> => {
      const rows = await platform.data.db.selectFrom('platform_user').select(['id', 'totp_secret']).where('totp_secret', 'is not', null).execute();
      return new Map(rows.map((r) => [r.id, { keyId: platform.cipher.keyIdOf(r.totp_secret!), plain: platform.cipher.open(r.totp_secret!, totpSecretContext(r.id)) }]));
    };
    const midway: { rotated: number; old: number }[] = [];
    const results = await rotateProtectedFields({
      db: platform.data.db, cipher: platform.cipher, batchSize: 1,
      onBatch: async (progress) => {
        if (progress.table !== 'platform_user') return;
        const now = await readSecrets();
        // Every value decrypts to the original, whichever key it is under at this moment.
        for (const [id, value] of now) expect(value.plain).toBe(secrets.get(id));
        const keys = [...now.values()].map((v) => v.keyId);
        midway.push({ rotated: keys.filter((k) => k === newKey).length, old: keys.filter((k) => k === oldKey).length });
      },
    });
    expect(midway.some((m) => m.rotated > 0 && m.old > 0)).toBe(true);
    const users = results.find((r) => r.table === 'platform_user' && r.column === 'totp_secret')!;
    expect(users).toMatchObject({ resealed: secrets.size, unsealed: 0 });
    expect(results.find((r) => r.table === 'platform_sso_provider')).toMatchObject({ resealed: 1 });

    for (const [id, value] of await readSecrets()) expect(value).toEqual({ keyId: newKey, plain: secrets.get(id) });
    const sso = await platform.data.db.selectFrom('platform_sso_provider').select('client_secret').executeTakeFirstOrThrow();
    expect(platform.cipher.keyIdOf(sso.client_secret)).toBe(newKey);

    const again = await rotateProtectedFields({ db: platform.data.db, cipher: platform.cipher });
    expect(again.reduce((n, r) => n + r.resealed, 0)).toBe(0);

    const dump = await dumpText(lantern);
    for (const plaintext of [...secrets.values(), ssoSecret]) expect(dump.some((v) => v.includes(plaintext))).toBe(false);
    expect(dump.some((v) => v.startsWith(`v1.${oldKey}.`))).toBe(false);
  });
});
