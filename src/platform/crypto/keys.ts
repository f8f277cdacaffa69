/**
 * @module Data-encryption keys. They come from `LANTERN_KEYS` (`id:base64,id:base64`, the first one
 * active) or from `<data dir>/keys.json`; when neither exists a key is generated into the data folder
 * on first start, with a warning that it must be backed up.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface DataKey {
  id: string;
  key: Buffer;
}

export interface KeyRing {
  active: DataKey;
  all: Map<string, DataKey>;
  /** Where the keys came from: rotation writes back only to a key file. */
  source: 'env' | 'file';
  file?: string;
}

interface KeyFile {
  active: string;
  keys: { id: string; key: string; created_at: string }[];
}

function parseKey(id: string, base64: string): DataKey {
  const key = Buffer.from(base64, 'base64');
  if (key.length !== 32) throw new Error(`encryption key "${id}" must be 32 bytes, base64-encoded (got ${key.length} bytes)`);
  return { id, key };
}

export function parseKeyList(raw: string): KeyRing {
  const keys = raw.split(',').map((entry) => entry.trim()).filter(Boolean).map((entry) => {
    const at = entry.indexOf(':');
    if (at <= 0) throw new Error('LANTERN_KEYS must be a comma-separated list of keyId:base64key');
    return parseKey(entry.slice(0, at), entry.slice(at + 1));
  });
  const active = keys[0];
  if (!active) throw new Error('LANTERN_KEYS is set but holds no key');
  return { active, all: new Map(keys.map((k) => [k.id, k])), source: 'env' };
}

export function keyFilePath(dataDir: string): string {
  return join(dataDir, 'keys.json');
}

function readKeyFile(file: string): KeyRing {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as KeyFile;
  const all = new Map(parsed.keys.map((k) => [k.id, parseKey(k.id, k.key)]));
  const active = all.get(parsed.active);
  if (!active) throw new Error(`${file}: the active key "${parsed.active}" is not in the file`);
  return { active, all, source: 'file', file };
}

export function newKeyId(): string {
  return `k${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(3).toString('hex')}`;
}

/** Adds a fresh key to the key file and makes it the active one. */
export function addKeyToFile(file: string): DataKey {
  const parsed: KeyFile = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as KeyFile) : { active: '', keys: [] };
  const key = { id: newKeyId(), key: randomBytes(32).toString('base64'), created_at: new Date().toISOString() };
  parsed.keys.push(key);
  parsed.active = key.id;
  writeFileSync(file, `${JSON.stringify(parsed, null, 2)}\n`, { mode: 0o600 });
  return parseKey(key.id, key.key);
}

export interface LoadedKeys {
  ring: KeyRing;
  /** True when this call created the key file: the caller prints the backup warning. */
  generated: boolean;
}

export function loadKeyRing(options: { keysFromEnv: string | undefined; dataDir: string }): LoadedKeys {
  if (options.keysFromEnv) return { ring: parseKeyList(options.keysFromEnv), generated: false };
  const file = keyFilePath(options.dataDir);
  if (existsSync(file)) return { ring: readKeyFile(file), generated: false };
  mkdirSync(options.dataDir, { recursive: true });
  addKeyToFile(file);
  return { ring: readKeyFile(file), generated: true };
}

export function reloadKeyFile(ring: KeyRing): KeyRing {
  if (ring.source !== 'file' || !ring.file) return ring;
  return readKeyFile(ring.file);
}
