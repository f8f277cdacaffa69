/**
 * @module Serves the built web app (dist/web) from the server itself. Hashed files under assets/
 * are cached for a year (their names change with their content); index.html is never cached, so a
 * new release is picked up on the next load, nor indexed. Any other GET outside the API that names
 * no file is a page of the single-page app, answered with index.html (the app's router takes it
 * from there).
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';
import { LanternError } from './errors.ts';

/** Answers a request that matched no route with the app shell; false when it is not a page. */
export type AppShellFallback = (request: FastifyRequest, reply: FastifyReply) => FastifyReply | Promise<FastifyReply> | false;

// Paths the server answers itself: an unknown path there is a real 404, never the app.
const SERVER_PATHS = /^\/(api|fhir|hsds|cds-services|docs|openapi\.json|health|ready|metrics)(\/|\?|$)/;
const HASHED_ASSET = /^\/?assets\//;
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
// The app is a private workplace tool; some of its pages open from links sent by mail (a signed
// referral link): no page of it belongs in a search engine.
const NO_INDEX = 'noindex, nofollow';

/** True for GET/HEAD requests of app pages: outside the server's own paths, and not a file name. */
export function isAppPage(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const path = url.split('?')[0] ?? '/';
  if (SERVER_PATHS.test(path)) return false;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return !last.includes('.');
}

/** Registers the web assets under `/` and returns the fallback for the not-found handler. */
export async function registerWebAssets(app: FastifyInstance, webRoot: string): Promise<AppShellFallback> {
  await app.register(fastifyStatic, {
    root: webRoot,
    prefix: '/',
    // One route per built file, so unknown paths fall through to the not-found handler.
    wildcard: false,
    index: false,
    cacheControl: false,
    schemaHide: true,
    setHeaders(reply, path) {
      const relative = path.startsWith(webRoot) ? path.slice(webRoot.length) : path;
      reply.header('cache-control', HASHED_ASSET.test(relative.replace(/\\/g, '/')) ? IMMUTABLE_CACHE : 'no-store');
      if (relative.endsWith('.html')) reply.header('x-robots-tag', NO_INDEX);
    },
  });
  const indexPath = join(webRoot, 'index.html');
  return (request, reply) => {
    const asset = builtAfterStart(webRoot, request.method, request.url);
    if (asset) return reply.header('cache-control', IMMUTABLE_CACHE).sendFile(asset);
    if (!isAppPage(request.method, request.url)) return false;
    return sendAppShell(indexPath, reply);
  };
}

/**
 * A hashed asset written after the server started (the app was rebuilt while it ran): the routes
 * above only know the files present at start. Returns its path under the web root, or undefined.
 */
function builtAfterStart(webRoot: string, method: string, url: string): string | undefined {
  if (method !== 'GET' && method !== 'HEAD') return undefined;
  const path = decodeURIComponent(url.split('?')[0] ?? '');
  if (!HASHED_ASSET.test(path) || path.includes('..') || path.includes('\\')) return undefined;
  const relative = path.replace(/^\/+/, '');
  const file = resolve(webRoot, relative);
  return file.startsWith(resolve(webRoot) + sep) && existsSync(file) ? relative : undefined;
}

async function sendAppShell(indexPath: string, reply: FastifyReply): Promise<FastifyReply> {
  let html: string;
  try {
    // Read on each request: small, and a rebuilt app is served without a restart.
    html = await readFile(indexPath, 'utf8');
  } catch (cause) {
    throw new LanternError('NOT_FOUND', 'The web app is not built here; run `npm run build`.', undefined, { cause });
  }
  return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('x-robots-tag', NO_INDEX).send(html);
}
