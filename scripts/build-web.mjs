#!/usr/bin/env node
// Builds the web app into dist/web with Vite. `--if-needed` skips the build when dist/web is newer
// than every source file of the web app (so `npm start` stays quick after the first time).
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const sources = ['src', 'content/i18n', 'vite.config.ts', 'index.html'];
function newest(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

if (!existsSync('vite.config.ts')) process.exit(0); // no web app yet
const built = existsSync('dist/web/index.html') ? statSync('dist/web/index.html').mtimeMs : 0;
if (process.argv.includes('--if-needed') && built > Math.max(...sources.map(newest))) process.exit(0);
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
