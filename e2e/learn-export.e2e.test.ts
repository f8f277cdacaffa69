/**
 * An exported SCORM 1.2 package run in real Chromium under the scorm-again runtime, as an LMS runs
 * it: a launch page sets `window.API = new Scorm12API(...)` and then loads the SCO in a frame, all
 * served from 127.0.0.1. The learner starts, stops, resumes from cmi.suspend_data, passes the final
 * assessment, and the LMS holds a passed status with the score. The cmi5 package, launched with cmi5
 * parameters against a minimal LMS on the same server, sends its xAPI statements.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import type { Frame, Page } from 'playwright-core';
import { launchChromium, type Browser } from './support/chromium.ts';
import { exportCoursePackage } from '../src/learn/course-export.ts';
import { shippedCatalog } from '../src/learn/course-catalog.ts';
import type { Course } from '../src/learn/course-model.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const scormAgainDist = join(projectRoot, 'node_modules', 'scorm-again', 'dist');

const launchPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again/scorm12.min.js"></script>
<script>
  window.API = new Scorm12API({ autocommit: false, logLevel: 5 });
  var resume = new URLSearchParams(location.search).get('resume');
  if (resume) window.API.loadFromJSON(JSON.parse(resume));
</script></head>
<body><iframe id="sco" title="Course" src="/package/index.html" style="width:100%;height:90vh;border:0"></iframe></body></html>`;

const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.xml': 'application/xml' };

/**
 * What the fake cmi5 LMS saw: statements posted (one per id, as an LRS keeps them), and the
 * requests' xAPI headers. `answerAfterMs` holds each statements answer back, as a slow LMS would.
 */
interface LrsLog { statements: Record<string, unknown>[]; authorized: boolean[]; state: string | null; answerAfterMs: number }

/**
 * A static server on 127.0.0.1: the launch page, scorm-again's dist, the unzipped packages under
 * /<name>/, and a minimal cmi5 LMS under /lrs/ (fetch URL, LMS.LaunchData, state, statements).
 */
function serve(packages: Record<string, string>, lrs: LrsLog): Promise<{ server: Server; url: string }> {
  const roots = [scormAgainDist, ...Object.values(packages)];
  const server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]!);
    const query = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams;
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    request.on('end', () => {
      if (path === '/launch.html') return void response.writeHead(200, { 'content-type': types['.html']! }).end(launchPage);
      if (path.startsWith('/lrs/')) {
        const json = (status: number, value: unknown): void => void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
        if (path === '/lrs/fetch' && request.method === 'POST') return json(200, { 'auth-token': Buffer.from('au:secret').toString('base64') });
        lrs.authorized.push(request.headers.authorization === `Basic ${Buffer.from('au:secret').toString('base64')}` && request.headers['x-experience-api-version'] === '1.0.3');
        if (path === '/lrs/activities/state' && query.get('stateId') === 'LMS.LaunchData') {
          return json(200, { launchMode: 'Normal', masteryScore: 0.8, moveOn: 'CompletedAndPassed', contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } } });
        }
        if (path === '/lrs/activities/state' && request.method === 'PUT') { lrs.state = body; return void response.writeHead(204).end(); }
        if (path === '/lrs/activities/state') return lrs.state ? json(200, JSON.parse(lrs.state)) : void response.writeHead(404).end();
        if (path === '/lrs/statements' && request.method === 'POST') {
          // One statement or a list (xAPI 1.0.3); a statement whose id is stored already is not stored again.
          const posted = [JSON.parse(body) as Record<string, unknown> | Record<string, unknown>[]].flat();
          for (const statement of posted) if (!lrs.statements.some((s) => s.id === statement.id)) lrs.statements.push(statement);
          return void setTimeout(() => json(200, posted.map((s) => s.id)), lrs.answerAfterMs);
        }
        return void response.writeHead(404).end();
      }
      const [, prefix, rest] = /^\/([^/]+)\/(.*)$/.exec(path) ?? [];
      const root = prefix === 'scorm-again' ? scormAgainDist : prefix ? packages[prefix] : undefined;
      const file = root && rest !== undefined ? join(root, normalize(rest)) : undefined;
      if (!file || !existsSync(file) || !roots.some((r) => file.startsWith(r))) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
    });
  });
  return new Promise((resolveServer) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolveServer({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
  }));
}

/** Unzips an exported package into a new temporary folder. */
function unpack(zip: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lantern-package-'));
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), strFromU8(bytes));
  }
  return dir;
}

