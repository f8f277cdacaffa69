#!/usr/bin/env node
// Runs the compiled build (build/, `npm run build`) when it is newer than every source file, and
// otherwise the TypeScript sources through tsx, so an edited checkout never runs stale code.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { isFresh } from '../scripts/freshness.mjs';
import { compiledEntry, serverBuildStamp, serverSources } from '../scripts/server-build.mjs';

if (isFresh(serverBuildStamp, serverSources)) {
  await import(pathToFileURL(compiledEntry).href);
} else {
  // Said only when a build exists: after an upgrade without `npm run build` the sources run
  // correctly, but with more memory and a slower start than the operator expects.
  if (existsSync(serverBuildStamp)) process.stderr.write('lantern: build/ is older than the sources; running the sources (`npm run build` compiles them again)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
