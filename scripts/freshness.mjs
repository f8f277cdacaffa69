// Whether a build is newer than what it is built from, by modification time (the build scripts
// skip work with it, and bin/lantern.mjs never runs a compiled server older than its sources).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time under the given files and folders (0 when none exists). */
export function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestMtime(readdirSync(path).map((entry) => join(path, entry))) : stat.mtimeMs);
  }
  return newest;
}

/** True when `builtFile` exists and is newer than every one of `sources`. */
export function isFresh(builtFile, sources) {
  return existsSync(builtFile) && statSync(builtFile).mtimeMs > newestMtime(sources);
}
