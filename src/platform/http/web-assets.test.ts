import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { IMMUTABLE_CACHE, isAppPage, registerWebAssets } from './web-assets.ts';

describe('which requests are app pages', () => {
  test('GET and HEAD of paths without a file name, outside the server’s own paths', () => {
    expect(isAppPage('GET', '/')).toBe(true);
    expect(isAppPage('GET', '/admin/audit?from=2026-01-01')).toBe(true);
    expect(isAppPage('HEAD', '/context')).toBe(true);
    expect(isAppPage('POST', '/admin/users')).toBe(false);
    expect(isAppPage('GET', '/assets/missing-abc123.js')).toBe(false);
    for (const path of ['/api/nothing', '/api', '/fhir/Patient', '/hsds/services', '/cds-services', '/docs/x', '/openapi.json', '/health', '/ready', '/metrics']) {
      expect(isAppPage('GET', path), path).toBe(false);
    }
    expect(isAppPage('GET', '/apiary')).toBe(true);
  });
});

describe('serving the built web app', () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'lantern-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Lantern</title>');
    writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    app = Fastify();
    const serveAppShell = await registerWebAssets(app, root);
    app.setNotFoundHandler((request, reply) => serveAppShell(request, reply) || reply.code(404).send({ code: 'NOT_FOUND' }));
    app.get('/api/session', async () => ({ ok: true }));
  });

  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('hashed assets are cached for a year', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect(res.headers['content-type']).toMatch(/javascript/);
  });

  test('assets built after the server started are served too (the app was rebuilt while it ran)', async () => {
    writeFileSync(join(root, 'assets', 'index-def456.js'), 'console.log(2)');
    const res = await app.inject({ url: '/assets/index-def456.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('console.log(2)');
    expect(res.headers['cache-control']).toBe(IMMUTABLE_CACHE);
    expect((await app.inject({ url: '/assets/..%2Findex.html' })).statusCode).toBe(404);
  });

  test('index.html and app pages are never cached nor indexed', async () => {
    for (const url of ['/', '/admin/users', '/index.html', '/referral-link']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-store');
      expect(res.headers['x-robots-tag'], url).toBe('noindex, nofollow');
      expect(res.body).toContain('<title>Lantern</title>');
    }
  });

  test('unknown API paths and missing files stay 404; API routes are untouched', async () => {
    expect((await app.inject({ url: '/api/nothing' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/assets/gone.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/admin/users' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/session' })).json()).toEqual({ ok: true });
  });
});
