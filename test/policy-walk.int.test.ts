/**
 * The policy walk: every route the full app has, called with every role's API token, with no
 * credentials, and by every role of another organization with the first one's ids. The routes are
 * read from the app while it is built (test/support/routes.ts), so a route added later is walked
 * without editing this file. Calls send bodies their schemas accept, so that the answer reflects
 * authorization rather than validation.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLantern, type TestLantern } from './support/platform.ts';
import { captureRoutes, fits, guardedPrefix, paramSchema, pathParams, permissionOf, segmentBefore, type RouteInfo } from './support/routes.ts';
import { givenOrganization, sessionFor, TEST_PASSWORD, tokenFor, type TestOrganization } from './support/actors.ts';
import { idsFor, organizationRowIds, snapshotRows } from './support/table-rows.ts';
import { describeCall, send, validCall, type RouteCall } from './support/walk.ts';
import { actions, isAllowed, roles, type Action, type Resource } from '../src/platform/policy.ts';
import { createApiToken, createUser } from '../src/platform/identity/accounts.ts';
import type { Db } from '../src/platform/db/index.ts';
import { sampleValue, type SampleHints } from './support/schema-sample.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Target { userId: string; email: string; tokenId: string }

/** A user of the organization, and its token, that routes act on; never used to call. */
async function givenTarget(db: Db, organization: TestOrganization): Promise<Target> {
  const email = `target-${organization.organizationId.slice(0, 8)}@test.example.org`;
  const userId = await createUser(db, { email, displayName: 'Test target', password: TEST_PASSWORD, organizationId: organization.organizationId, roles: ['learner'] });
  const { id: tokenId } = await createApiToken(db, { email, name: 'target' });
  return { userId, email, tokenId };
}

