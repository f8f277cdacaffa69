/**
 * @module Starts Lantern: migrate, optionally seed the demo, listen, and drain on shutdown.
 */
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import type { Config } from './platform/config.ts';
import { createPlatform, type Platform } from './platform/services.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import { buildApp, type LanternApp } from './platform/http/app.ts';
import { capabilities } from './capabilities.ts';
import { hasAnyOrganization, seedDemo } from './platform/demo-seed.ts';

export const webRoot = fileURLToPath(new URL('../dist/web', import.meta.url));

export interface RunningServer {
  app: LanternApp;
  platform: Platform;
  url: string;
  stop(): Promise<void>;
}

/** Builds the full app (every capability, web assets when built) on a platform. */
export function buildLantern(platform: Platform): Promise<LanternApp> {
  return buildApp(platform, { capabilities, ...(existsSync(webRoot) ? { webRoot } : {}) });
}

/**
 * The server's SQLite page cache unless LANTERN_SQLITE_CACHE_MB says otherwise: SQLite's own
 * default rather than better-sqlite3's 16 MB. The operating system's file cache already holds the
 * database's hot pages; at a million directory listings a 16 MB second copy in the process held
 * 10–15 MB more and made the search benchmark's mix no faster (docs/benchmarks.md, 2026-11-29).
 * Exported for the benchmarks, whose raw queries must read with the server's cache.
 */
export const serverSqliteCacheMb = 2;

export async function startServer(config: Config, options: { demo?: boolean } = {}): Promise<RunningServer> {
  const platform = createPlatform(config, { defaultSqliteCacheMb: serverSqliteCacheMb });
  await migrateToLatest(platform.data.db);
  if (options.demo && !(await hasAnyOrganization(platform.data.db))) {
    const { logins } = await seedDemo(platform.data.db);
    const lines = logins.map((l) => `  ${l.role.padEnd(14)} ${l.email.padEnd(32)} ${l.password}`);
    process.stdout.write(`\nLantern demo organization created. Sign in with any of these (admins set up a second factor on first sign-in):\n${lines.join('\n')}\n\n`);
  }
  const app = await buildLantern(platform);
  const address = await app.listen({ port: config.port, host: config.host });
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await app.close(); // stops accepting, lets requests in flight finish
      await platform.close();
    })();
    return stopping;
  };
  return { app, platform, url: address, stop };
}
