// The package file: a zip whose manifest.json lists every other entry with its SHA-256. Reading checks
// everything before anything is used: the manifest's shape, each entry present, its size and checksum,
// nothing extra, no entry that expands beyond its limit. A refusal names the entry.
import crypto from 'node:crypto';
import { Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { ServiceError } from '../../common/errors';
import { checkCrc, checkZipStructure } from './zipStructure';
import {
  MANIFEST_PATH,
  entryPathSchema,
  packageManifestSchema,
  type ManifestEntry,
  type PackageManifest,
} from '../../common/tiles/manifest';

export const sha256 = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

/** an entry is refused when it expands beyond this (a zip bomb is not unpacked) */
export const MAX_ENTRY_BYTES = 1024 ** 3;
export const MAX_TOTAL_BYTES = 4 * 1024 ** 3;

export interface Entry {
  path: string;
  data: Uint8Array;
}

export function manifestEntries(entries: Entry[]): ManifestEntry[] {
  return entries.map((e) => ({ path: e.path, bytes: e.data.byteLength, sha256: sha256(e.data) }));
}

export function writeZip(manifest: PackageManifest, entries: Entry[]): Uint8Array {
  const files: Zippable = {};
  const json = new TextEncoder().encode(JSON.stringify(manifest, null, 1));
  // stored, not deflated: then every byte of the file is covered by a checksum (deflate's padding bits
  // are not), and most of a package is images and tiles, which do not compress anyway
  files[MANIFEST_PATH] = [json, { level: 0 }];
  for (const e of entries) files[e.path] = [e.data, { level: 0 }];
  // zip dates start in 1980 (a test clock may run earlier)
  return zipSync(files, { mtime: new Date(Math.max(manifest.created, Date.UTC(1980, 0, 2))) });
}

const refuse = (entry: string, why: string) =>
  new ServiceError('rejected', `package refused: entry ${entry} ${why}`, { field: 'body', entry });

/** Every entry of the zip, each checked as it is inflated; throws naming the entry that is damaged. */
function unzipAll(zip: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const u = new Unzip();
  u.register(UnzipInflate);
  let total = 0;
  let failure: ServiceError | null = null;
  u.onfile = (f) => {
    if (failure) return;
    if (out.has(f.name)) {
      failure = refuse(f.name, 'appears twice');
      return;
    }
    if ((f.originalSize ?? 0) > MAX_ENTRY_BYTES) {
      failure = refuse(f.name, `would expand to ${f.originalSize} bytes (more than ${MAX_ENTRY_BYTES})`);
      return;
    }
    const parts: Uint8Array[] = [];
    let size = 0;
    f.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = refuse(f.name, `cannot be read (${err.message}): the file is damaged`);
        return;
      }
      size += chunk.length;
      total += chunk.length;
      if (size > MAX_ENTRY_BYTES || total > MAX_TOTAL_BYTES) {
        failure = refuse(f.name, 'expands beyond the size a package may have');
        return;
      }
      parts.push(chunk);
      if (final) out.set(f.name, concat(parts, size));
    };
    f.start();
  };
  try {
    u.push(zip, true);
  } catch (e) {
    if (!failure)
      throw new ServiceError('rejected', `package refused: not a readable zip (${(e as Error).message})`, {
        field: 'body',
      });
  }
  if (failure) throw failure;
  return out;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(size);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export interface ReadPackage {
  manifest: PackageManifest;
  entries: Map<string, Uint8Array>;
}

/** Reads and verifies a package: nothing of it is used unless every check passes. */
export function readZip(zip: Uint8Array): ReadPackage {
  if (zip.byteLength < 22 || zip[0] !== 0x50 || zip[1] !== 0x4b) {
    throw new ServiceError('rejected', 'package refused: not a zip file', { field: 'body' });
  }
  const index = checkZipStructure(zip);
  const files = unzipAll(zip);
  for (const [name, data] of files) checkCrc(index, name, data);
  if (files.size !== index.crc.size)
    throw new ServiceError('rejected', 'package refused: the zip lists entries it does not hold', { field: 'body' });
  const raw = files.get(MANIFEST_PATH);
  if (!raw) throw refuse(MANIFEST_PATH, 'is missing');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw refuse(MANIFEST_PATH, 'is not valid JSON');
  }
  const parsed = packageManifestSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw refuse(MANIFEST_PATH, `is not a field package manifest (${i.path.join('.') || 'root'}: ${i.message})`);
  }
  const manifest = parsed.data;
  const listed = new Set<string>();
  for (const e of manifest.entries) {
    const data = files.get(e.path);
    if (!data) throw refuse(e.path, 'is listed in the manifest but missing');
    if (data.byteLength !== e.bytes) throw refuse(e.path, `has ${data.byteLength} bytes, the manifest says ${e.bytes}`);
    if (sha256(data) !== e.sha256)
      throw refuse(e.path, 'does not match its SHA-256 in the manifest (changed or damaged)');
    listed.add(e.path);
  }
  for (const name of files.keys()) {
    if (name === MANIFEST_PATH || listed.has(name)) continue;
    if (!entryPathSchema.safeParse(name).success) throw refuse(name, 'has a path a package may not use');
    throw refuse(name, 'is not in the manifest');
  }
  return { manifest, entries: files };
}
