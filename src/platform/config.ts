/**
 * @module Reads Lantern's configuration from the environment once, at start.
 * Everything else receives a `Config`; nothing reads `process.env` on its own.
 */
import { resolve, join } from 'node:path';

export type DatabaseUrl = { kind: 'sqlite'; path: string } | { kind: 'postgres'; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseUrl;
  /** `LANTERN_KEYS`: comma-separated `keyId:base64key`; the first encrypts, all decrypt. */
  keysFromEnv: string | undefined;
  logLevel: string;
  /** Public origin used in links (certificates, referrals, SMART redirects). */
  publicUrl: string;
  /** Secure cookies when served over HTTPS (behind a proxy that terminates TLS). */
  secureCookies: boolean;
  /** Runs scheduled jobs (purge, reminders) in this process. */
  runJobs: boolean;
  /** Trust X-Forwarded-* from the proxy in front (set when behind a load balancer). */
  trustProxy: boolean;
  /** SQLite durability: `normal` survives a process crash, `full` also a power cut (slower). */
  sqliteSync: 'normal' | 'full';
  /** SQLite page cache in MB for this process; undefined leaves it to the process (the server: 2, a directory import: 1024, else better-sqlite3's 16). */
  sqliteCacheMb: number | undefined;
}

export function parseDatabaseUrl(raw: string | undefined, dataDir: string): DatabaseUrl {
  if (!raw || raw === '') return { kind: 'sqlite', path: join(dataDir, 'lantern.sqlite') };
  if (raw.startsWith('postgres://') || raw.startsWith('postgresql://')) return { kind: 'postgres', url: raw };
  if (raw.startsWith('sqlite:')) {
    const path = raw.slice('sqlite:'.length).replace(/^\/\//, '');
    return { kind: 'sqlite', path: path === ':memory:' ? path : resolve(path) };
  }
  throw new Error(`DATABASE_URL must start with sqlite: or postgres:// (got "${raw.split(':')[0]}:")`);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.LANTERN_DATA_DIR ?? './data');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number (got "${env.PORT}")`);
  const host = env.HOST ?? '127.0.0.1';
  return {
    port,
    host,
    dataDir,
    database: parseDatabaseUrl(env.DATABASE_URL, dataDir),
    keysFromEnv: env.LANTERN_KEYS,
    logLevel: env.LOG_LEVEL ?? 'info',
    publicUrl: (env.LANTERN_PUBLIC_URL ?? `http://${host}:${port}`).replace(/\/$/, ''),
    secureCookies: env.LANTERN_SECURE_COOKIES === 'true',
    runJobs: env.LANTERN_JOBS !== 'off',
    trustProxy: env.LANTERN_TRUST_PROXY === 'true',
    sqliteSync: env.LANTERN_SQLITE_SYNC === 'full' ? 'full' : 'normal',
    sqliteCacheMb: parseCacheMb(env.LANTERN_SQLITE_CACHE_MB),
  };
}

function parseCacheMb(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 1 || mb > 65536) throw new Error(`LANTERN_SQLITE_CACHE_MB must be a whole number of MB from 1 to 65536 (got "${raw}")`);
  return mb;
}
