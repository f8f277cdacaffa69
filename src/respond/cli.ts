/**
 * @module Respond's subcommands: `lantern protocol test <cases.yaml> [--protocol <file or id>] [--json]`.
 */
import type { Command } from 'commander';
import { runProtocolTestCommand } from './protocol-test-command.ts';

export function registerRespondCommands(program: Command): void {
  const protocol = program.command('protocol').description('Work with response protocols.');
  protocol.command('test')
    .description('Run protocol test cases through screening, protocol and coding; exits 1 if any expectation fails.')
    .argument('<cases>', 'a cases file (YAML or JSON)')
    .option('--protocol <file-or-id>', 'a protocol file, or the id of a shipped protocol (default: the suite\'s, else "default")')
    .option('--json', 'print a machine-readable report')
    .action(async (cases: string, opts: { protocol?: string; json?: boolean }) => {
      const result = await runProtocolTestCommand({ casesFile: cases, json: opts.json ?? false, ...(opts.protocol ? { protocol: opts.protocol } : {}) });
      process.stdout.write(`${result.output}\n`);
      process.exitCode = result.exitCode;
    });
}
