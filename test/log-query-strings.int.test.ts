/**
 * A query string can hold what someone typed into a search box (a patient's name, say), so log
 * lines name the path a request went to and never its query.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createLogger } from '../src/platform/services.ts';
import { startTestLantern, type TestLantern } from './support/platform.ts';

const typedIntoSearch = 'Quarrington-Vasquez-7781';
const lines: string[] = [];
let lantern: TestLantern;

beforeAll(async () => {
  const sink = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  lantern = await startTestLantern({}, { logger: createLogger({ logLevel: 'debug' }, sink) });
});
afterAll(async () => { await lantern?.close(); });

test('request lines keep the path and drop the query string', async () => {
  const res = await lantern.app.inject({ method: 'GET', url: `/api/directory/search?text=${typedIntoSearch}&postalCode=78701` });
  expect(res.statusCode).toBe(401);
  const requestLines = lines.map((line) => JSON.parse(line) as { msg?: string; req?: { url?: string } }).filter((entry) => entry.msg === 'incoming request');
  expect(requestLines.map((entry) => entry.req?.url)).toContain('/api/directory/search');
  expect(lines.filter((line) => line.includes(typedIntoSearch) || line.includes('78701'))).toEqual([]);
});
