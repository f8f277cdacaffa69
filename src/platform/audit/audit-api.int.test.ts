import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'csv-parse/sync';
import { startTestLantern, type TestLantern } from '../../../test/support/platform.ts';
import { bearer, givenOrganization, type GivenOrganization } from '../ops/ops-test-support.ts';
import { verifyAuditChain } from './index.ts';

describe('audit API', () => {
  let lantern: TestLantern;
  let org: GivenOrganization;
  let other: GivenOrganization;
  const hostile = '=HYPERLINK("http://evil.example","click"),x';

  beforeAll(async () => {
    lantern = await startTestLantern();
    org = await givenOrganization(lantern.platform, ['admin', 'clinician']);
    other = await givenOrganization(lantern.platform, ['admin']);
    const admin = lantern.platform.scope(org.organizationId, { id: org.users.admin!.id, kind: 'user' }, 'req-1');
    const clinician = lantern.platform.scope(org.organizationId, { id: org.users.clinician!.id, kind: 'user' }, 'req-2');
    await admin.audit({ action: 'create', resourceType: 'user', resourceId: org.users.clinician!.id });
    await clinician.audit({ action: 'read', resourceType: 'case', resourceId: 'case-1', purpose: 'treatment' });
    await clinician.audit({ action: 'update', resourceType: 'case', resourceId: hostile, purpose: 'treatment' });
    await clinician.audit({ action: 'read', resourceType: 'screening', resourceId: 's-1', outcome: 'denied' });
    const otherAdmin = lantern.platform.scope(other.organizationId, { id: other.users.admin!.id, kind: 'user' });
    await otherAdmin.audit({ action: 'read', resourceType: 'case', resourceId: 'other-org-case' });
  });
  afterAll(async () => { await lantern.close(); });

  const get = (url: string, token = org.users.admin!.token) => lantern.app.inject({ method: 'GET', url, headers: bearer(token) });

  test('an admin reads the organization\'s events newest first, with the actor\'s email', async () => {
    const res = await get('/api/audit');
    expect(res.statusCode).toBe(200);
    const { events, nextCursor } = res.json();
    expect(nextCursor).toBeNull();
    const seqs = events.map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(events.some((e: { resourceId: string }) => e.resourceId === 'other-org-case')).toBe(false);
    const created = events.find((e: { action: string }) => e.action === 'create');
    expect(created).toMatchObject({ actorId: org.users.admin!.id, actorEmail: org.users.admin!.email, actorKind: 'user', resourceType: 'user', requestId: 'req-1', outcome: 'success' });
  });

  test('reading the log appends a read event of the audit log itself', async () => {
    await get('/api/audit');
    const res = await get('/api/audit?resourceType=audit&action=read&limit=1');
    const [latest] = res.json().events;
    expect(latest).toMatchObject({ action: 'read', resourceType: 'audit', actorId: org.users.admin!.id, purpose: 'audit-review' });
  });

  test('cursor paging walks every event once, newest first', async () => {
    const all = (await get('/api/audit?limit=500')).json().events.map((e: { seq: number }) => e.seq);
    const walked: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { events: { seq: number }[]; nextCursor: string | null } = (await get(`/api/audit?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      walked.push(...page.events.map((e: { seq: number }) => e.seq));
      cursor = page.nextCursor;
    } while (cursor);
    // Each page view is audited too, so the walk sees events newer than the first listing was.
    expect(walked.filter((s) => all.includes(s))).toEqual(all);
    expect(new Set(walked).size).toBe(walked.length);
  });

  test('filters narrow by action, resource type, outcome, actor and time', async () => {
    const byResource = (await get('/api/audit?resourceType=case&action=read')).json().events;
    expect(byResource.map((e: { resourceId: string }) => e.resourceId)).toEqual(['case-1']);
    const denied = (await get('/api/audit?outcome=denied&resourceType=screening')).json().events;
    expect(denied).toHaveLength(1);
    const byEmail = (await get(`/api/audit?actor=${encodeURIComponent(org.users.clinician!.email.toUpperCase())}`)).json().events;
    expect(byEmail.length).toBe(3);
    const byId = (await get(`/api/audit?actor=${org.users.clinician!.id}`)).json().events;
    expect(byId).toEqual(byEmail);
    const future = (await get('/api/audit?from=2999-01-01')).json().events;
    expect(future).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    const todays = (await get(`/api/audit?from=${today}&to=${today}&resourceType=case`)).json().events;
    expect(todays.length).toBe(2);
    const past = (await get('/api/audit?to=2000-01-01T00:00:00Z')).json().events;
    expect(past).toEqual([]);
  });

  test('bad input answers problem+json: unknown parameters, a forged cursor, a non-date', async () => {
    for (const url of ['/api/audit?color=red', '/api/audit?cursor=bm9wZQ', '/api/audit?from=yesterday', '/api/audit?limit=0', '/api/audit?outcome=maybe',
      '/api/audit/export.csv?to=soon', '/api/audit/export.csv?limit=5', '/api/audit?action=a%00b', '/api/audit?actor=%00%40x',
      '/api/audit/export.csv?resourceType=%00']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  test('a clinician is refused, and the refusal is audited', async () => {
    const res = await get('/api/audit', org.users.clinician!.token);
    expect(res.statusCode).toBe(403);
    const csv = await get('/api/audit/export.csv', org.users.clinician!.token);
    expect(csv.statusCode).toBe(403);
    const denied = (await get(`/api/audit?resourceType=audit&outcome=denied&actor=${org.users.clinician!.id}`)).json().events;
    expect(denied.map((e: { action: string }) => e.action).sort()).toEqual(['export', 'read']);
  });

  test('an admin of another organization sees only their own events', async () => {
    const events = (await get('/api/audit', other.users.admin!.token)).json().events;
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e: { actorId: string | null }) => e.actorId === other.users.admin!.id)).toBe(true);
  });

  test('the CSV export is RFC 4180, neutralizes formulas, follows the filters and is audited', async () => {
    const res = await get('/api/audit/export.csv?resourceType=case');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="lantern-audit-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.body.endsWith('\r\n')).toBe(true);
    expect(res.body.replace(/\r\n/g, '')).not.toMatch(/\n/);
    const records = parse(res.body, { columns: true }) as Record<string, string>[];
    expect(Object.keys(records[0]!)).toEqual(['seq', 'at', 'actorId', 'actorEmail', 'actorKind', 'action', 'resourceType', 'resourceId', 'purpose', 'requestId', 'outcome']);
    expect(records.map((r) => r.resourceType)).toEqual(['case', 'case']);
    expect(records[0]!.resourceId).toBe(`'${hostile}`);
    expect(records[1]!.resourceId).toBe('case-1');
    const exported = (await get('/api/audit?action=export&resourceType=audit&limit=1')).json().events;
    expect(exported).toHaveLength(1);
  });

  test('the chain still verifies after all of it', async () => {
    const { breaks, events } = await verifyAuditChain(lantern.platform.data.db);
    expect(breaks).toEqual([]);
    expect(events).toBeGreaterThan(10);
  });
});
