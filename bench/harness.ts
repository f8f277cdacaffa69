/**
 * @module The benchmark harness: starts Lantern as its own process (`lantern serve`) on a fresh
 * database, and a bare Fastify endpoint as a second process for the baseline; drives each with
 * autocannon on 127.0.0.1 at a fixed rate, alternating, several times; and reports the medians of
 * p50 and p99 and the ratio of Lantern's p99 to the baseline's. A benchmark is one file in bench/
 * named `<name>.bench.ts` whose default export is a `Benchmark` function.
 */
import autocannon from 'autocannon';
import { createLogger, createPlatform } from '../src/platform/services.ts';
import { loadConfig } from '../src/platform/config.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import type { Db } from '../src/platform/db/index.ts';
import type { Role } from '../src/platform/policy.ts';
import { givenOrganization, TEST_PASSWORD, tokenFor, type TestOrganization } from '../test/support/actors.ts';
import { createTestDatabase } from '../test/support/platform.ts';
import { startListeningProcess, startServerProcess, type ServerProcess } from '../test/support/server-process.ts';

/** What a benchmark gets: the running server, its database, and an organization with a user per role. */
export interface BenchContext {
  url: string;
  db: Db;
  organization: TestOrganization;
  /** A fresh API token for the organization's user with this role. */
  token(role: Role): Promise<string>;
  /** About how many requests one benchmark sends Lantern (warm-up and measured runs, with a margin). */
  requestBudget: number;
}

/** One request autocannon repeats. */
export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** Headers made fresh for each request (e.g. a single-use JWT), added to `headers`. */
  headersFor?: () => Record<string, string>;
}

/** What a benchmark measures and the goal it is held to. */
export interface BenchPlan {
  title: string;
  request: BenchRequest;
  /** Lantern's p99 may be at most this many times the baseline's (default 2). */
  p99RatioGoal?: number;
  /** Stops what the benchmark started for itself (e.g. a peer server), after the runs. */
  stop?: () => Promise<void>;
}

/** A benchmark: prepares its data through the context and names the request to drive. */
export type Benchmark = (context: BenchContext) => Promise<BenchPlan>;

export interface BenchOptions {
  /** Requests per second across all connections. */
  rate: number;
  /** Seconds per measured run. */
  duration: number;
  /** Measured runs per target; medians are taken over them. */
  repeats: number;
  connections: number;
  /** Seconds of unmeasured load before the first run, so JIT and pools are warm. */
  warmup: number;
  /** Lantern's LOG_LEVEL (`warn` by default: request lines would be measured too at `info`). */
  logLevel: string;
}

export const defaultOptions: BenchOptions = { rate: 1000, duration: 10, repeats: 5, connections: 10, warmup: 3, logLevel: 'warn' };

/** Latencies of one run, in milliseconds. */
export interface RunStats {
  p50: number;
  p99: number;
  requests: number;
  /** Answers that were not 2xx, and socket errors or timeouts. */
  failures: number;
  /** The rate achieved, requests per second. */
  rate: number;
}

