#!/usr/bin/env node
// Runs the compiled build (build/, `npm run build`) when it is newer than every source file, and
// otherwise the TypeScript sources through tsx, so an edited checkout never runs stale code.
import { pathToFileURL } from 'node:url';
import { isFresh } from '../scripts/freshness.mjs';
import { compiledEntry, serverBuildStamp, serverSources } from '../scripts/server-build.mjs';

if (isFresh(serverBuildStamp, serverSources)) {
  await import(pathToFileURL(compiledEntry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
