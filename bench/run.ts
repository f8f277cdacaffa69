/**
 * `npm run bench [-- <name>…] [--rate 1000] [--duration 10] [--repeats 5] [--connections 10] [--warmup 3]
 *  [--db sqlite|postgres] [--log-level warn] [--json]`:
 * runs every `bench/<name>.bench.ts` (or the ones named), prints each run and a summary table of
 * medians with the ratio to the bare Fastify baseline, and exits non-zero when a goal is missed.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { defaultOptions, fmt, median, runBenchmark, type BenchOptions, type BenchResult, type Benchmark } from './harness.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const SUFFIX = '.bench.ts';

/** The benchmarks in bench/, by name. */
export function listBenchmarks(): string[] {
  return readdirSync(benchDir).filter((f) => f.endsWith(SUFFIX)).map((f) => f.slice(0, -SUFFIX.length)).sort();
}

function parseArgs(argv: string[]): { names: string[]; options: BenchOptions; json: boolean } {
  const options = { ...defaultOptions };
  const names: string[] = [];
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') { json = true; continue; }
    if (arg === '--db') {
      const kind = argv[(i += 1)];
      if (kind !== 'sqlite' && kind !== 'postgres') throw new Error('--db takes sqlite or postgres');
      process.env.LANTERN_TEST_DB = kind; // read by createTestDatabase
      continue;
    }
    if (arg === '--log-level') { options.logLevel = argv[(i += 1)] ?? 'warn'; continue; }
    const flag = /^--(rate|duration|repeats|connections|warmup)$/.exec(arg);
    if (flag) {
      const value = Number(argv[(i += 1)]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${arg} needs a positive number`);
      options[flag[1] as 'rate' | 'duration' | 'repeats' | 'connections' | 'warmup'] = value;
      continue;
    }
    if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    names.push(arg);
  }
  return { names, options, json };
}

function table(results: BenchResult[]): string {
  const rows = results.map((r) => `| ${r.name} | ${Math.round(median(r.lantern.runs.map((run) => run.rate)))} | ${fmt(r.lantern.p50)} | ${fmt(r.lantern.p99)} | ${fmt(r.baseline.p50)} | ${fmt(r.baseline.p99)} | ${r.p99Ratio.toFixed(2)}× | ≤ ${r.p99RatioGoal}× ${r.met ? 'met' : 'MISSED'} |`);
  return ['| benchmark | Lantern req/s | Lantern p50 | Lantern p99 | baseline p50 | baseline p99 | p99 ratio | goal |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}

const USAGE = `usage: npm run bench -- [name…] [--rate N] [--duration S] [--repeats N] [--connections N] [--warmup S]
                        [--db sqlite|postgres] [--log-level LEVEL] [--json]
benchmarks: ${listBenchmarks().join(', ')}
`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const { names, options, json } = parseArgs(process.argv.slice(2));
  const available = listBenchmarks();
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    process.stderr.write(`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ')}\n`);
    return 2;
  }
  const say = (line: string): void => { process.stderr.write(`${line}\n`); };
  say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; database ${process.env.LANTERN_TEST_DB === 'postgres' ? 'PostgreSQL' : 'SQLite'}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const results: BenchResult[] = [];
  for (const name of names.length > 0 ? names : available) {
    const module = await import(pathToFileURL(join(benchDir, `${name}${SUFFIX}`)).href) as { default: Benchmark };
    results.push(await runBenchmark(name, module.default, options, say));
  }
  say(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  process.stdout.write(json ? `${JSON.stringify(results, null, 2)}\n` : `\n${table(results)}\n`);
  return results.every((r) => r.met) ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
