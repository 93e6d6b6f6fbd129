// Derives the schematic basemap's open data (seeds/basemap/osm-shapingba.json) from the OpenStreetMap
// extracts in ../shared/data/geo/osm: building footprints, water, metro lines and the metro stations
// OSM maps as named station buildings. The result is a derived database of OpenStreetMap data and is
// offered under the ODbL 1.0, "© OpenStreetMap contributors" (seeds/README.md says so).
//
//   npx tsx build/scripts/osm-basemap.ts [path/to/shared/data/geo/osm]
//
// Coordinates are kept to 1e-6° (about 0.1 m) and written as integer deltas; nothing is invented:
// no street is derived, a station is only what OSM names as one.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = process.argv[2] ?? path.resolve(ROOT, '../shared/data/geo/osm');
const OUT = path.join(ROOT, 'seeds/basemap/osm-shapingba.json');
const Q = 1e6;

type Pt = [number, number];
interface Feature {
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(SRC, f), 'utf8')) as { features: Feature[] };

/** [x0, y0, dx1, dy1, …] in 1e-6° integers; a closing point equal to the first is dropped. */
function encode(line: Pt[], closed: boolean): number[] {
  const pts = closed && line.length > 1 && same(line[0], line[line.length - 1]) ? line.slice(0, -1) : line;
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [lon, lat] of pts) {
    const x = Math.round(lon * Q);
    const y = Math.round(lat * Q);
    if (out.length && x === px && y === py) continue;
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

const same = (a: Pt, b: Pt) => a[0] === b[0] && a[1] === b[1];

function centroid(ring: Pt[]): Pt {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const f = ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
    a += f;
    cx += (ring[j][0] + ring[i][0]) * f;
    cy += (ring[j][1] + ring[i][1]) * f;
  }
  return a === 0 ? ring[0] : [cx / (3 * a), cy / (3 * a)];
}

function distToLineM(p: Pt, line: Pt[]): number {
  const k = Math.cos((p[1] * Math.PI) / 180) * 111_320;
  let best = Infinity;
  for (let i = 0; i + 1 < line.length; i++) {
    const ax = (line[i][0] - p[0]) * k;
    const ay = (line[i][1] - p[1]) * 111_320;
    const bx = (line[i + 1][0] - p[0]) * k;
    const by = (line[i + 1][1] - p[1]) * 111_320;
    const dx = bx - ax;
    const dy = by - ay;
    const t = dx || dy ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / (dx * dx + dy * dy))) : 0;
    best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return best;
}

const buildings = read('buildings_wgs84.geojson').features.flatMap((f) =>
  (f.geometry.coordinates as Pt[][][]).map((poly) => ({
    name: (f.properties.name as string | null) ?? null,
    type: (f.properties.type as string | null) ?? null,
    ring: poly[0],
  })),
);

const water = read('water_wgs84.geojson').features.flatMap((f) =>
  (f.geometry.coordinates as Pt[][][]).map((poly) => ({
    name: (f.properties.name as string | null) ?? null,
    kind: String(f.properties.fclass),
    rings: poly,
  })),
);

// one direction per line and branch; the 4–Loop–5 through service runs on those lines' own track
const metroIn = read('metro_wgs84.geojson').features.filter((f) => !String(f.properties.ref).includes('–'));
const lines = new Map<string, { ref: string; name: string; colour: string; dir: string; parts: Pt[][] }>();
for (const f of metroIn) {
  const full = String(f.properties.name);
  const [route, dir = ''] = full.split('：');
  const ends = dir
    .split(/\s*→\s*/)
    .sort()
    .join('|');
  const key = `${f.properties.ref}|${route}|${route.includes('环') ? '' : ends}`;
  const cur = lines.get(key);
  if (cur && cur.dir !== dir) continue;
  const entry = cur ?? {
    ref: String(f.properties.ref),
    name: route,
    colour: String(f.properties.colour),
    dir,
    parts: [],
  };
  entry.parts.push(f.geometry.coordinates as Pt[]);
  lines.set(key, entry);
}
const metro = [...lines.values()].sort((a, b) => a.ref.localeCompare(b.ref) || a.name.localeCompare(b.name));

const stations = buildings
  .filter((b) => b.type === 'train_station' && b.name)
  .map((b) => {
    const c = centroid(b.ring);
    const near = metro
      .map((m) => ({ m, d: Math.min(...m.parts.map((p) => distToLineM(c, p))) }))
      .filter((x) => x.d < 400)
      .sort((a, b) => a.d - b.d);
    return {
      name: b.name as string,
      lon: Math.round(c[0] * Q) / Q,
      lat: Math.round(c[1] * Q) / Q,
      refs: [...new Set(near.map((x) => x.m.ref))],
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

const out = {
  licence: 'ODbL-1.0',
  attribution: '© OpenStreetMap contributors',
  note: 'Derived from OpenStreetMap (mid-2022 extracts) by build/scripts/osm-basemap.ts; coordinates are 1e-6° integer deltas.',
  buildings: buildings.map((b) => [b.name, b.type, encode(b.ring, true)]),
  water: water.map((w) => [w.name, w.kind, w.rings.map((r) => encode(r, true))]),
  metro: metro.map((m) => [m.ref, m.name, m.colour, m.parts.map((p) => encode(p, false))]),
  stations: stations.map((s) => [s.name, s.lon, s.lat, s.refs]),
};
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, JSON.stringify(out) + '\n');
console.log(
  `${path.relative(ROOT, OUT)}: ${buildings.length} buildings, ${water.length} water polygons, ` +
    `${metro.length} metro lines, ${stations.length} stations, ${(fs.statSync(OUT).size / 1024).toFixed(0)} KiB`,
);
