#!/usr/bin/env node
// Builds the web app into dist/web with Vite. `--if-needed` skips the build when dist/web is newer
// than every source file of the web app (so `npm start` stays quick after the first time).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { isFresh } from './freshness.mjs';

const sources = ['src', 'content/i18n', 'vite.config.ts', 'index.html'];

if (!existsSync('vite.config.ts')) process.exit(0); // no web app yet
if (process.argv.includes('--if-needed') && isFresh('dist/web/index.html', sources)) process.exit(0);
const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
process.exit(result.status ?? 1);
