// The package file: every single byte changed anywhere in a package is refused, and a change inside an
// entry names that entry; a well-formed package reads back exactly.
import { describe, expect, it } from 'vitest';
import { PACKAGE_FORMAT, type PackageManifest } from '../../../../electron/common/tiles/manifest';
import { manifestEntries, readZip, writeZip } from '../../../../electron/node/packages/zipfile';
import { readZipEntryOffset } from '../../../helpers/zipBytes';

const enc = (s: string) => new TextEncoder().encode(s);
const entries = [
  { path: 'data/incidents.json', data: enc(JSON.stringify([{ id: 'I1', title: '三峡广场人群聚集', seq: [1, 2, 3] }])) },
  { path: 'tiles/street.mbtiles', data: Uint8Array.from({ length: 96 }, (_, i) => (i * 37) & 255) },
  { path: 'snapshots/S1.jpg', data: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]) },
];
const manifest: PackageManifest = {
  format: PACKAGE_FORMAT,
  formatVersion: 1,
  id: 'PKG1',
  kind: 'area',
  created: Date.UTC(2026, 5, 1),
  createdIso: '2026-06-01T00:00:00.000Z',
  creator: { id: 'duty-desk', name: '值班席' },
  console: { id: 'C1', version: '0.1.0' },
  bbox: [106.44, 29.54, 106.47, 29.57],
  area: { label: 'test', center: [106.455, 29.555], radiusM: null, incidentId: null },
  validity: { from: 0, to: 1, staleAfter: 2 },
  zooms: { min: 12, max: 15 },
  attribution: ['schematic basemap, © OpenStreetMap contributors (ODbL)'],
  counts: { incidents: 1 },
  journal: null,
  entries: manifestEntries(entries),
};
const zip = writeZip(manifest, entries);

describe('field package zip', () => {
  it('reads back the manifest and every entry exactly', () => {
    const r = readZip(zip);
    expect(r.manifest).toEqual(manifest);
    for (const e of entries) expect(Buffer.from(r.entries.get(e.path)!).equals(Buffer.from(e.data))).toBe(true);
  });

  it('refuses the package whichever single byte is changed', () => {
    const accepted: number[] = [];
    for (let i = 0; i < zip.length; i++) {
      const bad = zip.slice();
      bad[i] ^= i % 2 ? 0x01 : 0x80;
      try {
        readZip(bad);
        accepted.push(i);
      } catch {
        /* refused, as it must be */
      }
    }
    expect(accepted).toEqual([]);
  });

  it('names the entry whose bytes changed', () => {
    for (const e of entries) {
      const { offset, length } = readZipEntryOffset(zip, e.path);
      const bad = zip.slice();
      bad[offset + Math.floor(length / 2)] ^= 0x10;
      expect(() => readZip(bad)).toThrow(new RegExp(`entry ${e.path.replace('.', '\\.')} `));
    }
  });

  it('refuses an entry not in the manifest, one missing, and a manifest that is not one', () => {
    const extra = writeZip(manifest, [...entries, { path: 'data/extra.json', data: enc('{}') }]);
    expect(() => readZip(extra)).toThrow(/entry data\/extra\.json is not in the manifest/);
    const missing = writeZip(manifest, entries.slice(1));
    expect(() => readZip(missing)).toThrow(/entry data\/incidents\.json is listed in the manifest but missing/);
    const wrong = writeZip({ ...manifest, format: 'other' } as unknown as PackageManifest, entries);
    expect(() => readZip(wrong)).toThrow(/manifest\.json is not a field package manifest \(format/);
    expect(() => readZip(enc('PK but not a zip at all, long enough to look like one'))).toThrow(/package refused/);
  });
});
