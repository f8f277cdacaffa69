/**
 * `node bin/run-ts.mjs bench/refer-search.ts [--services N] [--db sqlite|postgres] [--rounds 5] [--queries 200] [--seed 1] [--json]`
 *
 * Directory search at scale: the generated directory (1,000,000 services by default; a smaller
 * `--services` for a smoke run) imported once into a cached database (see refer-dataset.ts), then
 * `lantern serve` as its own process on it, compiled as operators run it. A fixed, seeded mix of
 * searches (free text, category, distance from a US postal code, open at an instant, and all of
 * these combined; refer-search-queries.ts) goes one request at a time over HTTP (`GET
 * /api/directory/search` with a clinician's API token: token, policy, validation, the search,
 * serialization), and beside each the raw SQL the search issues (`compileSearchQuery`, its steps run
 * by `runSearchSteps` with `db.executeQuery` in this process, on its own connection). Every round
 * runs each search over HTTP and raw, taking turns at going first, so both see the same machine
 * conditions; the first round is a warm-up. The server's RSS (VmRSS, and the peak VmHWM) is read
 * from /proc after the load. For free text the words' ranking alone (`compileRankingOnly`) is
 * timed too: the floor under any search that ranks them exactly. Goals (issue 6): HTTP p50 ≤ 2×
 * the raw p50; HTTP p95 < 25 ms on SQLite, < 40 ms on PostgreSQL; server RSS < 200 MB. Exits
 * non-zero when a goal is missed.
 */
import { readFileSync } from 'node:fs';
import type { CompiledQuery } from 'kysely';
import { percentile } from './harness.ts';
import { describeMachine, ensureImportedDatabase, formatLoad, parseReferArgs } from './refer-dataset.ts';
import { buildServer } from '../scripts/server-build.mjs';
import { startServerProcess } from '../test/support/server-process.ts';
import { compileRankingOnly, compileSearchQuery, runSearchSteps } from '../src/refer/search.ts';
import { toDirectorySearch } from '../src/refer/directory-routes.ts';
import { kinds, makeQueries, type Kind } from './refer-search-queries.ts';

function parseArgs(rest: string[]): { rounds: number; queries: number } {
  const out = { rounds: 5, queries: 200 };
  for (let i = 0; i < rest.length; i += 1) {
    const flag = /^--(rounds|queries)$/.exec(rest[i]!);
    const value = Number(rest[i + 1]);
    if (!flag || !Number.isSafeInteger(value) || value < 1) throw new Error(`unknown or invalid option ${rest[i]}`);
    out[flag[1] as 'rounds' | 'queries'] = value;
    i += 1;
  }
  return out;
}

interface Latencies { http: number[]; raw: number[] }

function summarize(l: Latencies): { httpP50: number; httpP95: number; rawP50: number; rawP95: number; ratio: number; samples: number } {
  const httpP50 = percentile(l.http, 50);
  const rawP50 = percentile(l.raw, 50);
  return { httpP50, httpP95: percentile(l.http, 95), rawP50, rawP95: percentile(l.raw, 95), ratio: httpP50 / rawP50, samples: l.http.length };
}

/** The server's resident memory now and at its peak, from /proc (Linux), in MB. */
function readRss(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: kb('VmRSS') / 1024, peakMb: kb('VmHWM') / 1024 };
}

