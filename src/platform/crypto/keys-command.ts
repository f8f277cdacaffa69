/**
 * @module `lantern keys rotate`. With a key file it adds a new active key to the file and
 * re-encrypts every protected value. With `LANTERN_KEYS` the process cannot change its own
 * environment, so it prints the new key and the new `LANTERN_KEYS` value; once every process runs
 * with it, `lantern keys rotate --reencrypt-only` finishes the job.
 */
import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { Platform } from '../services.ts';
import { addKeyToFile, newKeyId, type KeyRing } from './keys.ts';
import { rotateProtectedFields, type FieldRotation } from './rotate.ts';
import { withCommandPlatform } from '../ops/command-platform.ts';

const KEY_FILE_PICKUP_MS = 3_000;

/** A new key for an environment-configured ring: the key, and the `LANTERN_KEYS` value with it first. */
export function newEnvironmentKey(ring: KeyRing): { id: string; key: string; lanternKeys: string } {
  const id = newKeyId();
  const key = randomBytes(32).toString('base64');
  const existing = [...ring.all.values()].map((k) => `${k.id}:${k.key.toString('base64')}`);
  return { id, key, lanternKeys: [`${id}:${key}`, ...existing].join(',') };
}

/** Adds a key to the platform's key file, makes it active in this process, and returns its id. */
export function addActiveKey(platform: Platform): string {
  const ring = platform.keys.ring();
  if (ring.source !== 'file' || !ring.file) throw new Error('keys come from LANTERN_KEYS: add the new key there');
  const added = addKeyToFile(ring.file);
  platform.keys.reload();
  return added.id;
}

function describe(results: FieldRotation[]): string {
  const lines = results.map((r) => `  ${r.table}.${r.column}: ${r.resealed} re-encrypted of ${r.scanned}${r.unsealed ? `, ${r.unsealed} NOT ENCRYPTED` : ''}`);
  return lines.length ? lines.join('\n') : '  (no protected fields are registered)';
}

/** Registers `lantern keys …`. */
export function registerKeyCommands(program: Command): void {
  const keys = program.command('keys').description('Manage data-encryption keys.');
  keys.command('rotate')
    .description('Add a new encryption key and re-encrypt every protected value under it (old keys still decrypt until it finishes).')
    .option('--reencrypt-only', 'do not add a key: re-encrypt values sealed under any key but the active one')
    .option('--batch-size <rows>', 'rows per transaction', '500')
    .action(async (opts: { reencryptOnly?: boolean; batchSize: string }) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch-size must be a positive whole number');
      await withCommandPlatform(async (platform) => {
        const ring = platform.keys.ring();
        if (!opts.reencryptOnly && ring.source === 'env') {
          const created = newEnvironmentKey(ring);
          process.stdout.write([
            `New key ${created.id} (keys come from LANTERN_KEYS, which this command cannot change).`,
            'Set LANTERN_KEYS to this value on every Lantern process and restart them:',
            '',
            created.lanternKeys,
            '',
            'Then run "lantern keys rotate --reencrypt-only" with that environment to re-encrypt existing values.',
            '',
          ].join('\n'));
          return;
        }
        if (!opts.reencryptOnly) {
          process.stdout.write(`Added key ${addActiveKey(platform)} to ${ring.file} and made it active.\n`);
          // A server on this machine re-reads the key file within two seconds (ops/index.ts); it
          // must know the new key before any value is re-encrypted under it.
          await new Promise((resolve) => setTimeout(resolve, KEY_FILE_PICKUP_MS));
        }
        const results = await rotateProtectedFields({ db: platform.data.db, cipher: platform.cipher, batchSize });
        process.stdout.write(`Re-encrypted under ${platform.cipher.activeKeyId()}:\n${describe(results)}\n`);
        if (results.some((r) => r.unsealed > 0)) process.exitCode = 1;
      });
    });
}
