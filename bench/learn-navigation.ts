/**
 * `node bin/run-ts.mjs bench/learn-navigation.ts [--repeats 15] [--json]`:
 * the course player in headless Chromium on 127.0.0.1, against `lantern serve --demo` (the built
 * web app, `npm run build` first):
 * - page navigation → interactive player: a fresh page with no HTTP cache opens
 *   /learn/enrolments/{id}; interactive is when the resumed step's primary control is on screen
 *   and enabled (the app shell, the player's chunk, the enrolment and the course have all loaded);
 * - step navigation inside the player: choosing the next step in the step list until it has focus
 *   and its primary control is usable. Nothing is saved, so every run sees the same state (the
 *   progress-save latency is bench/learn-progress.bench.ts).
 * Medians and p95 over the runs. Goal: the lesson interactive within 1,000 ms at the median on
 * loopback. Exits 1 when it is missed.
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { median, percentile } from './harness.ts';
import { launchChromium } from '../e2e/support/chromium.ts';
import { startLanternProcess } from '../e2e/support/lantern-server.ts';

const GOAL_MS = 1000;

function parseArgs(argv: string[]): { repeats: number; json: boolean } {
  const options = { repeats: 15, json: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--json') options.json = true;
    else if (arg === '--repeats') {
      const value = Number(argv[(i += 1)]);
      if (!Number.isFinite(value) || value <= 0) throw new Error('--repeats needs a positive number');
      options.repeats = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  return options;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const say = (line: string): void => { process.stderr.write(`${line}\n`); };
  say(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
  const server = await startLanternProcess();
  const browser = await launchChromium();
  try {
    const page = browser.page;
    await page.goto(`${server.url}/`);
    // Sign in and enrol through the API from the page, so the browser holds the session cookie.
    const enrolmentId = await page.evaluate(async () => {
      const signedIn = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'learner@demo.example.org', password: 'lantern-demo-password' }) });
      const session = await signedIn.json() as { csrfToken: string };
      const enrolled = await fetch('/api/learn/enrolments', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken }, body: JSON.stringify({ courseId: 'lantern-essentials', language: 'en' }) });
      return ((await enrolled.json()) as { enrolment: { id: string } }).enrolment.id;
    });
    // Times are taken inside the page (a MutationObserver from before the app's first script), not
    // by polling from the test, whose retry back-off would add up to hundreds of milliseconds.
    // Plain strings: the TypeScript runner would wrap named functions in a helper the page lacks.
    await browser.context.addInitScript({ content: `new MutationObserver(() => {
      if (window.__interactiveAt === undefined && document.querySelector('#learn-step .button-primary:not([disabled])')) window.__interactiveAt = performance.now();
    }).observe(document, { subtree: true, childList: true, attributes: true });` });
    const toInteractive: number[] = [];
    const toNextStep: number[] = [];
    for (let i = 0; i < options.repeats + 1; i += 1) {
      const fresh = await browser.context.newPage();
      await fresh.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'cache-control': 'no-store' } }));
      await fresh.goto(`${server.url}/learn/enrolments/${enrolmentId}`, { waitUntil: 'commit' });
      await fresh.waitForFunction(() => (window as unknown as { __interactiveAt?: number }).__interactiveAt !== undefined).catch(async (error: unknown) => {
        throw new Error(`the player never became interactive; the page shows: ${await fresh.locator('body').textContent()}`, { cause: error });
      });
      const interactive = await fresh.evaluate(() => (window as unknown as { __interactiveAt: number }).__interactiveAt);
      // Step navigation inside the player: open the step list and choose the second step (the first is shown), until it is usable.
      const lessonMs = await fresh.evaluate(`new Promise((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (document.activeElement?.id === 'learn-step' && document.querySelector('#learn-step .button-primary:not([disabled])')) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
        document.querySelector('details.learn-steps summary').click();
        document.querySelectorAll('.learn-step-link')[1].click();
      })`) as number;
      await fresh.close();
      if (i === 0) continue; // the first load warms the server and the browser's compiler
      toInteractive.push(interactive);
      toNextStep.push(lessonMs);
      say(`  run ${i}: page interactive ${interactive.toFixed(0)} ms · step ${lessonMs.toFixed(0)} ms`);
    }
    const result = {
      repeats: options.repeats,
      navigationToInteractive: { median: median(toInteractive), p95: percentile(toInteractive, 95) },
      lessonNavigation: { median: median(toNextStep), p95: percentile(toNextStep, 95) },
      goalMs: GOAL_MS,
      met: median(toInteractive) <= GOAL_MS,
    };
    say(`load average after: ${loadavg().map((n) => n.toFixed(2)).join(' ')}`);
    process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : [
      '| measure | median | p95 |', '|---|---|---|',
      `| player page navigation → interactive | ${result.navigationToInteractive.median.toFixed(0)} ms | ${result.navigationToInteractive.p95.toFixed(0)} ms |`,
      `| step chosen in the step list → interactive | ${result.lessonNavigation.median.toFixed(0)} ms | ${result.lessonNavigation.p95.toFixed(0)} ms |`,
      `goal: interactive ≤ ${GOAL_MS} ms at the median: ${result.met ? 'met' : 'MISSED'}`, '',
    ].join('\n'));
    return result.met ? 0 : 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

process.exitCode = await main();
