/**
 * @module The SMART app's two pages, `/smart/launch` and `/smart/app`, served as the web app's
 * shell with one difference: the browser may connect to the launching EHR (its FHIR server and
 * token endpoint) and to nothing else. Every other page keeps `connect-src 'self'`. The launch
 * page remembers which EHR launched (a cookie scoped to /smart), so the redirect page allows the
 * same EHR only.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { Platform } from '../platform/services.ts';
import { LanternError } from '../platform/http/errors.ts';
import { SMART_LAUNCH_PATH, SMART_REDIRECT_PATH } from './smart-scopes.ts';
import { trimBase } from './smart-client-routes.ts';

const INDEX_HTML = fileURLToPath(new URL('../../dist/web/index.html', import.meta.url));
const ISS_COOKIE = 'lantern_smart_iss';

/** The page policy with connect-src widened to the given origins (the platform's policy otherwise). */
export function smartPagePolicy(origins: readonly string[]): string {
  return [
    "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self'",
    ["connect-src 'self'", ...new Set(origins)].join(' '), "frame-ancestors 'self'", "form-action 'self'", "base-uri 'self'", "object-src 'none'",
  ].join('; ');
}

const originOf = (url: string | null | undefined): string[] => {
  if (!url || !URL.canParse(url)) return [];
  return [new URL(url).origin];
};

export const smartPageRoutes: FastifyPluginAsync<{ platform: Platform }> = async (base, { platform }) => {
  const app = base;
  const policies = new WeakMap<object, string>();

  // Runs after the platform's own onSend hook (a child context's hooks come later), so it wins.
  app.addHook('onSend', async (request, reply) => {
    const policy = policies.get(request.raw);
    if (policy) reply.header('content-security-policy', policy);
  });

  async function allowedOrigins(iss: string | undefined): Promise<string[] | undefined> {
    if (!iss || !URL.canParse(iss)) return undefined;
    const row = await platform.data.db.selectFrom('ehr_smart_client').select(['issuer', 'token_endpoint']).where('issuer', '=', trimBase(iss)).executeTakeFirst();
    return row ? [...originOf(row.issuer), ...originOf(row.token_endpoint)] : undefined;
  }

  async function sendShell(reply: FastifyReply): Promise<FastifyReply> {
    let html: string;
    try {
      html = await readFile(INDEX_HTML, 'utf8');
    } catch (cause) {
      throw new LanternError('NOT_FOUND', 'The web app is not built here; run `npm run build`.', undefined, { cause });
    }
    return reply.code(200).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
  }

  app.get(SMART_LAUNCH_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const iss = (request.query as Record<string, unknown>).iss;
    const origins = await allowedOrigins(typeof iss === 'string' ? iss : undefined);
    if (origins) {
      policies.set(request.raw, smartPagePolicy(origins));
      void reply.setCookie(ISS_COOKIE, trimBase(iss as string), {
        path: '/smart', httpOnly: true, sameSite: 'lax', secure: platform.config.secureCookies, maxAge: 3600,
      });
    }
    return sendShell(reply);
  });

  app.get(SMART_REDIRECT_PATH, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const origins = await allowedOrigins(request.cookies[ISS_COOKIE]);
    if (origins) policies.set(request.raw, smartPagePolicy(origins));
    return sendShell(reply);
  });
};
