/**
 * @module Lantern as its own process (`node bin/lantern.mjs serve`), the way an operator runs it:
 * for the crash test and the benchmarks. The port is chosen by the system and read from the line
 * the server prints when it listens.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (for failure messages). */
  errors(): string;
  /** Resolves when the process has exited (after `kill`). */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `lantern serve` with the given environment and waits until it listens. */
export function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  return startListeningProcess(['bin/lantern.mjs', 'serve'], env, timeoutMs);
}

/** Runs a Node script (relative to the repository) that prints "listening on <url>", and waits for that line. */
export function startListeningProcess(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', LANTERN_JOBS: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill('SIGKILL'); reject(new Error(`${args.join(' ')} did not start in time:\n${stdout}\n${stderr}`)); }, timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        // From here on the output is only drained, so a long run (a benchmark) does not pile it up.
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({
          url: match[1]!, child, exited, errors: () => stderr,
          kill: (signal = 'SIGTERM') => { if (child.exitCode === null && child.signalCode === null) child.kill(signal); return exited; },
        });
      }
    });
    void exited.then((code) => { clearTimeout(timer); reject(new Error(`${args.join(' ')} exited with ${code}:\n${stdout}\n${stderr}`)); });
  });
}
