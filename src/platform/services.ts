/**
 * @module The platform's services, made once at start and passed to every capability plugin:
 * configuration, the data layer, encryption and the logger. No module-level singletons.
 */
import pino, { type Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type DataLayer } from './db/index.ts';
import { createCipher, type Cipher } from './crypto/cipher.ts';
import { loadKeyRing, reloadKeyFile, type KeyRing } from './crypto/keys.ts';
import { OrgScope, type Actor } from './db/scope.ts';

export interface Platform {
  config: Config;
  data: DataLayer;
  cipher: Cipher;
  keys: { ring(): KeyRing; reload(): void };
  log: Logger;
  /** An organization-scoped data access for a caller (see db/scope.ts). */
  scope(organizationId: string, actor: Actor, requestId?: string | null): OrgScope;
  close(): Promise<void>;
}

/** Paths pino blanks out wherever they appear: secrets and anything that could be patient data. */
export const redactedLogPaths = [
  'req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]',
  '*.password', '*.newPassword', '*.token', '*.secret', '*.code', '*.totp', '*.answers', '*.answer', '*.note', '*.notes',
  '*.name', '*.birthDate', '*.patient', '*.item', '*.text', '*.valueString', '*.email',
];

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
}

// A query string can carry what someone typed into a search box, so request lines keep the path only.
const requestWithoutQuery = (req: LoggedRequest) => ({
  method: req.method,
  url: req.url.split('?', 1)[0],
  host: req.host,
  remoteAddress: req.ip,
});

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  return pino({
    level: config.logLevel,
    redact: { paths: redactedLogPaths, censor: '[redacted]' },
    serializers: { req: requestWithoutQuery },
  }, destination);
}

export interface PlatformOptions {
  logger?: Logger;
  poolSize?: number;
  /** The process's own SQLite page cache in MB (the server's small one, a bulk import's large one); LANTERN_SQLITE_CACHE_MB still decides. */
  defaultSqliteCacheMb?: number;
}

export function createPlatform(config: Config, options: PlatformOptions = {}): Platform {
  const log = options.logger ?? createLogger(config);
  const loaded = loadKeyRing({ keysFromEnv: config.keysFromEnv, dataDir: config.dataDir });
  if (loaded.generated) {
    log.warn({ keyFile: loaded.ring.file }, 'generated a new data-encryption key: back up this file, without it encrypted data cannot be read');
  }
  let ring = loaded.ring;
  const cipher = createCipher(() => ring);
  const sqliteCacheMb = config.sqliteCacheMb ?? options.defaultSqliteCacheMb;
  const data = openDatabase(config.database, {
    ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
    sqliteSync: config.sqliteSync,
    ...(sqliteCacheMb === undefined ? {} : { sqliteCacheMb }),
    onIdleClientError: (error) => log.warn({ err: error }, 'an idle database connection was closed by the server'),
  });
  return {
    config,
    data,
    cipher,
    keys: { ring: () => ring, reload: () => { ring = reloadKeyFile(ring); } },
    log,
    scope: (organizationId, actor, requestId = null) => new OrgScope(data.db, data.dialect, organizationId, actor, requestId, cipher),
    close: () => data.close(),
  };
}
