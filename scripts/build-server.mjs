#!/usr/bin/env node
// Compiles the server's TypeScript into build/ (tsconfig.build.json), so that `lantern` runs plain
// JavaScript: without tsx compiling every module in-process the server starts sooner and holds
// about 70 MB less (docs/decisions/0008-compiled-server.md). `--if-needed` skips the build when build/
// is newer than every source. Type errors are the typecheck's job (`npm run typecheck`), not this one's.
import { rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { isFresh } from './freshness.mjs';
import { serverBuildStamp, serverSources } from './server-build.mjs';

if (process.argv.includes('--if-needed') && isFresh(serverBuildStamp, serverSources)) process.exit(0);
rmSync('build', { recursive: true, force: true });
const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
// Written last: an interrupted build leaves no stamp, and bin/lantern.mjs runs the sources instead.
writeFileSync(serverBuildStamp, `${new Date().toISOString()}\n`);