describe('policy walk over every route', () => {
  let lantern: TestLantern;
  let routes: RouteInfo[];
  let first: TestOrganization;
  let firstTarget: Target;
  let second: TestOrganization;
  let firstRowIds: Record<string, string[]>;
  /** Ids of the users and tokens that make calls: never used as the subject of a call. */
  let callers: Set<string>;

  beforeAll(async () => {
    const built = await captureRoutes(() => startTestLantern());
    lantern = built.result;
    routes = built.routes;
    await lantern.app.ready();
    const db = lantern.platform.data.db;
    first = await givenOrganization(db, 'First', { password: TEST_PASSWORD });
    firstTarget = await givenTarget(db, first);
    second = await givenOrganization(db, 'Second', { password: TEST_PASSWORD });
    callers = new Set([...Object.values(first.users), ...Object.values(second.users)].map((u) => u.id));
    firstRowIds = await organizationRowIds(db, first.organizationId);
    // Give the first organization data in every capability, through its own API, so that the
    // walk has real ids to try: routes without ids first, then those that hang off their rows.
    for (const withIds of [false, true]) {
      for (const route of routes.filter((r) => r.method === 'POST' && r.access !== 'public' && (pathParams(r.url).length > 0) === withIds)) {
        const permission = permissionOf(route);
        const role = permission ? roles.find((r) => isAllowed([r], permission[0] as Resource, permission[1] as Action)) : 'clinician';
        if (!role) continue;
        await send(lantern.app, validCall(route, { params: paramSets(route)[0]!, token: await tokenFor(db, first, role), hints: firstOrgHints() }));
      }
      firstRowIds = await organizationRowIds(db, first.organizationId);
    }
  }, 120_000);
  afterAll(async () => { await lantern?.close(); });

  const db = (): TestLantern['platform']['data']['db'] => lantern.platform.data.db;
  const protectedRoutes = (): RouteInfo[] => routes.filter((r) => r.access !== undefined && r.access !== 'public');

  // Ids of the first organization, chosen by what a body field or path parameter names.
  function firstOrgHints(): SampleHints {
    return {
      uuid: (field) => {
        if (field && /organi[sz]ation/i.test(field)) return first.organizationId;
        if (field && /facility/i.test(field)) return first.facilityId;
        if (field && /user/i.test(field)) return firstTarget.userId;
        if (field && /token/i.test(field)) return firstTarget.tokenId;
        return idsFor(firstRowIds, field ?? 'id', undefined, callers)[0] ?? randomUUID();
      },
    };
  }

  function paramSets(route: RouteInfo): Record<string, string>[] {
    const names = pathParams(route.url);
    if (names.length === 0) return [{}];
    const perName = names.map((name) => {
      // Ids of the first organization where the parameter takes one; else a value its schema accepts.
      const property = paramSchema(route, name);
      const fitting = idsFor(firstRowIds, name, segmentBefore(route.url, name), callers).filter((id) => fits(property, id));
      return fitting.length > 0 ? fitting : [String(sampleValue(property, firstOrgHints(), 0, name) ?? randomUUID())];
    });
    const width = Math.max(1, ...perName.map((list) => list.length));
    return Array.from({ length: Math.min(width, 2) }, (_, i) =>
      Object.fromEntries(names.map((name, n) => [name, perName[n]![i % Math.max(1, perName[n]!.length)] ?? randomUUID()])));
  }

  test('the app has routes to walk, and every API route declares its access rule', () => {
    expect(routes.some((r) => r.url === '/health')).toBe(true);
    const undeclared = routes.filter((r) => guardedPrefix.test(r.url) && r.access === undefined).map((r) => `${r.method} ${r.url}`);
    expect(undeclared, 'routes under /api, /fhir, /hsds or /cds-services without config.access').toEqual([]);
    const unknown = routes.filter((r) => {
      const permission = permissionOf(r);
      return permission !== undefined && !(actions as readonly string[]).includes(permission[1]);
    }).map((r) => `${r.method} ${r.url}`);
    expect(unknown, 'routes naming an action the policy does not know').toEqual([]);
  });

  test('without credentials every protected route answers 401 and never succeeds', async () => {
    const failures: string[] = [];
    for (const route of protectedRoutes()) {
      const call = validCall(route, { params: paramSets(route)[0]!, hints: firstOrgHints() });
      const res = await send(lantern.app, call);
      // An `external` route checks its caller itself (CDS Hooks JWT, SMART): it may first say the
      // service does not exist, but it never serves an anonymous caller.
      const refused = route.access === 'external' ? res.statusCode >= 400 && res.statusCode < 500 : res.statusCode === 401;
      if (!refused) failures.push(describeCall(call, res, 'anonymous'));
    }
    expect(failures).toEqual([]);
  }, 180_000);

  test('no user of the other organization, whatever the role, by token or session, gets data of the first or changes it', async () => {
    const markers = new Set<string>([
      first.organizationId, first.organizationName, first.facilityId, firstTarget.userId, firstTarget.tokenId,
      ...Object.values(first.users).flatMap((u) => [u.id, u.email]), firstTarget.email,
      // Row ids that are random (UUIDs); shared ids such as content slugs are no one's data.
      ...Object.values(firstRowIds).flat().filter((id) => UUID.test(id)),
    ]);
    const ownedByFirst = new Set([first.organizationId, firstTarget.userId, ...Object.values(first.users).map((u) => u.id)]);
    const before = await snapshotRows(db(), ownedByFirst);
    const failures: string[] = [];
    for (const route of protectedRoutes()) {
      const attempts = paramSets(route).flatMap((p) => roles.flatMap((role) => [[p, role, 'token'], [p, role, 'session']] as const));
      for (const [params, role, via] of attempts) {
        // A fresh credential per call: a call that signs out or revokes must not spoil the next.
        const credentials = via === 'token' ? { authorization: `Bearer ${await tokenFor(db(), second, role)}` } : await sessionFor(db(), second, role);
        const call: RouteCall = validCall(route, { params, credentials, hints: firstOrgHints() });
        const res = await send(lantern.app, call);
        // A value the caller sent may come back in an error; anything else of the first org is a leak.
        const sent = `${call.url} ${call.payload ?? ''}`;
        const leaked = [...markers].filter((m) => !sent.includes(m) && res.body.includes(m));
        if (leaked.length > 0) failures.push(`${describeCall(call, res, `other org ${role} (${via})`)} — leaks ${leaked.join(', ')}`);
        if (res.statusCode >= 500) failures.push(describeCall(call, res, `other org ${role} (${via})`));
      }
    }
    const after = await snapshotRows(db(), ownedByFirst);
    for (const table of Object.keys(before)) {
      if (JSON.stringify(after[table]) !== JSON.stringify(before[table])) failures.push(`rows of the first organization in ${table} changed`);
    }
    expect(failures).toEqual([]);
  }, 180_000);

  test('every role gets 403 wherever the policy forbids the call, and no server error where it allows it', async () => {
    const failures: string[] = [];
    let forbiddenCalls = 0;
    for (const route of routes) {
      const permission = permissionOf(route);
      if (!permission) continue;
      const [resource, action] = permission as [Resource, Action];
      for (const role of roles) {
        const allowed = isAllowed([role], resource, action);
        const call = validCall(route, { params: paramSets(route)[0]!, token: await tokenFor(db(), first, role), hints: firstOrgHints() });
        const res = await send(lantern.app, call);
        if (!allowed) {
          forbiddenCalls += 1;
          if (res.statusCode !== 403) failures.push(`${describeCall(call, res, role)} — the policy forbids ${action} ${resource}`);
        } else if (res.statusCode >= 500) {
          failures.push(describeCall(call, res, role));
        }
      }
    }
    expect(failures).toEqual([]);
    // The admin API alone declares permissions most roles lack: the walk did test refusals.
    expect(forbiddenCalls).toBeGreaterThan(0);
  }, 180_000);
});
