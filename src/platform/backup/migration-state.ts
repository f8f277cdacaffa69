/**
 * @module The schema's migration state, as a backup records it and a restore reproduces it: the
 * names of the applied migrations, read through migrate.ts's migrator.
 */
import type { Db } from '../db/index.ts';
import { migrator } from '../db/migrate.ts';

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
