#!/usr/bin/env node
// `npm test`: provisions what the suite needs on a fresh machine (PostgreSQL, Debian's Chromium,
// xmllint, poppler-utils), builds the web app and the server, runs every test project (unit, SQLite, PostgreSQL,
// browser), and ends with the plain summary line CI reads: "N passed, N failed".
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import net from 'node:net';

const say = (line) => process.stdout.write(`[test] ${line}\n`);
const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts });
const has = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const isRoot = process.getuid?.() === 0;

let aptUpdated = false;
function aptInstall(...packages) {
  if (!isRoot) throw new Error(`missing ${packages.join(' ')}: install with apt-get (needs root)`);
  if (!aptUpdated) { run('apt-get', ['update', '-qq']); aptUpdated = true; }
  const result = run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.status !== 0) throw new Error(`apt-get install ${packages.join(' ')} failed`);
}

function portOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 1000 }, () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
    socket.on('timeout', () => { socket.destroy(); resolve(false); });
  });
}

async function ensurePostgres() {
  if (process.env.TEST_DATABASE_URL) { say(`PostgreSQL from TEST_DATABASE_URL`); return; }
  if (await portOpen('127.0.0.1', 5432)) { say('PostgreSQL on 127.0.0.1:5432'); return; }
  if (!existsSync('/etc/postgresql')) { say('installing PostgreSQL from Debian'); aptInstall('postgresql'); }
  const version = readdirSync('/etc/postgresql')[0];
  say(`starting PostgreSQL ${version}`);
  run('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
  for (let i = 0; i < 30 && !(await portOpen('127.0.0.1', 5432)); i += 1) await new Promise((r) => setTimeout(r, 500));
  if (!(await portOpen('127.0.0.1', 5432))) throw new Error('PostgreSQL did not start on 127.0.0.1:5432');
  // A fresh Debian cluster allows only peer login: let the suite connect as postgres over TCP.
  if (isRoot) {
    const hba = execFileSync('su', ['postgres', '-c', 'psql -Atc "show hba_file"']).toString().trim();
    const rules = readFileSync(hba, 'utf8');
    if (!/^host\s+all\s+all\s+127\.0\.0\.1\/32\s+trust/m.test(rules)) {
      execFileSync('sh', ['-c', `sed -i '1i host all all 127.0.0.1/32 trust' ${hba} && su postgres -c "psql -c 'select pg_reload_conf()'"`]);
    }
  }
}

function ensureChromium() {
  if (existsSync('/usr/bin/chromium')) return;
  say('installing Chromium from Debian');
  aptInstall('chromium');
}

function ensureXmllint() {
  if (has('xmllint')) return;
  say('installing xmllint from Debian');
  aptInstall('libxml2-utils');
}

function ensurePoppler() {
  if (has('pdftotext') && has('pdfinfo')) return;
  say('installing poppler-utils (pdftotext, pdfinfo) from Debian');
  aptInstall('poppler-utils');
}

await ensurePostgres();
ensureChromium();
ensureXmllint();
ensurePoppler();

say('building the web app');
if (run(process.execPath, ['scripts/build-web.mjs']).status !== 0) process.exit(1);
// Tests that start `lantern serve` as its own process then run the compiled build, as operators do.
say('building the server');
if (run(process.execPath, ['scripts/build-server.mjs']).status !== 0) process.exit(1);

const reportDir = mkdtempSync(join(tmpdir(), 'lantern-vitest-'));
const report = join(reportDir, 'report.json');
const args = ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)];
const result = run('npx', args);

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const summary = JSON.parse(readFileSync(report, 'utf8'));
  passed = summary.numPassedTests;
  failed = summary.numFailedTests + (summary.numRuntimeErrorTestSuites ?? 0);
  skipped = summary.numPendingTests + summary.numTodoTests;
} else {
  failed = 1;
}
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(result.status === 0 && failed === 0 && passed > 0 ? 0 : 1);
