import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestLantern, type TestLantern } from '../../test/support/platform.ts';

describe('operations endpoints', () => {
  let lantern: TestLantern;
  beforeAll(async () => { lantern = await startTestLantern(); });
  afterAll(async () => { await lantern.close(); });

  test('health answers while the process is alive', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  test('ready reports the database reachable and no pending migration', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/ready' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ready', database: true, pendingMigrations: 0 });
  });

  test('an unknown API path answers problem+json without internals', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  test('an unknown FHIR path answers an OperationOutcome', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/fhir/Nothing/1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'not-found' }] });
  });

  test('the OpenAPI document is served as 3.1', async () => {
    const res = await lantern.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
  });
});
