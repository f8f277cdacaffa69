/**
 * @module Writes a stream of directory chunks to disk as the generate command's output: NDJSON
 * or a JSON list of compiled service documents, or the tabular datapackage as a folder or a zip.
 * Each chunk is written and dropped, so memory stays flat whatever the number of services.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zip, ZipDeflate } from 'fflate';
import { emptyDirectory, hsdsTables, type DirectoryChunk, type HsdsRow, type HsdsTable } from './hsds-tables.ts';
import { loadHsdsSpec } from './hsds-spec.ts';
import { createDocumentBuilder } from './export-document.ts';
import { formatCsv } from './export.ts';

export type GeneratedFormat = 'ndjson' | 'json' | 'csv-zip' | 'csv-folder';

/** Picks the format from the path (`.ndjson`/`.jsonl`, `.json`, `.zip`, else a folder) and writes. */
export async function writeGenerated(chunks: AsyncIterable<DirectoryChunk>, out: string): Promise<GeneratedFormat> {
  if (/\.(ndjson|jsonl)$/i.test(out)) {
    await writeDocuments(chunks, out, 'ndjson');
    return 'ndjson';
  }
  if (/\.json$/i.test(out)) {
    await writeDocuments(chunks, out, 'json');
    return 'json';
  }
  if (/\.zip$/i.test(out)) {
    const dir = await mkdtemp(join(tmpdir(), 'lantern-generate-'));
    try {
      await writeTabularFolder(chunks, dir);
      await zipFolder(dir, out);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return 'csv-zip';
  }
  await writeTabularFolder(chunks, out);
  return 'csv-folder';
}

/** Writes each taxonomy term, then each service, as a compiled HSDS document. */
async function writeDocuments(chunks: AsyncIterable<DirectoryChunk>, out: string, format: 'ndjson' | 'json'): Promise<void> {
  const stream = createWriteStream(out);
  let first = true;
  if (format === 'json') await write(stream, '[');
  for await (const chunk of chunks) {
    const records = { ...emptyDirectory(), ...chunk };
    const build = createDocumentBuilder(records);
    const documents = [
      ...records.taxonomy_term.map((t) => build('taxonomy_term', t.id)),
      ...records.service.map((s) => build('service', s.id)),
    ];
    for (const document of documents) {
      const text = JSON.stringify(document);
      await write(stream, format === 'ndjson' ? `${text}\n` : `${first ? '\n' : ',\n'}${text}`);
      first = false;
    }
  }
  if (format === 'json') await write(stream, '\n]\n');
  await close(stream);
}

/** Writes datapackage.json and one CSV per table into `dir`, appending each chunk's rows. */
export async function writeTabularFolder(chunks: AsyncIterable<DirectoryChunk>, dir: string): Promise<void> {
  const spec = loadHsdsSpec();
  await mkdir(dir, { recursive: true });
  const streams = new Map<HsdsTable, WriteStream>();
  for (const table of hsdsTables) {
    const stream = createWriteStream(join(dir, spec.files[table]));
    streams.set(table, stream);
    await write(stream, formatCsv(table, [], spec));
  }
  // Rows wait in a buffer per table and are formatted a few thousand at a time: one CSV
  // formatting call per organization costs more than the formatting itself.
  const pending = new Map<HsdsTable, HsdsRow[]>(hsdsTables.map((t) => [t, []]));
  const flush = async (table: HsdsTable): Promise<void> => {
    const rows = pending.get(table) as HsdsRow[];
    if (rows.length === 0) return;
    pending.set(table, []);
    await write(streams.get(table) as WriteStream, formatCsv(table, rows, spec, { header: false }));
  };
  for await (const chunk of chunks) {
    for (const [table, rows] of Object.entries(chunk) as [HsdsTable, HsdsRow[]][]) {
      const buffer = pending.get(table) as HsdsRow[];
      for (const row of rows) buffer.push(row);
      if (buffer.length >= 5000) await flush(table);
    }
  }
  for (const table of hsdsTables) await flush(table);
  await Promise.all([...streams.values()].map(close));
  await writeFile(join(dir, 'datapackage.json'), `${JSON.stringify(spec.datapackage, null, 2)}\n`);
}

async function zipFolder(dir: string, out: string): Promise<void> {
  const spec = loadHsdsSpec();
  const output = createWriteStream(out);
  const done = new Promise<void>((resolve, reject) => {
    const zip = new Zip((error, data, final) => {
      if (error) return reject(error);
      output.write(data);
      if (final) resolve();
    });
    void (async () => {
      for (const name of ['datapackage.json', ...hsdsTables.map((t) => spec.files[t])]) {
        const entry = new ZipDeflate(name, { level: 6 });
        zip.add(entry);
        for await (const piece of createReadStream(join(dir, name))) entry.push(piece as Uint8Array);
        entry.push(new Uint8Array(0), true);
      }
      zip.end();
    })().catch(reject);
  });
  await done;
  await close(output);
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}
