/**
 * @module The one migration set, for both databases. Migrations live in ./migrations, named
 * `NNNN-what.ts`; each capability numbers its own range (platform 0001–0099, recognize 0100–0199,
 * respond 0200–0299, refer 0300–0399, learn 0400–0499). Forward only.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './index.ts';

const migrationsDir = join(fileURLToPath(new URL('.', import.meta.url)), 'migrations');

// `.ts` when Lantern runs from its sources, `.js` in the compiled build (build/); a migration's
// name is the file name without it, so both record the same names.
const folderProvider: MigrationProvider = {
  async getMigrations() {
    const migrations: Record<string, Migration> = {};
    for (const file of readdirSync(migrationsDir).filter((f) => /^\d{4}-.+\.[jt]s$/.test(f)).sort()) {
      migrations[file.replace(/\.[jt]s$/, '')] = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
    }
    return migrations;
  },
};

/** Kysely's migrator over the one migration folder (backups read the same state through it). */
export function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: folderProvider, allowUnorderedMigrations: true });
}

/** Brings the schema up to date; throws with the failing migration's name. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const { error, results } = await migrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${cause}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of migrations not yet applied (empty when the schema is current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
