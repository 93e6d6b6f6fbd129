// Where a seeded risk point or camera goes, by what it is: high-rise fire and old housing on real
// building footprints (OpenStreetMap, ODbL), metro construction along the metro lines and at stations,
// flooding beside lakes and reservoirs and along the Jialing's low bank, geohazards on the western
// slopes (Gele Mountain, the Zhongliang ridge), crowds at the article's named places, stations,
// schools and markets. Everything else stays spread around its town centre. A point's town is the one
// whose centre is nearest (the same rule the map uses for a town's approximate area). Deterministic.
import { pointInRing } from '../../electron/common/geo';
import type { Rng } from '../../electron/common/prng';
import { osmBasemap } from '../basemap/index';
import { PLACES, TOWNS, type TownSeed } from '../reference/towns';
import { jitterAround } from './riskPoints';
import { JIALING_BANK } from './riverDistance';

type Ring = readonly (readonly [number, number])[];
const M = 111_320;
const COS = Math.cos((29.57 * Math.PI) / 180);

export interface Placed {
  lon: number;
  lat: number;
  town: TownSeed;
  /** a named place, station, lake or building the point is at or by (for names and addresses) */
  landmark: string | null;
}

interface Building {
  ring: number[];
  box: [number, number, number, number];
  cx: number;
  cy: number;
  name: string | null;
  type: string | null;
  town: TownSeed;
}

interface Segment {
  ax: number;
  ay: number;
  bx: number;
  by: number;
  len: number;
  name: string | null;
}

const RESIDENTIAL = new Set(['residential', 'apartments', 'house', 'detached', 'dormitory']);
const TALL = new Set(['apartments', 'residential', 'commercial', 'office', 'retail']);
const SCHOOL = new Set(['school', 'university', 'college']);
/** kinds of footprint a placement asks for */
const KINDS = {
  tall: (b: Building) => !b.type || TALL.has(b.type),
  residential: (b: Building) => !b.type || RESIDENTIAL.has(b.type),
  housing: (b: Building) => !!b.type && RESIDENTIAL.has(b.type),
  school: (b: Building) => !!b.type && SCHOOL.has(b.type),
  commercial: (b: Building) => b.type === 'commercial' || b.type === 'retail',
  market: (b: Building) => !!b.name && /市场/.test(b.name),
  named: (b: Building) => !!b.name,
} as const;
type BuildingKind = keyof typeof KINDS;
const SLOPES = [
  { lon: 106.405, lat: 29.578, sdM: 1_800, name: '歌乐山' },
  { lon: 106.372, lat: 29.618, sdM: 2_200, name: '中梁山' },
];

export function nearestTown(lon: number, lat: number): TownSeed {
  let best = TOWNS[0];
  let d = Infinity;
  for (const t of TOWNS) {
    const dd = ((t.lon - lon) * COS) ** 2 + (t.lat - lat) ** 2;
    if (dd < d) {
      d = dd;
      best = t;
    }
  }
  return best;
}

function segmentsOf(lines: { line: number[]; name: string | null }[], outline: Ring): Segment[] {
  const out: Segment[] = [];
  for (const { line, name } of lines) {
    for (let i = 0; i + 3 < line.length; i += 2) {
      const [ax, ay, bx, by] = [line[i], line[i + 1], line[i + 2], line[i + 3]];
      if (!pointInRing((ax + bx) / 2, (ay + by) / 2, outline)) continue;
      const len = Math.hypot((bx - ax) * COS * M, (by - ay) * M);
      if (len > 0) out.push({ ax, ay, bx, by, len, name });
    }
  }
  return out;
}

