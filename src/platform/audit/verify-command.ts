/**
 * @module `lantern audit verify`: walks every organization's hash chain and reports either the
 * number of events that hold, or the first event that was changed or is missing.
 */
import type { Command } from 'commander';
import type { Db } from '../db/index.ts';
import { verifyAuditChain } from './index.ts';
import { withCommandPlatform } from '../ops/command-platform.ts';

export interface VerifyOutcome {
  ok: boolean;
  message: string;
}

const reasons = {
  tampered: 'the event was changed after it was written',
  missing: 'the event is missing (deleted, or the chain has a gap)',
  'broken-link': 'the event does not follow the one before it (an event was removed or inserted)',
} as const;

/** Verifies the chains and words the result for a person. */
export async function verifyAuditLog(db: Db, organizationId?: string): Promise<VerifyOutcome> {
  const { events, breaks } = await verifyAuditChain(db, organizationId);
  if (breaks.length === 0) return { ok: true, message: `OK: ${events} audit event(s) verified, every chain intact.` };
  const lines = breaks.map((b) => `organization ${b.organizationId}, seq ${b.seq}: ${b.reason} (${reasons[b.reason]})`);
  return { ok: false, message: `FAILED: the audit log does not verify.\n${lines.join('\n')}` };
}

/** Registers `lantern audit …`. */
export function registerAuditCommands(program: Command): void {
  const audit = program.command('audit').description('Work with the audit log.');
  audit.command('verify')
    .description('Check every organization\'s audit hash chain; name the first changed or missing event (exits 1 if any).')
    .option('--org <id>', 'check one organization only')
    .action(async (opts: { org?: string }) => {
      const outcome = await withCommandPlatform((platform) => verifyAuditLog(platform.data.db, opts.org));
      (outcome.ok ? process.stdout : process.stderr).write(`${outcome.message}\n`);
      if (!outcome.ok) process.exitCode = 1;
    });
}
