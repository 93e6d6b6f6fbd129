// Wayline files of the stored patrols: KMZ (zip) with wpmz/waylines.wpml, built deterministically so the
// MD5 fingerprint the dock checks is stable, served by the host at /api/drones/waylines/{id}.kmz.
import { createHash } from 'node:crypto';
import { unzipSync, zipSync, strToU8, strFromU8 } from 'fflate';
import { parseWpml, waylinesWpml, type Patrol, type Waypoint } from '../../common/drones/wayline';

const FIXED_MTIME = new Date('2025-01-01T00:00:00Z');

export interface WaylineFile {
  patrol: Patrol;
  kmz: Uint8Array;
  fingerprint: string;
}

export function buildKmz(p: Patrol): WaylineFile {
  const kmz = zipSync(
    { wpmz: { 'waylines.wpml': [strToU8(waylinesWpml(p)), { mtime: FIXED_MTIME }] } },
    { level: 6, mtime: FIXED_MTIME },
  );
  return { patrol: p, kmz, fingerprint: createHash('md5').update(kmz).digest('hex') };
}

/** Checks a downloaded KMZ against its fingerprint and reads its waypoints (the dock's side). */
export function readKmz(
  kmz: Uint8Array,
  fingerprint: string,
): { ok: true; waypoints: Waypoint[] } | { ok: false; code: number } {
  if (createHash('md5').update(kmz).digest('hex') !== fingerprint.toLowerCase()) return { ok: false, code: 314005 };
  try {
    const files = unzipSync(kmz);
    const wpml = files['wpmz/waylines.wpml'];
    if (!wpml) return { ok: false, code: 314003 };
    const waypoints = parseWpml(strFromU8(wpml));
    return waypoints.length ? { ok: true, waypoints } : { ok: false, code: 314003 };
  } catch {
    return { ok: false, code: 314003 };
  }
}
