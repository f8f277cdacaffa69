import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';
import { bearer, givenOrganization, type TestOrganization } from '../../test/support/actors.ts';
import { collectDirectory, generateDirectory } from './generate.ts';
import { importDirectory } from './store-import.ts';
import { signLink } from './referral-link.ts';

// Referrals across organizations: the referrer (a hospital), the partner it refers to, and a
// third organization that also receives referrals but was sent none.
describe('closed-loop referrals', () => {
  let lantern: TestLantern;
  let hospital: TestOrganization;
  let partner: TestOrganization;
  let stranger: TestOrganization;
  let serviceId: string;
  let caseId: string;
  const inFuture = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString();
  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
    lantern.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
  const refer = (body: object) => call('POST', `/api/cases/${caseId}/referrals`, hospital.users.clinician.token, body);
  const standardReferral = (overrides: object = {}) => ({
    serviceId,
    consent: { fields: ['initials', 'preferredLanguage', 'needs'], partnerOrganizationId: partner.organizationId, until: inFuture(30) },
    shared: { initials: 'J.D.', preferredLanguage: 'Spanish', needs: 'safe-housing-marker' },
    ...overrides,
  });
  const timelineKinds = async () => ((await call('GET', `/api/cases/${caseId}`, hospital.users.clinician.token)).json().timeline as { kind: string; detail: Record<string, unknown> }[]);

  beforeAll(async () => {
    lantern = await startTestLantern();
    const db = lantern.platform.data.db;
    hospital = await givenOrganization(db, 'Hospital');
    partner = await givenOrganization(db, 'Partner');
    stranger = await givenOrganization(db, 'Stranger');
    const records = await collectDirectory(generateDirectory({ services: 12, seed: 11 }));
    await importDirectory(lantern.platform.scope(hospital.organizationId, { id: null, kind: 'system' }), records);
    serviceId = records.service[0]!.id;
    const opened = await call('POST', '/api/cases', hospital.users.clinician.token, {
      source: 'clinician',
      context: { ageYears: 30, screen: 'positive', alone: true, interpreterNeeded: false, confidentialityExplained: true, safeToTalk: true, immediateDanger: false, jurisdiction: 'US-TX', setting: 'emergency', choices: { wantsHelp: true, consentsToReferral: true, consentsToLawEnforcement: false } },
    });
    expect(opened.statusCode).toBe(201);
    caseId = opened.json().id;
    for (const chosen of [partner, stranger]) {
      const added = await call('POST', '/api/referral-partners', hospital.users['program-lead'].token, { organizationId: chosen.organizationId, name: `Partner ${chosen.organizationId.slice(0, 4)}` });
      expect(added.statusCode).toBe(201);
    }
  });
  afterAll(async () => { await lantern.close(); });

  test('the partner sees only the consented fields, sealed at rest, and the share is audited in both organizations', async () => {
    const refused = await refer(standardReferral({ shared: { initials: 'J.D.', firstName: 'Jane' } }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ field: 'shared/firstName' });

    const created = await refer(standardReferral());
    expect(created.statusCode).toBe(201);
    const referral = created.json();
    expect(referral).toMatchObject({ status: 'requested', shared: { initials: 'J.D.', preferredLanguage: 'Spanish', needs: 'safe-housing-marker' } });

    const inbox = await call('GET', '/api/referral-inbox', partner.users.partner.token);
    expect(inbox.statusCode).toBe(200);
    const seen = inbox.json().find((r: { id: string }) => r.id === referral.id);
    expect(Object.keys(seen.shared).sort()).toEqual(['initials', 'needs', 'preferredLanguage']);
    expect(inbox.body).not.toContain(caseId);
    expect(inbox.body).not.toContain(hospital.users.clinician.id);

    const rows = await lantern.platform.data.db.selectFrom('refer_referral_share').select(['shared', 'organization_id']).where('referral_id', '=', referral.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.organization_id).toBe(partner.organizationId);
    expect(rows[0]!.shared).not.toContain('safe-housing-marker');
    const audits = await lantern.platform.data.db.selectFrom('platform_audit_event').select(['organization_id', 'action'])
      .where('resource_type', '=', 'referral').where('resource_id', '=', referral.id).execute();
    expect(audits).toEqual(expect.arrayContaining([
      { organization_id: hospital.organizationId, action: 'share' }, { organization_id: partner.organizationId, action: 'share-received' },
    ]));
  });

  test('another organization sees nothing it was not sent, and a partner cannot read the referrer\'s record', async () => {
    const referral = (await refer(standardReferral())).json();
    expect((await call('GET', '/api/referral-inbox', stranger.users.partner.token)).json()).toEqual([]);
    expect((await call('GET', `/api/referral-inbox/${referral.id}`, stranger.users.partner.token)).statusCode).toBe(404);
    expect((await call('POST', `/api/referral-inbox/${referral.id}/status`, stranger.users.partner.token, { status: 'accepted' })).statusCode).toBe(404);
    expect((await call('GET', `/api/referrals/${referral.id}`, stranger.users.clinician.token)).statusCode).toBe(404);
    expect((await call('GET', `/api/referrals/${referral.id}`, partner.users.partner.token)).statusCode).toBe(404);
    expect((await call('GET', `/fhir/ServiceRequest/${referral.id}`, stranger.users.clinician.token)).statusCode).toBe(404);
    // The referrer's own partner users see no inbox entry for a referral it sent.
    expect((await call('GET', '/api/referral-inbox', hospital.users.partner.token)).json()).toEqual([]);
    // Learners may not refer at all.
    expect((await call('POST', `/api/cases/${caseId}/referrals`, hospital.users.learner.token, standardReferral())).statusCode).toBe(403);
  });

  test('accept then complete lands on the case timeline and notifies the referrer; invalid transitions are refused', async () => {
    const referral = (await refer(standardReferral())).json();
    const answer = (status: string, reason?: string) => call('POST', `/api/referral-inbox/${referral.id}/status`, partner.users.partner.token, { status, ...(reason ? { reason } : {}) });
    expect((await answer('completed')).statusCode).toBe(409);
    const accepted = await answer('accepted');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    expect((await answer('accepted')).statusCode).toBe(409);
    expect((await answer('completed')).json().status).toBe('completed');
    expect((await answer('rejected', 'too late')).statusCode).toBe(409);

    const events = (await timelineKinds()).filter((e) => e.detail.referralId === referral.id).map((e) => e.kind);
    expect(events).toEqual(expect.arrayContaining(['referral-requested', 'referral-accepted', 'referral-completed']));
    const notes = (await call('GET', '/api/referral-notifications', hospital.users.clinician.token)).json() as { id: string; referralId: string; kind: string; readAt: string | null }[];
    const mine = notes.filter((n) => n.referralId === referral.id).map((n) => n.kind);
    expect(mine.sort()).toEqual(['referral-accepted', 'referral-completed']);
    // Notifications are the referrer's own: a colleague has none for this referral.
    const colleague = (await call('GET', '/api/referral-notifications', hospital.users['social-worker'].token)).json() as { referralId: string }[];
    expect(colleague.filter((n) => n.referralId === referral.id)).toEqual([]);
    const first = notes.find((n) => n.referralId === referral.id)!;
    expect((await call('POST', `/api/referral-notifications/${first.id}/read`, hospital.users.clinician.token)).statusCode).toBe(204);
    const unread = (await call('GET', '/api/referral-notifications?unread=true', hospital.users.clinician.token)).json() as { id: string }[];
    expect(unread.map((n) => n.id)).not.toContain(first.id);
    expect((await call('GET', `/api/referrals/${referral.id}`, hospital.users.clinician.token)).json().status).toBe('completed');
  });

  test('a decline needs a reason, which the referrer sees on the referral and the timeline', async () => {
    const referral = (await refer(standardReferral())).json();
    const bare = await call('POST', `/api/referral-inbox/${referral.id}/status`, partner.users.partner.token, { status: 'rejected' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ field: 'reason' });
    const declined = await call('POST', `/api/referral-inbox/${referral.id}/status`, partner.users.partner.token, { status: 'rejected', reason: 'no-beds-marker' });
    expect(declined.json()).toMatchObject({ status: 'rejected', statusReason: 'no-beds-marker' });
    const view = (await call('GET', `/api/referrals/${referral.id}`, hospital.users.clinician.token)).json();
    expect(view).toMatchObject({ status: 'rejected', statusReason: 'no-beds-marker' });
    const event = (await timelineKinds()).find((e) => e.detail.referralId === referral.id && e.kind === 'referral-rejected');
    expect(event?.detail.reason).toBe('no-beds-marker');
    expect((await call('POST', `/api/referrals/${referral.id}/cancel`, hospital.users.clinician.token, { reason: 'x' })).statusCode).toBe(409);
  });

  test('the referrer can withdraw a referral; the partner sees it cancelled and can no longer answer', async () => {
    const referral = (await refer(standardReferral())).json();
    expect((await call('POST', `/api/referrals/${referral.id}/cancel`, partner.users.partner.token, { reason: 'x' })).statusCode).toBe(403);
    const cancelled = await call('POST', `/api/referrals/${referral.id}/cancel`, hospital.users.clinician.token, { reason: 'patient changed mind' });
    expect(cancelled.json().status).toBe('cancelled');
    expect((await call('GET', `/api/referral-inbox/${referral.id}`, partner.users.partner.token)).json().status).toBe('cancelled');
    expect((await call('POST', `/api/referral-inbox/${referral.id}/status`, partner.users.partner.token, { status: 'accepted' })).statusCode).toBe(409);
  });

  test('consent that has ended hides the shared data from partner and referrer alike', async () => {
    const referral = (await refer(standardReferral())).json();
    const past = new Date(Date.now() - 1000).toISOString();
    const db = lantern.platform.data.db;
    await db.updateTable('refer_referral').set({ consent_until: past }).where('id', '=', referral.id).execute();
    await db.updateTable('refer_referral_share').set({ consent_until: past }).where('referral_id', '=', referral.id).execute();
    const seen = await call('GET', `/api/referral-inbox/${referral.id}`, partner.users.partner.token);
    expect(seen.json()).toMatchObject({ consentExpired: true, shared: null });
    expect(seen.body).not.toContain('safe-housing-marker');
    expect((await call('GET', `/api/referrals/${referral.id}`, hospital.users.clinician.token)).json()).toMatchObject({ consentExpired: true, shared: null });
    const ended = await refer(standardReferral({ consent: { fields: ['initials'], partnerOrganizationId: partner.organizationId, until: past } }));
    expect(ended.statusCode).toBe(400);
    expect(ended.json()).toMatchObject({ field: 'consent/until' });
  });

  test('a signed link works for its one referral; expired, withdrawn, replaced and forged links are refused', async () => {
    const referral = (await refer(standardReferral({ consent: { fields: ['callbackNumber'], partnerOrganizationId: null, until: inFuture(10) }, shared: { callbackNumber: '555-0100' } }))).json();
    const issued = await call('POST', `/api/referrals/${referral.id}/link`, hospital.users.clinician.token, { days: 3 });
    expect(issued.statusCode).toBe(201);
    const { token, url } = issued.json();
    expect(url).toContain(`#${token}`);
    const viaLink = (linkToken: string) => lantern.app.inject({ method: 'GET', url: '/api/referral-link', headers: { 'x-referral-link': linkToken } });
    const answerViaLink = (linkToken: string, payload: object) => lantern.app.inject({ method: 'POST', url: '/api/referral-link/status', headers: { 'x-referral-link': linkToken }, payload });

    const read = await viaLink(token);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: referral.id, shared: { callbackNumber: '555-0100' } });
    expect(read.body).not.toContain(caseId);
    const accepted = await answerViaLink(token, { status: 'accepted' });
    expect(accepted.json().status).toBe('accepted');
    expect((await timelineKinds()).some((e) => e.detail.referralId === referral.id && e.kind === 'referral-accepted')).toBe(true);
    const audit = await lantern.platform.data.db.selectFrom('platform_audit_event').select('actor_kind')
      .where('resource_id', '=', referral.id).where('action', '=', 'update').execute();
    expect(audit.map((a) => a.actor_kind)).toContain('partner-link');

    const [body, mac] = token.split('.') as [string, string];
    const forgedMac = `${body}.${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const otherReferral = `${Buffer.from(JSON.stringify({ ...payload, r: 'someone-else' })).toString('base64url')}.${mac}`;
    for (const forged of [forgedMac, otherReferral, 'not-a-token', `${token}.extra`]) {
      expect((await viaLink(forged)).statusCode).toBe(401);
    }
    expect((await lantern.app.inject({ method: 'GET', url: '/api/referral-link' })).statusCode).toBe(401);

    const ring = lantern.platform.keys.ring();
    const row = await lantern.platform.data.db.selectFrom('refer_referral').select(['link_id']).where('id', '=', referral.id).executeTakeFirstOrThrow();
    const expired = signLink(ring, { referralId: referral.id, organizationId: hospital.organizationId, linkId: row.link_id!, expiresAt: new Date(Date.now() - 1000).toISOString() });
    expect((await viaLink(expired)).statusCode).toBe(401);

    const replacement = (await call('POST', `/api/referrals/${referral.id}/link`, hospital.users.clinician.token, {})).json().token as string;
    expect((await viaLink(token)).statusCode).toBe(401);
    expect((await viaLink(replacement)).statusCode).toBe(200);
    expect((await call('DELETE', `/api/referrals/${referral.id}/link`, hospital.users.clinician.token)).statusCode).toBe(204);
    expect((await viaLink(replacement)).statusCode).toBe(401);
    expect((await answerViaLink(replacement, { status: 'completed' })).statusCode).toBe(401);
  });

  test('only organizations the program lead chose can be named, and each organization sees only its own list', async () => {
    const partners = (await call('GET', '/api/referral-partners', hospital.users.clinician.token)).json() as { id: string }[];
    expect(partners.map((p) => p.id).sort()).toEqual([partner.organizationId, stranger.organizationId].sort());
    expect((await call('GET', '/api/referral-partners', partner.users['program-lead'].token)).json()).toEqual([]);
    expect((await call('POST', '/api/referral-partners', hospital.users.clinician.token, { organizationId: partner.organizationId, name: 'P' })).statusCode).toBe(403);
    expect((await call('POST', '/api/referral-partners', hospital.users['program-lead'].token, { organizationId: hospital.organizationId, name: 'Us' })).statusCode).toBe(400);
    expect((await call('POST', '/api/referral-partners', hospital.users['program-lead'].token, { organizationId: 'no-such-org', name: 'Nobody' })).statusCode).toBe(400);
    const unknown = await refer(standardReferral({ consent: { fields: ['initials'], partnerOrganizationId: 'no-such-org', until: inFuture(5) } }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ field: 'consent/partnerOrganizationId' });
    expect((await call('DELETE', `/api/referral-partners/${stranger.organizationId}`, hospital.users['program-lead'].token)).statusCode).toBe(204);
    const removed = await refer(standardReferral({ consent: { fields: ['initials'], partnerOrganizationId: stranger.organizationId, until: inFuture(5) } }));
    expect(removed.statusCode).toBe(400);
    const noService = await refer(standardReferral({ serviceId: 'no-such-service' }));
    expect(noService.json()).toMatchObject({ field: 'serviceId' });
  });
});
