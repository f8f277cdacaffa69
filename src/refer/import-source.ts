/**
 * @module Reads what `lantern directory import <path>` points at into memory: a JSON or NDJSON
 * file, a folder, or a .zip. A folder or zip holding datapackage.json is the tabular form; else
 * its .json/.ndjson files are read as HSDS JSON. The only I/O of an import; parsing is pure.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { ImportIssue } from './import-records.ts';

/** An import's files, in memory, sorted by name. */
export type ImportSource =
  | { format: 'json'; files: { name: string; text: string }[] }
  | { format: 'tabular'; files: Map<string, Uint8Array> };

/** The source, or why it cannot be read. */
export type ReadSourceResult = { ok: true; source: ImportSource } | { ok: false; errors: ImportIssue[] };

const jsonFile = /\.(json|ndjson|jsonl)$/i;

/** Reads an import path: a file, a folder, or a zip archive. */
export async function readImportSource(path: string): Promise<ReadSourceResult> {
  const name = basename(path);
  const info = await stat(path).catch(() => undefined);
  if (!info) return { ok: false, errors: [{ file: name, reason: 'not found' }] };
  if (info.isDirectory()) {
    const files = new Map<string, Uint8Array>();
    const entries = await readdir(path, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const full = join(entry.parentPath ?? path, entry.name);
      files.set(full.slice(path.length).replace(/^[\\/]+/, '').replace(/\\/g, '/'), await readFile(full));
    }
    return sourceFromFiles(name, files);
  }
  const bytes = await readFile(path);
  if (/\.zip$/i.test(name)) return sourceFromZip(name, bytes);
  if (/\.csv$/i.test(name)) {
    return { ok: false, errors: [{ file: name, reason: 'a CSV file imports with its datapackage.json: give the folder or zip that holds both' }] };
  }
  return { ok: true, source: { format: 'json', files: [{ name, text: new TextDecoder().decode(bytes) }] } };
}

/** Unpacks a zip archive (as read from disk) into an import source. */
export function sourceFromZip(name: string, bytes: Uint8Array): ReadSourceResult {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch (error) {
    return { ok: false, errors: [{ file: name, reason: `not a readable zip archive: ${(error as Error).message}` }] };
  }
  const files = new Map<string, Uint8Array>();
  for (const [entry, content] of Object.entries(entries)) {
    if (!entry.endsWith('/')) files.set(entry, content);
  }
  return sourceFromFiles(name, files);
}

/** Tells the tabular form (datapackage.json present, possibly in one folder) from HSDS JSON files. */
export function sourceFromFiles(name: string, files: Map<string, Uint8Array>): ReadSourceResult {
  // A zip made by compressing a folder puts everything under that folder's name.
  const descriptor = [...files.keys()].filter((f) => f === 'datapackage.json' || f.endsWith('/datapackage.json')).sort((a, b) => a.length - b.length)[0];
  if (descriptor) {
    const prefix = descriptor.slice(0, -'datapackage.json'.length);
    const tabular = new Map<string, Uint8Array>();
    for (const [file, bytes] of files) if (file.startsWith(prefix)) tabular.set(file.slice(prefix.length), bytes);
    return { ok: true, source: { format: 'tabular', files: tabular } };
  }
  const json = [...files.keys()].filter((f) => jsonFile.test(f)).sort();
  if (json.length === 0) {
    return { ok: false, errors: [{ file: name, reason: 'holds neither datapackage.json nor .json/.ndjson files' }] };
  }
  const decoder = new TextDecoder();
  return { ok: true, source: { format: 'json', files: json.map((f) => ({ name: f, text: decoder.decode(files.get(f)) })) } };
}
