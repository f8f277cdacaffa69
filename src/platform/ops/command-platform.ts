/**
 * @module The platform as operations commands (audit, keys, backup) open it: configuration from
 * the environment, logs kept quiet because the command prints its own result, closed afterwards.
 */
import { loadConfig } from '../config.ts';
import { createPlatform, type Platform } from '../services.ts';
import { migrateToLatest } from '../db/migrate.ts';

/** Opens the platform (migrated unless `migrate: false`), runs `work`, and always closes it. */
export async function withCommandPlatform<T>(work: (platform: Platform) => Promise<T>, options: { migrate?: boolean; defaultSqliteCacheMb?: number } = {}): Promise<T> {
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  // A command may bring its own default cache (a bulk import wants a large one).
  const platform = createPlatform(config, options.defaultSqliteCacheMb === undefined ? {} : { defaultSqliteCacheMb: options.defaultSqliteCacheMb });
  try {
    if (options.migrate !== false) await migrateToLatest(platform.data.db);
    return await work(platform);
  } finally {
    await platform.close();
  }
}
