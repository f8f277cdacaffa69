// Where the compiled server lives and what it is compiled from (scripts/build-server.mjs).
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Written when a build completes; the build is used only while it is newer than every source. */
export const serverBuildStamp = `${root}build/.built`;
export const serverSources = [`${root}src`, `${root}tsconfig.build.json`, `${root}tsconfig.json`];
export const compiledEntry = `${root}build/cli/main.js`;
