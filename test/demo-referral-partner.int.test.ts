/**
 * The demo a fresh `npm start` seeds closes the referral loop: its partner login belongs to a second
 * organization, which the demo organization already lists as a receiving organization, so a demo
 * clinician's referral lands in the demo partner's inbox.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from './support/platform.ts';
import { bearer } from './support/actors.ts';
import { DEMO_PARTNER_ORGANIZATION, demoEmail, seedDemo } from '../src/platform/demo-seed.ts';
import { createApiToken } from '../src/platform/identity/accounts.ts';
import { collectDirectory, generateDirectory } from '../src/refer/generate.ts';
import { importDirectory } from '../src/refer/store-import.ts';
import type { Role } from '../src/platform/policy.ts';

describe('the demo organization and its referral partner', () => {
  let lantern: TestLantern;
  let demoOrganizationId: string;
  const memberships = (role: Role) => lantern.platform.data.db.selectFrom('platform_membership')
    .innerJoin('platform_user', 'platform_user.id', 'platform_membership.user_id')
    .innerJoin('platform_organization', 'platform_organization.id', 'platform_membership.organization_id')
    .select(['platform_organization.id', 'platform_organization.name', 'platform_membership.role'])
    .where('platform_user.email', '=', demoEmail(role)).execute();
  const tokenOf = async (role: Role, organizationId: string) =>
    (await createApiToken(lantern.platform.data.db, { email: demoEmail(role), organizationId, name: 'test' })).token;

  beforeAll(async () => {
    lantern = await startTestLantern();
    const seeded = await seedDemo(lantern.platform.data.db);
    demoOrganizationId = seeded.organizationId;
    expect(seeded.logins.map((l) => l.email)).toContain('partner@demo.example.org');
  });
  afterAll(async () => { await lantern.close(); });

  test('the partner login belongs to Demo Partner Services alone; every other role to the demo organization', async () => {
    const partnerOf = await memberships('partner');
    expect(partnerOf).toEqual([{ id: expect.any(String), name: DEMO_PARTNER_ORGANIZATION, role: 'partner' }]);
    expect(partnerOf[0]!.id).not.toBe(demoOrganizationId);
    for (const role of ['admin', 'program-lead', 'clinician', 'social-worker', 'educator', 'learner'] as const) {
      expect(await memberships(role), role).toEqual([{ id: demoOrganizationId, name: 'Demo Health System', role }]);
    }
  });

  test('a demo clinician refers to Demo Partner Services and the demo partner receives it', async () => {
    const partnerOrganizationId = (await memberships('partner'))[0]!.id;
    const clinician = await tokenOf('clinician', demoOrganizationId);
    const listed = await lantern.app.inject({ url: '/api/referral-partners', headers: bearer(clinician) });
    expect(listed.json()).toEqual([{ id: partnerOrganizationId, name: DEMO_PARTNER_ORGANIZATION }]);

    const records = await collectDirectory(generateDirectory({ services: 3, seed: 5 }));
    await importDirectory(lantern.platform.scope(demoOrganizationId, { id: null, kind: 'system' }), records);
    const opened = await lantern.app.inject({
      method: 'POST', url: '/api/cases', headers: bearer(clinician), payload: {
        source: 'clinician',
        context: { ageYears: 30, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true, immediateDanger: false, jurisdiction: 'US-TX', setting: 'emergency', choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false } },
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const referred = await lantern.app.inject({
      method: 'POST', url: `/api/cases/${opened.json().id}/referrals`, headers: bearer(clinician), payload: {
        serviceId: records.service[0]!.id,
        consent: { fields: ['initials'], partnerOrganizationId, until: new Date(Date.now() + 7 * 86400000).toISOString() },
        shared: { initials: 'A.B.' },
      },
    });
    expect(referred.statusCode, referred.body).toBe(201);

    const inbox = await lantern.app.inject({ url: '/api/referral-inbox', headers: bearer(await tokenOf('partner', partnerOrganizationId)) });
    expect(inbox.json()).toEqual([expect.objectContaining({ id: referred.json().id, status: 'requested', shared: { initials: 'A.B.' } })]);
  });

  test('seeding again changes nothing', async () => {
    expect((await seedDemo(lantern.platform.data.db)).logins).toEqual([]);
    const partners = await lantern.platform.data.db.selectFrom('platform_organization').select('id').where('name', '=', DEMO_PARTNER_ORGANIZATION).execute();
    expect(partners).toHaveLength(1);
  });
});
