/**
 * @module Refer's subcommands: `lantern directory import <path> [--org] [--json]`,
 * `lantern directory export --format json|csv <out> [--org]` and
 * `lantern directory generate --services N <out> [--seed S]`.
 */
import type { Command } from 'commander';
import { withCommandPlatform } from '../platform/ops/command-platform.ts';
import { resolveCommandScope, runDirectoryExport, runDirectoryImport } from './directory-commands.ts';
import { runGenerateCommand } from './generate.ts';

/**
 * SQLite page cache for `directory import` (its own process, not the server's): an import is one
 * transaction, and with the 16 MB default its index pages spill to the WAL and are read back
 * over and over. It fills only as far as the import needs.
 */
export const bulkImportCacheMb = 1024;

export function registerReferCommands(program: Command): void {
  const directory = program.command('directory').description('Work with the resource directory (HSDS 3.0).');
  directory.command('import')
    .description('Import HSDS JSON, NDJSON, or a tabular datapackage (folder or zip); all or nothing.')
    .argument('<path>', 'file, folder or zip')
    .option('--org <id>', 'organization (default: the only one)')
    .option('--json', 'print a machine-readable summary')
    .action((path: string, opts: { org?: string; json?: boolean }) => runCommand(async () => {
      const result = await withCommandPlatform(async (platform) => {
        const scope = await resolveCommandScope(platform, opts.org);
        return runDirectoryImport(scope, path, { json: opts.json ?? false, onProgress: createProgressBar() });
      }, { defaultSqliteCacheMb: bulkImportCacheMb });
      clearProgressBar();
      (result.exitCode === 0 ? process.stdout : process.stderr).write(`${result.output}\n`);
      process.exitCode = result.exitCode;
    }));
  directory.command('export')
    .description('Export the directory as HSDS 3.0, confidential addresses withheld.')
    .argument('<out>', 'file (json, or csv as .zip) or folder (csv)')
    .requiredOption('--format <format>', 'json or csv')
    .option('--org <id>', 'organization (default: the only one)')
    .action((out: string, opts: { format: string; org?: string }) => runCommand(async () => {
      const message = await withCommandPlatform(async (platform) => runDirectoryExport(await resolveCommandScope(platform, opts.org), out, opts.format));
      process.stdout.write(`${message}\n`);
    }));
  directory.command('generate')
    .description('Write a reproducible synthetic HSDS directory (.ndjson, .json, .zip, or a folder).')
    .argument('<out>', 'where to write')
    .requiredOption('--services <n>', 'number of services')
    .option('--seed <seed>', 'seed (the same seed gives the same directory)')
    .action((out: string, opts: { services: string; seed?: string }) => runCommand(async () => {
      const summary = await runGenerateCommand({ services: Number(opts.services), out, seed: opts.seed, onProgress: createProgressBar() });
      clearProgressBar();
      process.stdout.write(`Wrote ${summary.services} service(s) to ${summary.out} (${summary.format}).\n`);
    }));
}

async function runCommand(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    clearProgressBar();
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}

// A one-line bar on stderr when it is a terminal; nothing otherwise (pipes and --json stay clean).
function createProgressBar(): ((progress: { done: number; total: number; phase?: string }) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return ({ done, total, phase }) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const ratio = total > 0 ? Math.min(done / total, 1) : 1;
    const width = 30;
    const filled = Math.round(ratio * width);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${phase ?? ''} ${done}/${total}   `);
  };
}

function clearProgressBar(): void {
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[2K');
}
