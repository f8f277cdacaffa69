/**
 * `node bin/run-ts.mjs bench/recognize-render.ts [--repeats 15] [--seconds 1] [--json]`:
 * Recognize's renderer against NLM LHC-Forms, in one run of headless Chromium on 127.0.0.1:
 * - navigation → interactive form (the first input on screen) for `lantern-adult-screen`, the two
 *   pages alternating, each load a fresh page with no HTTP cache (no-store); medians over runs;
 * - the JavaScript bytes each page loads (raw and gzip);
 * - scoring throughput (responses/s) of evaluateScreen, which validates and scores, per instrument.
 * Goals (issue 3): Lantern ≥ 5× faster to interactive, ≤ 1/10 of the bytes. Exits 1 when one is missed.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg, totalmem } from 'node:os';
import { median } from './harness.ts';
import { startRenderPages, type ShippedScripts } from './recognize-pages.ts';
import { launchChromium } from '../e2e/support/chromium.ts';
import { loadShippedInstruments } from '../src/recognize/instruments.ts';
import { answerFirstN } from '../src/recognize/answers.ts';
import { evaluateScreen } from '../src/recognize/scoring.ts';
import { listItems } from '../src/recognize/item-walk.ts';
import { isScoredItem } from '../src/recognize/option-weight.ts';

const INSTRUMENT = 'lantern-adult-screen';
const SPEED_GOAL = 5;
const BYTES_GOAL = 0.1;

function parseArgs(argv: string[]): { repeats: number; seconds: number; json: boolean } {
  const options = { repeats: 15, seconds: 1, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--repeats' || arg === '--seconds') {
      const value = Number(argv[(i += 1)]);
      if (!Number.isFinite(value) || value <= 0) throw new Error(`${arg} needs a positive number`);
      options[arg.slice(2) as 'repeats' | 'seconds'] = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

const gzipBytes = (scripts: ShippedScripts): number => scripts.files.reduce((sum, file) => sum + gzipSync(readFileSync(file)).length, 0);
const kib = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KiB`;

/** Responses per second evaluateScreen validates and scores, over a set of distinct responses. */
function measureScoring(questionnaire: fhir4.Questionnaire, seconds: number): number {
  // Every count of "yes" answers the instrument allows (items behind enableWhen may not count).
  const scored = listItems(questionnaire).filter((entry) => isScoredItem(entry.item)).length;
  const responses: fhir4.QuestionnaireResponse[] = [];
  for (let n = 0; n <= scored; n += 1) {
    try {
      responses.push(answerFirstN(questionnaire, n));
    } catch {
      break;
    }
  }
  const run = (ms: number): number => {
    let done = 0;
    const end = performance.now() + ms;
    while (performance.now() < end) {
      for (const response of responses) evaluateScreen(questionnaire, response);
      done += responses.length;
    }
    return done;
  };
  run(300); // warm-up: JIT and the compiled FHIRPath cache
  const started = performance.now();
  const done = run(seconds * 1000);
  return done / ((performance.now() - started) / 1000);
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const say = (line: string): void => { process.stderr.write(`${line}\n`); };
  say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const instruments = loadShippedInstruments();
  const pages = await startRenderPages(instruments);
  // Measured now: closing the pages removes the built renderer.
  const gzipped = { lantern: gzipBytes(pages.lantern), lforms: gzipBytes(pages.lforms) };
  const browser = await launchChromium();
  const times = { lantern: [] as number[], lforms: [] as number[] };
  try {
    const load = async (path: string): Promise<number> => {
      const page = await browser.context.newPage();
      try {
        await page.goto(`${pages.url}${path}`);
        await page.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined, null, { timeout: 60_000 });
        return await page.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt);
      } finally {
        await page.close();
      }
    };
    // One unmeasured load of each: Chromium's own start-up is not either renderer's cost.
    await load(pages.lanternPage(INSTRUMENT));
    await load(pages.lformsPage(INSTRUMENT));
    for (let i = 0; i < options.repeats; i += 1) {
      times.lforms.push(await load(pages.lformsPage(INSTRUMENT)));
      times.lantern.push(await load(pages.lanternPage(INSTRUMENT)));
      say(`  run ${i + 1}: Lantern ${times.lantern[i]!.toFixed(1)} ms · LHC-Forms ${times.lforms[i]!.toFixed(1)} ms`);
    }
  } finally {
    await browser.close();
    await pages.close();
  }
  const lanternMs = median(times.lantern);
  const lformsMs = median(times.lforms);
  const speedup = lformsMs / lanternMs;
  const bytesRatio = pages.lantern.bytes / pages.lforms.bytes;
  const scoring = [...instruments].map(([id, questionnaire]) => ({ id, perSecond: measureScoring(questionnaire, options.seconds) }));
  say(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);

  const result = {
    instrument: INSTRUMENT,
    interactiveMs: { lantern: lanternMs, lforms: lformsMs, runs: times },
    speedup, speedupGoal: SPEED_GOAL, speedMet: speedup >= SPEED_GOAL,
    javascriptBytes: {
      lantern: { raw: pages.lantern.bytes, gzip: gzipped.lantern },
      lforms: { raw: pages.lforms.bytes, gzip: gzipped.lforms },
    },
    bytesRatio, bytesGoal: BYTES_GOAL, bytesMet: bytesRatio <= BYTES_GOAL,
    scoring,
  };
  if (options.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    process.stdout.write([
      '',
      `| ${INSTRUMENT} | Lantern | LHC-Forms ${'40.1.3'} | ratio | goal |`,
      '|---|---|---|---|---|',
      `| navigation → interactive (median of ${options.repeats}) | ${lanternMs.toFixed(1)} ms | ${lformsMs.toFixed(1)} ms | ${speedup.toFixed(2)}× faster | ≥ ${SPEED_GOAL}× ${result.speedMet ? 'met' : 'MISSED'} |`,
      `| JavaScript shipped (raw) | ${kib(pages.lantern.bytes)} | ${kib(pages.lforms.bytes)} | ${bytesRatio.toFixed(3)} | ≤ ${BYTES_GOAL} ${result.bytesMet ? 'met' : 'MISSED'} |`,
      `| JavaScript shipped (gzip) | ${kib(result.javascriptBytes.lantern.gzip)} | ${kib(result.javascriptBytes.lforms.gzip)} | ${(result.javascriptBytes.lantern.gzip / result.javascriptBytes.lforms.gzip).toFixed(3)} | |`,
      '',
      '| instrument | scoring throughput (evaluateScreen: validate + score) |',
      '|---|---|',
      ...scoring.map((s) => `| ${s.id} | ${Math.round(s.perSecond).toLocaleString('en-US')} responses/s |`),
      '',
    ].join('\n'));
  }
  return result.speedMet && result.bytesMet ? 0 : 1;
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  return 1;
});