describe('SCORM 1.2 and cmi5 exports in Chromium', () => {
  let course: Course;
  let packageDir: string;
  let cmi5Dir: string;
  const lrs: LrsLog = { statements: [], authorized: [], state: null, answerAfterMs: 0 };
  let http: { server: Server; url: string };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    course = (await shippedCatalog()).get('lantern-essentials');
    packageDir = unpack(exportCoursePackage(course, 'scorm12', 'en'));
    cmi5Dir = unpack(exportCoursePackage(course, 'cmi5', 'es'));
    http = await serve({ package: packageDir, cmi5: cmi5Dir }, lrs);
    browser = await launchChromium();
    page = browser.page;
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => http?.server.close(r));
    for (const dir of [packageDir, cmi5Dir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function openSco(query = ''): Promise<Frame> {
    await page.goto(`${http.url}/launch.html${query}`);
    const frame = await (await page.waitForSelector('#sco')).contentFrame();
    if (!frame) throw new Error('the SCO frame did not load');
    await frame.waitForSelector('body[data-ready="true"]');
    return frame;
  }
  const lms = <T>(read: string): Promise<T> => page.evaluate(`window.API.cmi.${read}`) as Promise<T>;
  const currentPage = async (frame: Frame): Promise<number> => Number(await frame.getAttribute('#position', 'data-page'));

  let savedSuspendData = '';
  let savedLocation = '';

  test('a first session reports incomplete and saves progress in cmi.suspend_data', async () => {
    const frame = await openSco();
    expect(await lms<string>('core.lesson_status')).toBe('incomplete');
    await frame.click('#next');
    expect(await currentPage(frame)).toBe(1);
    // Page 2 holds module 1's knowledge checks: answer the first one correctly.
    const first = course.modules[0]!.checks[0]!;
    const right = first.options.findIndex((o) => o.correct);
    await frame.check(`input[name="q-1-0"][value="${right}"]`);
    await frame.click('button[data-action="check"] >> nth=0');
    expect(await frame.getAttribute('.feedback >> nth=0', 'data-correct')).toBe('true');
    await frame.click('#next');
    await frame.click('#next');
    expect(await currentPage(frame)).toBe(3);
    savedSuspendData = await lms<string>('suspend_data');
    savedLocation = await lms<string>('core.lesson_location');
    expect(savedLocation).toBe('3');
    expect(savedSuspendData.length).toBeGreaterThan(0);
    expect(savedSuspendData.length).toBeLessThan(4096);
  });

  test('a second session resumes where the learner stopped, with earlier answers, and passing reports passed with the score', async () => {
    const resume = JSON.stringify({ core: { lesson_status: 'incomplete', lesson_location: savedLocation, entry: 'resume' }, suspend_data: savedSuspendData });
    const frame = await openSco(`?resume=${encodeURIComponent(resume)}`);
    expect(await currentPage(frame)).toBe(3);
    await frame.click('#prev');
    await frame.click('#prev');
    expect(await currentPage(frame)).toBe(1);
    expect(await frame.getAttribute('.feedback >> nth=0', 'data-correct')).toBe('true');

    // Walk every page to the final assessment, then answer from the course's own key.
    while (!(await frame.isDisabled('#next'))) await frame.click('#next');
    for (const [qi, question] of course.assessment.entries()) {
      for (const [oi, option] of question.options.entries()) if (option.correct) await frame.check(`input[name="a-${qi}"][value="${oi}"]`);
    }
    await frame.click('#submit-assessment');
    expect(await frame.getAttribute('[data-role="result"]', 'data-passed')).toBe('true');

    expect(await lms<string>('core.lesson_status')).toBe('passed');
    expect(await lms<string>('core.score.raw')).toBe('100');
    const suspend = await lms<string>('suspend_data');
    expect(suspend.length).toBeLessThan(4096);
    expect(JSON.parse(suspend)).toMatchObject({ d: 1, n: 1, s: 100 });
    expect(browser.offsiteRequests).toEqual([]);
  });
  test('the cmi5 package, launched with cmi5 parameters, sends initialized, completed, passed and terminated to the LMS, even when the learner leaves before the LMS answers', async () => {
    const registration = randomUUID();
    const activityId = 'urn:lantern:test:au';
    const actor = { objectType: 'Agent', account: { homePage: 'https://lms.test', name: 'learner-1' } };
    const params = new URLSearchParams({ endpoint: `${http.url}/lrs/`, fetch: `${http.url}/lrs/fetch`, actor: JSON.stringify(actor), registration, activityId });
    await page.goto(`${http.url}/cmi5/index.html?${params.toString()}`);
    await page.waitForSelector('body[data-ready="true"]');
    expect(await page.getAttribute('html', 'lang')).toBe('es');
    while (!(await page.isDisabled('#next'))) await page.click('#next');
    for (const [qi, question] of course.assessment.entries()) {
      for (const [oi, option] of question.options.entries()) if (option.correct) await page.check(`input[name="a-${qi}"][value="${oi}"]`);
    }
    // A slow LMS: Completed is still unanswered, and Passed not yet sent, when the learner leaves.
    lrs.answerAfterMs = 1500;
    await page.click('#submit-assessment');
    await page.goto('about:blank');
    await expect.poll(() => lrs.statements.map((s) => (s.verb as { id: string }).id.split('/').pop()), { timeout: 10_000 })
      .toEqual(['initialized', 'completed', 'passed', 'terminated']);
    for (const statement of lrs.statements) {
      expect(statement).toMatchObject({ actor, object: { id: activityId }, context: { registration, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } } });
      const categories = ((statement.context as { contextActivities: { category: { id: string }[] } }).contextActivities.category).map((c) => c.id);
      expect(categories).toContain('https://w3id.org/xapi/cmi5/context/categories/cmi5');
    }
    expect(lrs.statements[2]!.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100 } });
    expect(lrs.authorized.every(Boolean)).toBe(true);
    expect(JSON.parse(lrs.state!).suspend.length).toBeLessThan(4096);
    expect(browser.offsiteRequests).toEqual([]);
  });
});
