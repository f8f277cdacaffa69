import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { FastifyPluginAsync } from 'fastify';
import { startTestLantern, testConfig, createTestDatabase, type TestLantern } from '../../../test/support/platform.ts';
import { buildApp } from '../http/app.ts';
import type { Platform } from '../services.ts';
import { startServer } from '../../server.ts';
import { operationsPlugin } from './index.ts';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Routes a test needs and the product does not: one that fails, one that takes its time. */
function testRoutes(slow: { started: () => void; release: Promise<void> }): FastifyPluginAsync<{ platform: Platform }> {
  return async (app) => {
    app.get('/test/fail', { config: { access: 'public' } }, async () => { throw new Error('boom'); });
    app.get('/test/slow', { config: { access: 'public' } }, async () => {
      slow.started();
      await slow.release;
      return { finished: true };
    });
  };
}

describe('metrics', () => {
  let lantern: TestLantern;
  beforeAll(async () => { lantern = await startTestLantern(); });
  afterAll(async () => { await lantern.close(); });

  test('/metrics counts requests by route and status, times them, and labels unknown paths as one route', async () => {
    for (let i = 0; i < 3; i += 1) await lantern.app.inject({ method: 'GET', url: '/health' });
    await lantern.app.inject({ method: 'GET', url: '/api/audit?limit=5' });
    await lantern.app.inject({ method: 'GET', url: `/no/such/${Math.random()}` });
    const res = await lantern.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(text).toContain('lantern_http_requests_total{method="GET",route="/health",status="200"} 3');
    expect(text).toContain('lantern_http_requests_total{method="GET",route="/api/audit",status="401"} 1');
    expect(text).toContain('lantern_http_requests_total{method="GET",route="unmatched",status="404"} 1');
    expect(text).toMatch(/lantern_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/health"\} \d/);
    expect(text).toContain('lantern_http_request_duration_seconds_count{method="GET",route="/health"} 3');
    expect(text).toContain('lantern_process_resident_memory_bytes');
    expect(text).not.toMatch(/no\/such/);
  });
});

describe('server errors and graceful shutdown', () => {
  test('a 5xx is counted as an error; on close a request in flight completes while new ones are refused', async () => {
    const lantern = await startTestLantern();
    let started!: () => void;
    const inHandler = new Promise<void>((resolve) => { started = resolve; });
    let release!: () => void;
    const released = new Promise<void>((resolve) => { release = resolve; });
    const app = await buildApp(lantern.platform, {
      capabilities: [{ name: 'operations', plugin: operationsPlugin }, { name: 'test', plugin: testRoutes({ started, release: released }) }],
    });
    try {
      expect((await app.inject({ method: 'GET', url: '/test/fail' })).statusCode).toBe(500);
      const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
      expect(metrics).toContain('lantern_http_errors_total{method="GET",route="/test/fail"} 1');

      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const slow = fetch(`${url}/test/slow`).then(async (r) => ({ status: r.status, body: await r.json() }));
      await inHandler;
      const closing = app.close();
      await sleep(100);
      await expect(fetch(`${url}/health`)).rejects.toThrow();
      release();
      expect(await slow).toEqual({ status: 200, body: { finished: true } });
      await closing;
    } finally {
      await app.close();
      await lantern.close();
    }
  });

  test('stopping the real server lets an upload in flight finish, refuses new connections and closes cleanly', async () => {
    const database = await createTestDatabase();
    const server = await startServer(testConfig(database, { runJobs: true }));
    const { port } = new URL(server.url);
    const body = JSON.stringify({ email: 'nobody@example.org', password: 'not the right password at all' });
    const answered = new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api/session', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
      // Half the body now, the rest once the server is already stopping: a slow client.
      req.write(body.slice(0, 10));
      setTimeout(() => req.end(body.slice(10)), 300);
    });
    await sleep(100);
    const stopping = server.stop();
    await sleep(50);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
    const status = await answered;
    // The credentials are wrong: the point is that it was answered, not refused or cut off.
    expect(status).toBe(401);
    await stopping;
    await database.drop();
  });
});
