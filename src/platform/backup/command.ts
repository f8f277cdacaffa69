/**
 * @module `lantern backup <file>` and `lantern restore <file>`.
 */
import type { Command } from 'commander';
import { withCommandPlatform } from '../ops/command-platform.ts';
import { backupDatabase } from './backup.ts';
import { restoreDatabase } from './restore.ts';

const total = (rows: Record<string, number>): number => Object.values(rows).reduce((a, b) => a + b, 0);

/** Registers `lantern backup` and `lantern restore`. */
export function registerBackupCommands(program: Command): void {
  program.command('backup')
    .argument('<file>', 'where to write the backup (gzip\'d JSON lines)')
    .description('Write every table and the schema\'s migration state to a portable file (restorable into SQLite or PostgreSQL).')
    .action(async (file: string) => {
      const summary = await withCommandPlatform((p) => backupDatabase(p.data.db, p.data.dialect, file), { migrate: false });
      process.stdout.write(`Backed up ${total(summary.rows)} rows from ${Object.keys(summary.rows).length} tables to ${file}.\n`
        + 'The encryption keys are not in the backup: keep a copy of LANTERN_KEYS or the data folder\'s keys.json apart from it.\n');
    });

  program.command('restore')
    .argument('<file>', 'a file written by "lantern backup"')
    .description('Load a backup into an empty database (DATABASE_URL), in one transaction.')
    .option('--force', 'replace the data the database already holds')
    .action(async (file: string, opts: { force?: boolean }) => {
      const summary = await withCommandPlatform((p) => restoreDatabase(p.data.db, p.data.dialect, file, { force: opts.force ?? false }), { migrate: false });
      process.stdout.write(`Restored ${total(summary.rows)} rows into ${Object.keys(summary.rows).length} tables.\n`);
    });
}
