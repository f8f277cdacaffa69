/**
 * @module Subcommands owned by the platform's operations and by capabilities (audit, keys,
 * backup, protocol, directory, course), registered in one place.
 */
import type { Command } from 'commander';
import { registerAuditCommands } from '../platform/audit/verify-command.ts';
import { registerKeyCommands } from '../platform/crypto/keys-command.ts';
import { registerBackupCommands } from '../platform/backup/command.ts';
import { registerRespondCommands } from '../respond/cli.ts';
import { registerLearnCommands } from '../learn/cli.ts';
import { registerReferCommands } from '../refer/cli.ts';

export function registerCapabilityCommands(program: Command): void {
  registerAuditCommands(program);
  registerKeyCommands(program);
  registerBackupCommands(program);
  registerRespondCommands(program);
  registerLearnCommands(program);
  registerReferCommands(program);
}
