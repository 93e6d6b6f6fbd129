// Exporting an area package: for a box or an incident and a radius, and a time window, everything an
// on-site commander needs with no network — basemap tiles at the chosen zooms, risk points, cameras,
// docks, incidents with their full timelines, the response plans that apply and the snapshots taken.
import { circleRing, haversineM } from '../../common/geo';
import type { CameraDto, DroneNestDto, ResponsePlanDto, RiskCategoryDto, RiskPointSummary } from '../../common/dto';
import type { Incident, IncidentEvent } from '../../common/dispatch/types';
import type { DockDto } from '../../common/drones/types';
import { ServiceError } from '../../common/errors';
import type { Area } from '../../common/tiles/cover';
import { coverLevels } from '../../common/tiles/cover';
import {
  PACKAGE_FORMAT,
  PACKAGE_FORMAT_VERSION,
  type ExportRequest,
  type PackageManifest,
  type PackageProgress,
} from '../../common/tiles/manifest';
import { bboxOfRing, type BBoxArr } from '../../common/tiles/mercator';
import { SCHEMATIC_ATTRIBUTION } from '../../common/tiles/schematic';
import type { SnapshotDto } from '../../common/video/types';
import type { Db } from '../../../native/sqlite/open';
import type { SnapshotStore } from '../video/snapshots';
import { tileEntries, tileLayerIds, type TileAccess } from './tiles';
import { manifestEntries, writeZip, type Entry } from './zipfile';

export const DAY_MS = 86_400_000;
/** an area package is called old after a day: the laptop says so */
export const STALE_AFTER_MS = DAY_MS;

export interface ExportSources {
  db: Db;
  consoleId: string;
  version: string;
  now: () => number;
  incident: (id: string) => Incident | null;
  timeline: (id: string) => IncidentEvent[];
  riskPoints: (bbox: BBoxArr) => RiskPointSummary[];
  cameras: () => CameraDto[];
  nests: () => DroneNestDto[];
  docks: () => Promise<DockDto[]>;
  categories: () => RiskCategoryDto[];
  plan: (id: string) => ResponsePlanDto | null;
  snapshots: SnapshotStore;
  tiles: TileAccess;
}

export const json = (v: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(v));

/** The area a request names, as a box and (for a radius) a circle. */
export function exportArea(req: ExportRequest, incident: (id: string) => Incident | null) {
  if (req.bbox) {
    const b = req.bbox;
    return {
      area: { bbox: b } as Area,
      bbox: b,
      center: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] as [number, number],
      inside: (lon: number, lat: number) => lon >= b[0] && lon <= b[2] && lat >= b[1] && lat <= b[3],
      label: `bbox ${b.map((v) => v.toFixed(4)).join(',')}`,
      radiusM: null,
      incidentId: null,
    };
  }
  const i = incident(req.incidentId!);
  if (!i) throw new ServiceError('not-found', `no incident ${req.incidentId}`, { field: 'incidentId' });
  const { lon, lat } = i.report;
  const r = req.radiusM!;
  const ring = circleRing(lon, lat, r, 48);
  return {
    area: { ring } as Area,
    bbox: bboxOfRing(ring),
    center: [lon, lat] as [number, number],
    inside: (x: number, y: number) => haversineM(lon, lat, x, y) <= r,
    label: `${Math.round(r)} m around incident ${i.ref} ${i.report.title}`,
    radiusM: r,
    incidentId: i.id,
  };
}

/** Incidents reported in the area that were open, or had anything happen, in the window. */
function incidentIds(db: Db, bbox: BBoxArr, since: number): string[] {
  return db
    .prepare(
      `SELECT id FROM incidents
       WHERE json_extract(state_json, '$.report.lon') BETWEEN ? AND ?
         AND json_extract(state_json, '$.report.lat') BETWEEN ? AND ?
         AND (open = 1 OR reported_at >= ? OR COALESCE(closed_at, resolved_at, 0) >= ?)
       ORDER BY reported_at, id`,
    )
    .pluck()
    .all(bbox[0], bbox[2], bbox[1], bbox[3], since, since) as string[];
}

