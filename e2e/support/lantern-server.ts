/**
 * @module Starts a real Lantern server for browser tests: `node bin/lantern.mjs serve --demo` as a
 * child process, on a free port of 127.0.0.1, with a fresh data folder (SQLite) that is removed
 * when it stops. The web app must be built first (scripts/test.mjs does; so does `npm run build`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export interface LanternProcess {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Everything the server printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const projectRoot = resolve(import.meta.dirname, '..', '..');

/** A TCP port nothing listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolvePort(port));
    });
  });
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`lantern serve exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`lantern serve did not answer ${url}/health within ${timeoutMs} ms:\n${output()}`);
}

/** Starts `lantern serve --demo` and resolves once it answers /health. */
export async function startLanternProcess(options: { timeoutMs?: number } = {}): Promise<LanternProcess> {
  if (!existsSync(join(projectRoot, 'dist', 'web', 'index.html'))) {
    throw new Error('dist/web is missing: build the web app first (npm run build)');
  }
  const port = await findFreePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'lantern-e2e-'));
  const child = spawn(process.execPath, ['bin/lantern.mjs', 'serve', '--demo'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LANTERN_DATA_DIR: dataDir, DATABASE_URL: '', LANTERN_KEYS: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { printed += chunk.toString(); });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, () => printed, options.timeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => printed, stop };
}