export interface BenchResult {
  name: string;
  title: string;
  lantern: { p50: number; p99: number; runs: RunStats[] };
  baseline: { p50: number; p99: number; runs: RunStats[] };
  /** Median p99 of Lantern over the baseline's. */
  p99Ratio: number;
  p99RatioGoal: number;
  met: boolean;
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value at a percentile (0–100) of a list, nearest-rank. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

/**
 * One run of autocannon at a fixed rate. Percentiles come from each answer's own timing
 * (sub-millisecond); autocannon's histogram rounds to whole milliseconds, too coarse on loopback.
 */
export async function drive(url: string, request: BenchRequest, options: Pick<BenchOptions, 'rate' | 'connections'>, seconds: number): Promise<RunStats> {
  const times: number[] = [];
  let failures = 0;
  const fresh = request.headersFor;
  const instance = autocannon({
    url: `${url}${request.path}`, method: request.method, headers: request.headers ?? {}, ...(request.body ? { body: request.body } : {}),
    connections: options.connections, overallRate: options.rate, duration: seconds, ignoreCoordinatedOmission: true,
    ...(fresh ? { requests: [{ setupRequest: (data) => ({ ...data, headers: { ...data.headers, ...fresh() } }) }] } : {}),
  });
  instance.on('response', (_client, status, _bytes, responseTime) => {
    if (status >= 200 && status < 300) times.push(responseTime); else failures += 1;
  });
  const result = await instance;
  return {
    p50: percentile(times, 50), p99: percentile(times, 99), requests: times.length + failures,
    failures: failures + result.errors + result.timeouts, rate: (times.length + failures) / seconds,
  };
}

/**
 * Starts Lantern on a fresh database, seeded with an organization: SQLite in a temporary folder, or a new
 * PostgreSQL database (as the tests make them) when LANTERN_TEST_DB is `postgres` (`--db postgres`).
 */
async function startLantern(logLevel: string): Promise<{ server: ServerProcess; context: Omit<BenchContext, 'requestBudget'>; stop(): Promise<void> }> {
  const database = await createTestDatabase();
  const env = { DATABASE_URL: database.url, LANTERN_DATA_DIR: database.dataDir, LOG_LEVEL: logLevel };
  const platform = createPlatform(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { logger: createLogger({ logLevel: 'silent' }) });
  await migrateToLatest(platform.data.db);
  const organization = await givenOrganization(platform.data.db, 'Bench', { password: TEST_PASSWORD });
  const server = await startServerProcess(env);
  const context: Omit<BenchContext, 'requestBudget'> = { url: server.url, db: platform.data.db, organization, token: (role) => tokenFor(platform.data.db, organization, role) };
  return {
    server, context,
    stop: async () => {
      await server.kill('SIGTERM');
      await platform.close();
      await database.drop();
    },
  };
}

/** Runs one benchmark: both servers up, warm-up, then alternating measured runs. */
export async function runBenchmark(name: string, benchmark: Benchmark, options: BenchOptions, say: (line: string) => void): Promise<BenchResult> {
  const lantern = await startLantern(options.logLevel);
  const baseline = await startListeningProcess(['bench/baseline-server.mjs'], {});
  let stopPlan: (() => Promise<void>) | undefined;
  try {
    const requestBudget = Math.ceil(options.rate * (options.warmup + options.repeats * options.duration) * 1.2) + 100;
    const plan = await benchmark({ ...lantern.context, requestBudget });
    stopPlan = plan.stop;
    const bare: BenchRequest = { method: 'GET', path: '/baseline' };
    const probe = await fetch(`${lantern.server.url}${plan.request.path}`, {
      method: plan.request.method, headers: { ...plan.request.headers, ...plan.request.headersFor?.() }, ...(plan.request.body ? { body: plan.request.body } : {}),
    });
    if (!probe.ok) throw new Error(`${name}: ${plan.request.method} ${plan.request.path} answered ${probe.status} ${await probe.text()}`);
    say(`${name}: ${plan.title} — ${options.rate} req/s, ${options.repeats} × ${options.duration} s each, ${options.connections} connections`);
    await drive(baseline.url, bare, options, options.warmup);
    await drive(lantern.server.url, plan.request, options, options.warmup);
    const ours: RunStats[] = [];
    const theirs: RunStats[] = [];
    for (let i = 0; i < options.repeats; i += 1) {
      theirs.push(await drive(baseline.url, bare, options, options.duration));
      ours.push(await drive(lantern.server.url, plan.request, options, options.duration));
      say(`  run ${i + 1}: lantern p50 ${fmt(ours[i]!.p50)} p99 ${fmt(ours[i]!.p99)} (${ours[i]!.failures} failed) · baseline p50 ${fmt(theirs[i]!.p50)} p99 ${fmt(theirs[i]!.p99)}`);
    }
    const failed = ours.reduce((n, r) => n + r.failures, 0);
    if (failed > 0) throw new Error(`${name}: ${failed} requests to Lantern failed; the latencies would not mean anything`);
    const result: BenchResult = {
      name, title: plan.title,
      lantern: { p50: median(ours.map((r) => r.p50)), p99: median(ours.map((r) => r.p99)), runs: ours },
      baseline: { p50: median(theirs.map((r) => r.p50)), p99: median(theirs.map((r) => r.p99)), runs: theirs },
      p99Ratio: 0, p99RatioGoal: plan.p99RatioGoal ?? 2, met: false,
    };
    result.p99Ratio = result.lantern.p99 / result.baseline.p99;
    result.met = result.p99Ratio <= result.p99RatioGoal;
    return result;
  } finally {
    await stopPlan?.();
    await baseline.kill('SIGTERM');
    await lantern.stop();
  }
}

/** Milliseconds with two decimals. */
export const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