export class Placer {
  private readonly buildings: Building[];
  private readonly byTown = new Map<string, Building[]>();
  private readonly kindCache = new Map<string, Building[]>();
  private readonly wetCache = new Map<string, Segment[]>();
  private readonly metro: Segment[];
  private readonly metroWeights: number[];
  private readonly waterEdges: Segment[];
  private readonly waterWeights: number[];
  private readonly bank: Segment[];
  private readonly water: { ring: [number, number][]; box: [number, number, number, number] }[];
  private readonly bankWeights: number[];
  private readonly stations: { name: string; lon: number; lat: number }[];
  private readonly landmarks: { name: string; lon: number; lat: number }[];

  constructor(private readonly outline: Ring) {
    const osm = osmBasemap();
    this.buildings = osm.buildings
      .map((b) => {
        let [w, s, e, n, cx, cy] = [Infinity, Infinity, -Infinity, -Infinity, 0, 0];
        for (let i = 0; i < b.ring.length; i += 2) {
          w = Math.min(w, b.ring[i]);
          e = Math.max(e, b.ring[i]);
          s = Math.min(s, b.ring[i + 1]);
          n = Math.max(n, b.ring[i + 1]);
          cx += b.ring[i];
          cy += b.ring[i + 1];
        }
        cx /= b.ring.length / 2;
        cy /= b.ring.length / 2;
        return {
          ring: b.ring,
          box: [w, s, e, n] as Building['box'],
          cx,
          cy,
          name: b.name,
          type: b.type,
          town: nearestTown(cx, cy),
        };
      })
      .filter((b) => pointInRing(b.cx, b.cy, outline));
    for (const b of this.buildings) {
      const list = this.byTown.get(b.town.code) ?? [];
      list.push(b);
      this.byTown.set(b.town.code, list);
    }
    this.metro = segmentsOf(
      osm.metro.flatMap((m) => m.lines.map((line) => ({ line, name: null }))),
      outline,
    );
    this.metroWeights = this.metro.map((s) => s.len);
    this.waterEdges = segmentsOf(
      osm.water.flatMap((w) => w.rings.map((r) => ({ line: [...r, r[0], r[1]], name: w.name }))),
      outline,
    );
    this.waterWeights = this.waterEdges.map((s) => s.len);
    this.water = osm.water.map((w) => {
      const ring = pairs(w.rings[0]);
      const xs = ring.map((p) => p[0]);
      const ys = ring.map((p) => p[1]);
      return { ring, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
    });
    this.bank = segmentsOf([{ line: JIALING_BANK.flatMap((p) => [p[0], p[1]]), name: '嘉陵江' }], outline);
    this.bankWeights = this.bank.map((s) => s.len);
    this.stations = osm.stations.map((s) => ({ name: `${s.name.replace(/站$/, '')}站`, lon: s.lon, lat: s.lat }));
    this.landmarks = [
      ...PLACES.map((p) => ({ name: p.name, lon: p.lon, lat: p.lat })),
      ...this.stations,
      ...this.buildings.filter((b) => b.name).map((b) => ({ name: b.name as string, lon: b.cx, lat: b.cy })),
    ];
  }

  /** A risk point of a family (and category) that would otherwise go around `town`. */
  riskPoint(rng: Rng, family: string, category: string, town: TownSeed): Placed {
    if (family === 'highrise-fire') return this.onBuilding(rng, town, 'tall');
    if (family === 'old-housing') return this.onBuilding(rng, town, 'residential');
    if (family === 'geohazard') return this.onSlopes(rng);
    if (family === 'flooding')
      return rng.next() < 0.5 ? this.along(rng, this.bank, this.bankWeights, 60, 400) : this.byWater(rng);
    if (category === '轨道交通施工') {
      return rng.next() < 0.3
        ? this.near(rng, rng.pick(this.stations), 150)
        : this.along(rng, this.metro, this.metroWeights, 0, 60);
    }
    if (family === 'crowds') return this.crowd(rng, category, town);
    return this.around(rng, town);
  }

  /** A camera at a kind of site (command room, school gate, market, bridge…) in `town`. */
  camera(rng: Rng, site: string, town: TownSeed): Placed {
    if (site === '学校门口') return this.onBuilding(rng, town, 'school', 15);
    if (site === '小区出入口') return this.onBuilding(rng, town, 'housing', 15);
    if (site === '商圈') return this.onBuilding(rng, town, 'commercial', 15);
    if (site === '农贸市场') return this.onBuilding(rng, town, 'market', 15);
    if (site === '桥头' || site === '防汛监测点') {
      // the town's own lake shores and river bank, when it has any
      const segs = this.wetSegments(town);
      if (!segs.length) return this.around(rng, town);
      return (
        this.inTown(rng, town, () =>
          this.along(
            rng,
            segs,
            segs.map((x) => x.len),
            20,
            120,
          ),
        ) ?? this.around(rng, town)
      );
    }
    if (site === '公交站')
      return this.inTown(rng, town, () => this.near(rng, rng.pick(this.stations), 200)) ?? this.around(rng, town);
    if (site === '重点部位')
      return this.inTown(rng, town, () => this.near(rng, rng.pick(this.landmarks), 80)) ?? this.around(rng, town);
    return this.around(rng, town);
  }

  private finish(rawLon: number, rawLat: number, landmark: string | null): Placed {
    // rounded as stored, so the town is the one nearest to the stored point
    const lon = Math.round(rawLon * 1e6) / 1e6;
    const lat = Math.round(rawLat * 1e6) / 1e6;
    return { lon, lat, town: nearestTown(lon, lat), landmark: landmark ?? this.landmarkNear(lon, lat) };
  }

  private landmarkNear(lon: number, lat: number, withinM = 500): string | null {
    let best: string | null = null;
    let d = (withinM / M) ** 2;
    for (const l of this.landmarks) {
      const dd = ((l.lon - lon) * COS) ** 2 + (l.lat - lat) ** 2;
      if (dd < d) {
        d = dd;
        best = l.name;
      }
    }
    return best;
  }

  private around(rng: Rng, town: TownSeed): Placed {
    const [lon, lat] = jitterAround(rng, town, this.outline);
    return this.finish(lon, lat, null);
  }

  private wetSegments(town: TownSeed): Segment[] {
    const key = `${town.code}|wet`;
    let segs = this.wetCache.get(key);
    if (!segs) {
      segs = [...this.waterEdges, ...this.bank].filter(
        (x) => nearestTown((x.ax + x.bx) / 2, (x.ay + x.by) / 2).code === town.code,
      );
      this.wetCache.set(key, segs);
    }
    return segs;
  }

  /** Tries a placement up to 40 times until it falls in `town`'s area (null when it never does). */
  private inTown(rng: Rng, town: TownSeed, f: () => Placed): Placed | null {
    for (let k = 0; k < 40; k++) {
      const p = f();
      if (p.town.code === town.code) return p;
    }
    return null;
  }

  /** A point inside a footprint of the town that `ok` accepts (edgeM > 0: on its outline, a gate). */
  private onBuilding(rng: Rng, town: TownSeed, kind: BuildingKind, edgeM = 0): Placed {
    const key = `${town.code}|${kind}`;
    let list = this.kindCache.get(key);
    if (!list) {
      const ok = KINDS[kind];
      list = (this.byTown.get(town.code) ?? []).filter(ok);
      // a town with none of its own: those within 3 km of its centre
      if (!list.length)
        list = this.buildings.filter((b) => ok(b) && Math.hypot((b.cx - town.lon) * COS, b.cy - town.lat) * M < 3_000);
      this.kindCache.set(key, list);
    }
    if (!list.length) return this.around(rng, town);
    const b = rng.pick(list);
    if (edgeM > 0) {
      const k = rng.int(0, b.ring.length / 2 - 1) * 2;
      return this.finish(b.ring[k], b.ring[k + 1], b.name);
    }
    for (let k = 0; k < 30; k++) {
      const lon = b.box[0] + rng.next() * (b.box[2] - b.box[0]);
      const lat = b.box[1] + rng.next() * (b.box[3] - b.box[1]);
      if (pointInRing(lon, lat, pairs(b.ring))) return this.finish(lon, lat, b.name);
    }
    return this.finish(b.cx, b.cy, b.name);
  }

  private onSlopes(rng: Rng): Placed {
    for (let k = 0; k < 50; k++) {
      const s = rng.weighted(SLOPES, [1, 1]);
      const lon = s.lon + (rng.normal() * s.sdM) / (M * COS);
      const lat = s.lat + (rng.normal() * s.sdM) / M;
      if (pointInRing(lon, lat, this.outline)) return this.finish(lon, lat, null);
    }
    return this.finish(SLOPES[0].lon, SLOPES[0].lat, SLOPES[0].name);
  }

  /** Beside a lake or reservoir: off its edge by 20–120 m, on the dry side. */
  private byWater(rng: Rng): Placed {
    let p = this.along(rng, this.waterEdges, this.waterWeights, 20, 120);
    for (let k = 0; k < 20 && this.inWater(p.lon, p.lat); k++)
      p = this.along(rng, this.waterEdges, this.waterWeights, 20, 120);
    return p;
  }

  inWater(lon: number, lat: number): boolean {
    return this.water.some(
      (w) => lon >= w.box[0] && lon <= w.box[2] && lat >= w.box[1] && lat <= w.box[3] && pointInRing(lon, lat, w.ring),
    );
  }

  /** On a segment picked by length, moved sideways by minM–maxM (either side), inside the outline. */
  private along(rng: Rng, segs: Segment[], weights: number[], minM: number, maxM: number): Placed {
    for (let k = 0; k < 50; k++) {
      const s = rng.weighted(segs, weights);
      const t = rng.next();
      const off = (minM + rng.next() * (maxM - minM)) * (rng.next() < 0.5 ? -1 : 1);
      const nx = (-(s.by - s.ay) * M) / s.len; // unit normal, in metres per metre
      const ny = ((s.bx - s.ax) * COS * M) / s.len;
      const lon = s.ax + (s.bx - s.ax) * t + (nx * off) / (M * COS);
      const lat = s.ay + (s.by - s.ay) * t + (ny * off) / M;
      if (pointInRing(lon, lat, this.outline)) return this.finish(lon, lat, s.name);
    }
    const s = segs[0];
    return this.finish(s.ax, s.ay, s.name);
  }

  private near(rng: Rng, at: { name: string; lon: number; lat: number }, sdM: number): Placed {
    for (let k = 0; k < 50; k++) {
      const lon = at.lon + (rng.normal() * sdM) / (M * COS);
      const lat = at.lat + (rng.normal() * sdM) / M;
      if (pointInRing(lon, lat, this.outline)) return this.finish(lon, lat, at.name);
    }
    return this.finish(at.lon, at.lat, at.name);
  }

  private crowd(rng: Rng, category: string, town: TownSeed): Placed {
    const place = (name: string) => PLACES.find((p) => p.name === name)!;
    if (category === '交通枢纽') {
      const hubs = [place('沙坪坝站'), place('重庆西站'), ...this.stations];
      return this.near(rng, rng.pick(hubs), 150);
    }
    if (category === '景区古镇') return this.near(rng, place('磁器口古镇'), 300);
    if (category === '商圈步行街' || category === '夜间经济街区')
      return this.near(rng, rng.pick([place('三峡广场'), place('沙坪坝站')]), 350);
    if (category === '学校周边') return this.onBuilding(rng, town, 'school', 15);
    if (category === '农贸市场') return this.onBuilding(rng, town, 'market', 15);
    // stadiums, venues, hospitals, religious sites: the named places and named buildings
    return rng.next() < 0.5 ? this.near(rng, rng.pick(PLACES), 400) : this.onBuilding(rng, town, 'named', 15);
  }
}

function pairs(flat: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flat.length; i += 2) out.push([flat[i], flat[i + 1]]);
  return out;
}
