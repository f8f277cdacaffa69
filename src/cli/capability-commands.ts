/**
 * @module Subcommands owned by the platform's operations and by capabilities (audit, keys,
 * backup, protocol, directory, course), registered in one place.
 */
import type { Command } from 'commander';

export function registerCapabilityCommands(_program: Command): void {
  // Filled in as each capability's commands land.
}
