#!/usr/bin/env node
// Compiles the server's TypeScript into build/, so that `lantern` runs plain JavaScript: without
// tsx compiling every module in-process the server starts sooner and holds about 70 MB less
// (docs/decisions/0008-compiled-server.md). `--if-needed` skips it while build/ is newer than every source.
import { buildServer } from './server-build.mjs';

try {
  buildServer({ ifNeeded: process.argv.includes('--if-needed') });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
