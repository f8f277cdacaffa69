/**
 * @module The schema's migration state, as a backup records it and a restore reproduces it: the
 * names of the applied migrations, read through Kysely's Migrator over the same folder migrate.ts uses.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from '../db/index.ts';

const migrationsDir = fileURLToPath(new URL('../db/migrations', import.meta.url));

const provider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(migrationsDir).filter((f) => /^\d{4}-.+\.ts$/.test(f)).sort()) {
      migrations[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
    }
    return migrations;
  },
};

const migrator = (db: Db): Migrator => new Migrator({ db, provider, allowUnorderedMigrations: true });

export interface MigrationState {
  /** Every migration this version of Lantern ships, in order. */
  known: string[];
  /** Those applied to the database. */
  applied: string[];
}

/** Reads which migrations exist and which the database has applied. */
export async function readMigrationState(db: Db): Promise<MigrationState> {
  const all = await migrator(db).getMigrations();
  return { known: all.map((m) => m.name), applied: all.filter((m) => m.executedAt !== undefined).map((m) => m.name) };
}

/** Applies migrations up to and including `name`, in order. */
export async function migrateUpTo(db: Db, name: string): Promise<void> {
  const { error } = await migrator(db).migrateTo(name);
  if (error) throw new Error(`migrating to ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}
