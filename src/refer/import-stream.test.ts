import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { emptyDirectory, hsdsTables, type DirectoryRecords } from './hsds-tables.ts';
import { compareIds } from './import-records.ts';
import { parseImport, type ImportProgress } from './import-parse.ts';
import { loadOrder, streamImport, type ImportBatch, type ImportSummary, type StreamImportOptions } from './import-stream.ts';
import { runGenerateCommand } from './generate.ts';

// Every scratch folder a test makes is removed when the file's tests end.
const scratchDirs: string[] = [];
const makeScratchDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  scratchDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

// Generating and parsing whole directories takes seconds on a busy CI machine.
vi.setConfig({ testTimeout: 60_000 });

const csvDir = fileURLToPath(new URL('../../test/fixtures/standards/hsds-3.0/examples/csv/', import.meta.url));
const scratch = (): string => makeScratchDir('lantern-stream-');

async function drain(path: string, options: StreamImportOptions = {}): Promise<{ records: DirectoryRecords; batches: ImportBatch[]; summary: ImportSummary }> {
  const records = emptyDirectory();
  const batches: ImportBatch[] = [];
  const stream = streamImport(path, options);
  for (;;) {
    const next = await stream.next();
    if (next.done) {
      for (const table of hsdsTables) records[table].sort(compareIds);
      return { records, batches, summary: next.value };
    }
    batches.push(next.value);
    records[next.value.table].push(...next.value.rows);
  }
}

describe('streamImport', () => {
  test('a generated tabular folder and zip stream the same rows parseImport reads, parents first', async () => {
    const dir = scratch();
    await runGenerateCommand({ services: 300, out: join(dir, 'folder'), seed: 11 });
    await runGenerateCommand({ services: 300, out: join(dir, 'package.zip'), seed: 11 });
    const whole = await parseImport(join(dir, 'folder'));
    if (!whole.ok) throw new Error('the generated directory should import');
    for (const path of [join(dir, 'folder'), join(dir, 'package.zip')]) {
      const progress: ImportProgress[] = [];
      const { records, batches, summary } = await drain(path, { batchSize: 100, onProgress: (p) => progress.push(p) });
      expect(summary).toMatchObject({ ok: true, errors: [] });
      expect(records).toEqual(whole.records);
      expect(batches.every((b) => b.rows.length <= 100)).toBe(true);
      const order = batches.map((b) => loadOrder.indexOf(b.table));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      expect(progress.at(-1)?.done).toBe(progress.at(-1)?.total);
    }
  });

  test('NDJSON streams every record; repeated organizations are merged within a batch', async () => {
    const dir = scratch();
    await runGenerateCommand({ services: 200, out: join(dir, 'd.ndjson'), seed: 12 });
    const whole = await parseImport(join(dir, 'd.ndjson'));
    if (!whole.ok) throw new Error('the generated directory should import');
    const { records, summary } = await drain(join(dir, 'd.ndjson'), { batchSize: 50 });
    expect(summary.ok).toBe(true);
    for (const table of hsdsTables) {
      const unique = [...new Map(records[table].map((r) => [r.id, r])).values()];
      expect(unique).toEqual(whole.records[table]);
    }
  });

  test('a broken CSV yields nothing once the error is found and reports every error with its line', async () => {
    const dir = join(scratch(), 'broken');
    mkdirSync(dir);
    for (const f of readdirSync(csvDir)) writeFileSync(join(dir, f), readFileSync(join(csvDir, f)));
    const services = readFileSync(join(csvDir, 'services.csv'), 'utf8');
    writeFileSync(join(dir, 'services.csv'), `${services}bad,row\n${services.split('\r\n')[1]}\n`);
    const { batches, summary } = await drain(dir);
    expect(summary.ok).toBe(false);
    expect(summary.errors).toEqual([
      expect.objectContaining({ file: 'services.csv', row: 3, reason: 'has 2 cells; the header has 23' }),
      expect.objectContaining({ file: 'services.csv', row: 4, field: 'id', reason: 'duplicate id: already used earlier in this file' }),
    ]);
    // Tables before services (taxonomies, organizations, …) may have streamed; nothing after.
    const servicesAt = loadOrder.indexOf('service');
    expect(batches.every((b) => loadOrder.indexOf(b.table) < servicesAt)).toBe(true);
  });

  test('with checkDuplicates off, a repeated id passes to the store, which must refuse it', async () => {
    const dir = join(scratch(), 'repeat');
    mkdirSync(dir);
    for (const f of readdirSync(csvDir)) writeFileSync(join(dir, f), readFileSync(join(csvDir, f)));
    const taxonomies = readFileSync(join(csvDir, 'taxonomies.csv'), 'utf8');
    writeFileSync(join(dir, 'taxonomies.csv'), `${taxonomies}${taxonomies.split('\r\n')[1]}\n`);
    expect((await drain(dir)).summary.ok).toBe(false);
    const { records, summary } = await drain(dir, { checkDuplicates: false });
    expect(summary.ok).toBe(true);
    expect(records.taxonomy).toHaveLength(2);
  });

  test('a broken zip and a missing path are refused', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'bad.zip'), 'not a zip at all');
    expect((await drain(join(dir, 'bad.zip'))).summary.errors).toEqual([{ file: 'bad.zip', reason: expect.stringMatching(/^not a readable zip/) }]);
    expect((await drain(join(dir, 'absent'))).summary.errors).toEqual([{ file: 'absent', reason: 'not found' }]);
  });

  test('stops after maxErrors', async () => {
    const dir = join(scratch(), 'many');
    mkdirSync(dir);
    for (const f of readdirSync(csvDir)) writeFileSync(join(dir, f), readFileSync(join(csvDir, f)));
    writeFileSync(join(dir, 'taxonomies.csv'), `id,name,description\n${'x,,\n'.repeat(50)}`);
    const { summary } = await drain(dir, { maxErrors: 10 });
    // Each of the 50 rows has three issues (id, name, description); the row that crosses the limit finishes.
    expect(summary.errors.length).toBeLessThanOrEqual(10 + 3 + 1);
    expect(summary.errors.at(-1)?.reason).toMatch(/^stopped after/);
  });
});
