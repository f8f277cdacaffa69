// The compiled server: where it lives, what it is compiled from, and the one way to build it
// (`npm run build`, `npm test`, the benchmarks and the test that runs it all come here).
import { rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { isFresh } from './freshness.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
/** Written when a build completes; the build is used only while it is newer than every source. */
export const serverBuildStamp = `${root}build/.built`;
export const serverSources = [`${root}src`, `${root}tsconfig.build.json`, `${root}tsconfig.json`];
export const compiledEntry = `${root}build/cli/main.js`;

/**
 * Compiles `src/` into build/ with tsconfig.build.json (`ifNeeded`: only when a source is newer
 * than the build). Type errors are `npm run typecheck`'s job, not this one's. Throws on failure.
 */
export function buildServer({ ifNeeded = false } = {}) {
  if (ifNeeded && isFresh(serverBuildStamp, serverSources)) return;
  rmSync(`${root}build`, { recursive: true, force: true });
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`compiling the server failed (tsc exited with ${result.status})`);
  // Written last: an interrupted build leaves no stamp, and bin/lantern.mjs runs the sources instead.
  writeFileSync(serverBuildStamp, `${new Date().toISOString()}\n`);
}