export async function buildAreaPackage(
  s: ExportSources,
  req: ExportRequest,
  id: string,
  creator: { id: string; name: string },
  progress: (p: Omit<PackageProgress, 'id' | 'op'>) => void,
): Promise<{ manifest: PackageManifest; zip: Uint8Array }> {
  const now = s.now();
  const a = exportArea(req, s.incident);
  const since = req.since ?? now - 30 * DAY_MS;
  if (since > now) throw new ServiceError('bad-request', 'since is in the future', { field: 'since' });

  progress({
    phase: 'tiles',
    done: 0,
    total: coverLevels(a.area, req.minZoom, req.maxZoom).reduce((n, l) => n + l.count, 0),
  });
  const layers = req.layers ?? tileLayerIds(s.tiles);
  let tileCount = 0;
  const tiles = tileEntries(s.tiles, layers, a.area, req.minZoom, req.maxZoom, () => {
    if (++tileCount % 200 === 0) progress({ phase: 'tiles', done: tileCount, total: 0 });
  });

  progress({ phase: 'data', done: 0, total: 5 });
  const riskPoints = s.riskPoints(a.bbox).filter((p) => a.inside(p.lon, p.lat));
  const cameras = s.cameras().filter((c) => a.inside(c.lon, c.lat));
  const nests = s
    .nests()
    .filter((n) => haversineM(n.lon, n.lat, a.center[0], a.center[1]) <= n.coverageRadiusM + (a.radiusM ?? 0));
  const dockSns = new Set(nests.map((n) => n.dockSn));
  const docks = (await s.docks()).filter((d) => dockSns.has(d.sn));
  progress({ phase: 'data', done: 2, total: 5 });

  const ids = incidentIds(s.db, a.bbox, since).filter((iid) => {
    const i = s.incident(iid)!;
    return a.inside(i.report.lon, i.report.lat) || iid === a.incidentId;
  });
  if (a.incidentId && !ids.includes(a.incidentId)) ids.push(a.incidentId);
  const incidents = ids.map((iid) => ({ incident: s.incident(iid)!, events: s.timeline(iid) }));
  const planOf = new Map(s.categories().map((c) => [c.id, c.planId]));
  const planIds = new Set(riskPoints.map((p) => planOf.get(p.categoryId)).filter((x): x is string => !!x));
  const plans = [...planIds]
    .sort()
    .map((pid) => s.plan(pid))
    .filter((p): p is ResponsePlanDto => !!p);
  progress({ phase: 'data', done: 4, total: 5 });

  const snapshots: SnapshotDto[] = ids.flatMap((iid) => s.snapshots.byIncident(iid)).filter((x) => x.at >= since);
  const snapEntries: Entry[] = [];
  const snapRows: SnapshotDto[] = [];
  for (const snap of snapshots) {
    const bytes = s.snapshots.read(snap);
    if (!bytes) continue;
    snapEntries.push({ path: `snapshots/${snap.id}.jpg`, data: bytes });
    snapRows.push({ ...snap, file: `snapshots/${snap.id}.jpg` });
  }
  const entries: Entry[] = [
    { path: 'data/risk-points.json', data: json(riskPoints) },
    { path: 'data/cameras.json', data: json(cameras) },
    { path: 'data/docks.json', data: json({ nests, docks }) },
    { path: 'data/incidents.json', data: json(incidents) },
    { path: 'data/plans.json', data: json(plans) },
    { path: 'data/snapshots.json', data: json(snapRows) },
    ...tiles.entries,
    ...snapEntries,
  ];
  progress({ phase: 'checksums', done: 0, total: entries.length });
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    id,
    kind: 'area',
    created: now,
    createdIso: new Date(now).toISOString(),
    creator,
    console: { id: s.consoleId, version: s.version },
    bbox: a.bbox,
    area: { label: a.label, center: a.center, radiusM: a.radiusM, incidentId: a.incidentId },
    validity: { from: since, to: now, staleAfter: now + STALE_AFTER_MS },
    zooms: { min: req.minZoom, max: req.maxZoom },
    attribution: [SCHEMATIC_ATTRIBUTION, ...tiles.attribution],
    counts: {
      tiles: tiles.tiles,
      riskPoints: riskPoints.length,
      cameras: cameras.length,
      nests: nests.length,
      docks: docks.length,
      incidents: incidents.length,
      events: incidents.reduce((n, i) => n + i.events.length, 0),
      plans: plans.length,
      snapshots: snapRows.length,
    },
    journal: null,
    entries: manifestEntries(entries),
  };
  progress({ phase: 'zip', done: 0, total: 1 });
  const zip = writeZip(manifest, entries);
  progress({ phase: 'done', done: 1, total: 1 });
  return { manifest, zip };
}
