/**
 * NLM LHC-Forms, the reference renderer Lantern's instruments are checked and benchmarked against.
 * Its npm package pulls in Angular peers that take npm minutes to resolve, so the suite takes only
 * its prebuilt browser bundle: `npm pack` from the registry once, unpacked into a cache folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const LFORMS_VERSION = '40.1.3';

/** Returns the folder holding LHC-Forms' `dist/lforms` bundle, fetching it on first use. */
export function ensureLforms(cacheRoot = resolve('node_modules/.cache/lantern')): string {
  const target = join(cacheRoot, `lforms-${LFORMS_VERSION}`);
  const dist = join(target, 'dist', 'lforms');
  if (existsSync(join(dist, 'fhir', 'R4', 'lformsFHIR.min.js'))) return dist;
  const work = join(cacheRoot, `lforms-${LFORMS_VERSION}.partial`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  execFileSync('npm', ['pack', `lforms@${LFORMS_VERSION}`, '--silent', '--pack-destination', work], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tarball = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack lforms produced no tarball');
  execFileSync('tar', ['xzf', join(work, tarball), '-C', work, 'package/dist/lforms/webcomponent', 'package/dist/lforms/fhir/R4']);
  rmSync(target, { recursive: true, force: true });
  renameSync(join(work, 'package'), target);
  rmSync(work, { recursive: true, force: true });
  return dist;
}