async function main(): Promise<number> {
  const { options, rest } = parseReferArgs(process.argv.slice(2));
  const { rounds, queries: count } = parseArgs(rest);
  const say = (line: string): void => { process.stderr.write(`${line}\n`); };
  say(`machine: ${describeMachine()}; database ${options.db}; ${options.services} services`);
  const bench = await ensureImportedDatabase(options, say);
  // The server as operators run it: compiled (docs/decisions/0008-compiled-server.md), not under tsx.
  buildServer({ ifNeeded: true });
  const server = await startServerProcess({ DATABASE_URL: bench.url, LANTERN_DATA_DIR: bench.dataDir, LOG_LEVEL: 'warn' });
  try {
    const atStart = readRss(server.child.pid!);
    const headers = { authorization: `Bearer ${bench.organization.users.clinician.token}` };
    const plan: { kind: Kind; path: string; compiled: CompiledQuery[]; limit: number; ranking?: CompiledQuery }[] = [];
    for (const { kind, query } of makeQueries(count, options.seed)) {
      const search = toDirectorySearch(query);
      const limit = search.limit ?? 20;
      plan.push({
        kind, path: `/api/directory/search?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]))}`, compiled: (await compileSearchQuery(bench.scope, search)).steps, limit,
        ...(kind === 'text' ? { ranking: compileRankingOnly(bench.scope, search.text!, limit + 1) } : {}),
      });
    }
    const byKind = new Map<Kind, Latencies>(kinds.map((k) => [k, { http: [], raw: [] }]));
    const found: number[] = [];
    // Free text only: the words' ranking alone (no filter, join or tie-break), the floor under any exact search for them.
    const rankingAlone: number[] = [];
    say(`load average at start: ${formatLoad()}; ${plan.length} searches × ${rounds} rounds (+1 warm-up), one at a time`);
    for (let round = 0; round <= rounds; round += 1) {
      for (const [index, step] of plan.entries()) {
        const timeHttp = async (): Promise<{ http: number; body: string }> => {
          const started = performance.now();
          const response = await fetch(`${server.url}${step.path}`, { headers });
          const body = await response.text();
          if (!response.ok) throw new Error(`${step.path} answered ${response.status}: ${body}`);
          return { http: performance.now() - started, body };
        };
        const timeRaw = async () => {
          const started = performance.now();
          // The same steps the server runs, in the same order, each stopping where the server stops.
          const raw = await runSearchSteps(step.compiled.map((compiled) => async () => (await bench.platform.data.db.executeQuery(compiled)).rows), step.limit);
          return { raw, rawMs: performance.now() - started };
        };
        // Whichever runs second finds the pages the first one read in the operating system's
        // cache: taking turns keeps that from favouring one side.
        let measured: [{ http: number; body: string }, Awaited<ReturnType<typeof timeRaw>>];
        if ((round + index) % 2 === 0) measured = [await timeHttp(), await timeRaw()];
        else {
          const rawFirst = await timeRaw();
          measured = [await timeHttp(), rawFirst];
        }
        const [{ http, body }, { raw, rawMs }] = measured;
        if (round === 0) {
          // The HTTP answer must be the raw statement's page, or the comparison means nothing.
          const ids = (JSON.parse(body) as { results: { serviceId: string; serviceAtLocationId: string | null }[] }).results.map((r) => `${r.serviceId}/${r.serviceAtLocationId}`);
          const rawIds = (raw.rows as { service_id: string; service_at_location_id: string | null }[]).slice(0, step.limit).map((r) => `${r.service_id}/${r.service_at_location_id}`);
          if (ids.join() !== rawIds.join()) throw new Error(`${step.path}: the HTTP results differ from the raw statement's`);
          found.push(raw.rows.length);
          continue;
        }
        if (step.ranking) {
          const started = performance.now();
          await bench.platform.data.db.executeQuery(step.ranking);
          rankingAlone.push(performance.now() - started);
        }
        byKind.get(step.kind)!.http.push(http);
        byKind.get(step.kind)!.raw.push(rawMs);
      }
      if (round > 0) say(`  round ${round}: load average ${formatLoad()}`);
    }
    const memory = readRss(server.child.pid!);
    const all: Latencies = { http: [...byKind.values()].flatMap((l) => l.http), raw: [...byKind.values()].flatMap((l) => l.raw) };
    const overall = summarize(all);
    const p95Goal = options.db === 'sqlite' ? 25 : 40;
    const goals = {
      ratio: { goal: '≤ 2×', met: overall.ratio <= 2 },
      p95: { goal: `< ${p95Goal} ms`, met: overall.httpP95 < p95Goal },
      rss: { goal: '< 200 MB', met: memory.rssMb < 200 },
    };
    const result = {
      db: options.db, services: options.services, rounds, searches: plan.length, loadAfter: formatLoad(),
      emptyResults: found.filter((n) => n === 0).length,
      overall, byKind: Object.fromEntries([...byKind].map(([k, l]) => [k, summarize(l)])), server: { ...memory, atStartMb: atStart.rssMb }, goals,
      textRankingAlone: { p50: percentile(rankingAlone, 50), p95: percentile(rankingAlone, 95), samples: rankingAlone.length },
      imported: bench.imported,
    };
    if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      const ms = (n: number): string => `${n.toFixed(2)} ms`;
      const row = (name: string, s: ReturnType<typeof summarize>): string => `| ${name} | ${s.samples} | ${ms(s.httpP50)} | ${ms(s.httpP95)} | ${ms(s.rawP50)} | ${ms(s.rawP95)} | ${s.ratio.toFixed(2)}× |`;
      process.stdout.write([
        '', `${options.db}, ${options.services} services; load average after: ${result.loadAfter}; searches with no result: ${result.emptyResults} of ${plan.length}`,
        '| searches | samples | HTTP p50 | HTTP p95 | raw SQL p50 | raw SQL p95 | p50 ratio |', '|---|---|---|---|---|---|---|',
        ...kinds.map((k) => row(k, result.byKind[k]!)), row('all', overall), '',
        `HTTP p50 / raw p50 ${overall.ratio.toFixed(2)}× (goal ≤ 2×: ${goals.ratio.met ? 'met' : 'MISSED'}; HTTP adds ${ms(overall.httpP50 - overall.rawP50)} at p50); HTTP p95 ${ms(overall.httpP95)} (goal < ${p95Goal} ms: ${goals.p95.met ? 'met' : 'MISSED'})`,
        `free text, the words' ranking alone (${options.db === 'sqlite' ? 'bm25 over the FTS5 matches' : 'ts_rank over the GIN matches'}, best ${plan[0]?.limit ?? 20} + 1 kept): p50 ${ms(result.textRankingAlone.p50)}, p95 ${ms(result.textRankingAlone.p95)}, ${result.textRankingAlone.samples} samples — no exact ranking of these words is faster`,
        `server RSS after the load ${memory.rssMb.toFixed(0)} MB, peak ${memory.peakMb.toFixed(0)} MB, ${atStart.rssMb.toFixed(0)} MB when it started listening (goal < 200 MB: ${goals.rss.met ? 'met' : 'MISSED'})`, '',
      ].join('\n'));
    }
    return Object.values(goals).every((g) => g.met) ? 0 : 1;
  } finally {
    await server.kill('SIGTERM');
    await bench.platform.close();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  return 1;
});
