// Field data packages: export an area for the on-site commander's laptop, import a package (checked
// entry by entry before anything is applied), and return the laptop's journal to the centre. Files go to
// <data>/field; an imported area's data stays there for the laptop window (`current`).
import fs from 'node:fs';
import path from 'node:path';
import type { IFieldPackagesService, FieldArea } from '../../common/contract/fieldPackages';
import type { IncidentEvent } from '../../common/dispatch/types';
import { ServiceError } from '../../common/errors';
import type {
  ExportRequest,
  ImportReport,
  PackageInfo,
  PackageManifest,
  PackageProgress,
} from '../../common/tiles/manifest';
import { PACKAGE_FORMAT, PACKAGE_FORMAT_VERSION } from '../../common/tiles/manifest';
import type { SnapshotDto } from '../../common/video/types';
import { Emitter } from '../events';
import { buildAreaPackage, json, type ExportSources } from './exporter';
import { applyEvents, journalSince, type LedgerPort } from './journal';
import { infoOf, PackageRepo } from './repo';
import { mergeTiles } from './tiles';
import { manifestEntries, readZip, writeZip, type Entry } from './zipfile';

export interface FieldPackagesDeps extends ExportSources {
  dataDir: string;
  ledger: LedgerPort;
  announce: (incidents: import('../../common/dispatch/types').Incident[]) => void;
  focus: (lon: number, lat: number) => Promise<unknown>;
  newId: () => string;
  log: (line: string) => void;
}

const DEFAULT_CREATOR = { id: 'duty-desk', name: '值班席' };
const decode = <T>(b: Uint8Array | undefined, fallback: T): T =>
  b ? (JSON.parse(new TextDecoder().decode(b)) as T) : fallback;

export class FieldPackagesService implements IFieldPackagesService {
  private readonly progressed = new Emitter<PackageProgress>();
  readonly onDidProgress = this.progressed.event;
  readonly repo: PackageRepo;
  readonly dir: string;

  constructor(private readonly d: FieldPackagesDeps) {
    this.repo = new PackageRepo(d.db);
    this.dir = path.join(d.dataDir, 'field');
  }

  async exportPackage(req: ExportRequest): Promise<PackageInfo> {
    const id = this.d.newId();
    const progress = (p: Omit<PackageProgress, 'id' | 'op'>) => this.progressed.fire({ id, op: 'export', ...p });
    const { manifest, zip } = await buildAreaPackage(this.d, req, id, req.creator ?? DEFAULT_CREATOR, progress);
    return this.keep(manifest, zip);
  }

  /** The laptop's journal since its first imported area package, as a package for the centre. */
  async returnPackage(creator = DEFAULT_CREATOR): Promise<PackageInfo> {
    const first = this.repo.firstImport();
    if (!first) {
      throw new ServiceError(
        'conflict',
        'this console has not taken in a field package: there is no field journal to return',
      );
    }
    const id = this.d.newId();
    const progress = (p: Omit<PackageProgress, 'id' | 'op'>) => this.progressed.fire({ id, op: 'return', ...p });
    const now = this.d.now();
    progress({ phase: 'journal', done: 0, total: 1 });
    const events = journalSince(this.d.ledger, this.d.consoleId, first.localSeq);
    const touched = [...new Set(events.map((e) => e.incidentId))];
    const snaps = (
      this.d.db
        .prepare('SELECT id FROM video_snapshots WHERE at >= ? ORDER BY at, id')
        .pluck()
        .all(first.at) as string[]
    )
      .map((sid) => this.d.snapshots.get(sid))
      .filter((s): s is SnapshotDto => !!s);
    const snapEntries: Entry[] = [];
    const snapRows: SnapshotDto[] = [];
    for (const s of snaps) {
      const bytes = this.d.snapshots.read(s);
      if (!bytes) continue;
      snapEntries.push({ path: `snapshots/${s.id}.jpg`, data: bytes });
      snapRows.push({ ...s, file: `snapshots/${s.id}.jpg` });
    }
    const entries: Entry[] = [
      { path: 'data/events.json', data: json(events) },
      { path: 'data/incidents.json', data: json(touched.map((iid) => this.d.incident(iid)).filter(Boolean)) },
      { path: 'data/snapshots.json', data: json(snapRows) },
      ...snapEntries,
    ];
    const area = first.manifest;
    const manifest: PackageManifest = {
      format: PACKAGE_FORMAT,
      formatVersion: PACKAGE_FORMAT_VERSION,
      id,
      kind: 'return',
      created: now,
      createdIso: new Date(now).toISOString(),
      creator,
      console: { id: this.d.consoleId, version: this.d.version },
      bbox: area.bbox,
      area: { ...area.area, label: `field journal for ${area.area.label}` },
      validity: { from: first.at, to: now, staleAfter: now },
      zooms: null,
      attribution: [],
      counts: { events: events.length, incidents: touched.length, snapshots: snapRows.length },
      journal: {
        consoleId: this.d.consoleId,
        fromSeq: first.localSeq + 1,
        toSeq: events.length ? events[events.length - 1].consoleSeq : first.localSeq,
      },
      entries: manifestEntries(entries),
    };
    progress({ phase: 'zip', done: 0, total: 1 });
    const info = this.keep(manifest, writeZip(manifest, entries));
    progress({ phase: 'done', done: 1, total: 1 });
    return info;
  }

  async importPackage(zip: Uint8Array): Promise<ImportReport> {
    const { manifest, entries } = readZip(zip); // refuses, naming the entry, before anything is applied
    const id = manifest.id;
    const progress = (p: Omit<PackageProgress, 'id' | 'op'>) => this.progressed.fire({ id, op: 'import', ...p });
    if (manifest.console.id === this.d.consoleId) {
      throw new ServiceError('conflict', 'this package was made by this console; import it on another one', {
        field: 'body',
      });
    }
    const before = this.repo.get(id);
    const localSeq = this.d.ledger.seqOf(this.d.consoleId);
    progress({ phase: 'tiles', done: 0, total: manifest.counts.tiles ?? 0 });
    let tiles = 0;
    for (const e of manifest.entries) {
      const m = /^tiles\/([a-z0-9][a-z0-9_-]{0,47})\.mbtiles$/.exec(e.path);
      if (m) tiles += mergeTiles(this.d.tiles, m[1], entries.get(e.path)!);
    }
    progress({ phase: 'incidents', done: 0, total: manifest.counts.events ?? 0 });
    const events: IncidentEvent[] =
      manifest.kind === 'return'
        ? decode<IncidentEvent[]>(entries.get('data/events.json'), [])
        : decode<{ events: IncidentEvent[] }[]>(entries.get('data/incidents.json'), []).flatMap((x) => x.events);
    type Brief = { id: string; ref: string; report: { title: string } };
    const briefs =
      manifest.kind === 'return'
        ? decode<Brief[]>(entries.get('data/incidents.json'), [])
        : decode<{ incident: Brief }[]>(entries.get('data/incidents.json'), []).map((x) => x.incident);
    const info = new Map(briefs.map((i) => [i.id, { ref: i.ref, title: i.report.title }]));
    const applied = applyEvents(this.d.db, this.d.ledger, events, (iid) => info.get(iid) ?? { ref: null, title: null });
    if (applied.changed.length) this.d.announce(applied.changed);
    progress({ phase: 'snapshots', done: 0, total: manifest.counts.snapshots ?? 0 });
    let snapshots = 0;
    for (const s of decode<SnapshotDto[]>(entries.get('data/snapshots.json'), [])) {
      const bytes = entries.get(s.file);
      if (!bytes || this.d.snapshots.get(s.id)) continue;
      this.d.snapshots.save(s.id, s.cameraId, s.incidentId, Buffer.from(bytes), s.at);
      snapshots++;
    }
    if (manifest.kind === 'area') this.keepArea(manifest, entries);
    const report: ImportReport = {
      id,
      kind: manifest.kind,
      from: manifest.console.id,
      area: manifest.area.label,
      center: manifest.area.center,
      bbox: manifest.bbox,
      eventsApplied: applied.applied,
      eventsAlreadyHere: applied.already,
      incidentsNew: applied.newIncidents,
      tiles,
      snapshots,
      conflicts: applied.conflicts,
      again: !!before,
    };
    this.repo.put({
      id,
      direction: 'imported',
      manifest,
      file: null,
      bytes: zip.byteLength,
      report,
      localSeq: before?.localSeq ?? localSeq,
      at: before?.at ?? this.d.now(),
    });
    progress({ phase: 'done', done: 1, total: 1 });
    this.d.log(
      `[field] imported ${manifest.kind} package ${id} from ${manifest.console.id}: ${applied.applied} events applied, ` +
        `${applied.already} already here, ${applied.conflicts.length} conflicts, ${tiles} tiles`,
    );
    // the area opens: every window looks there
    if (manifest.kind === 'area') await this.d.focus(manifest.area.center[0], manifest.area.center[1]);
    return report;
  }

  async list(): Promise<PackageInfo[]> {
    return this.repo.list().map(infoOf);
  }

  async current(): Promise<FieldArea | null> {
    const r = this.repo.latestImport();
    if (!r) return null;
    const dir = path.join(this.dir, 'imported', r.id);
    const read = <T>(name: string, fallback: T): T => {
      try {
        return JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as T;
      } catch {
        return fallback;
      }
    };
    const incidents = read<{ incident: { id: string } }[]>('data/incidents.json', []);
    return {
      manifest: r.manifest,
      importedAt: r.at,
      riskPoints: read('data/risk-points.json', []),
      cameras: read('data/cameras.json', []),
      nests: read<{ nests: FieldArea['nests'] }>('data/docks.json', { nests: [] }).nests,
      plans: read('data/plans.json', []),
      incidentIds: incidents.map((i) => i.incident.id),
    };
  }

  /** The zip of a package this console made (null when unknown or gone). */
  file(id: string): { path: string; name: string } | null {
    const r = this.repo.get(id);
    if (!r?.file || r.direction !== 'exported') return null;
    const abs = path.join(this.d.dataDir, r.file);
    return fs.existsSync(abs) ? { path: abs, name: `${r.manifest.kind}-${id}.zip` } : null;
  }

  private keep(manifest: PackageManifest, zip: Uint8Array): PackageInfo {
    fs.mkdirSync(this.dir, { recursive: true });
    const rel = path.posix.join('field', `${manifest.id}.zip`);
    const abs = path.join(this.d.dataDir, rel);
    fs.writeFileSync(`${abs}.part`, zip);
    fs.renameSync(`${abs}.part`, abs);
    const rec = {
      id: manifest.id,
      direction: 'exported' as const,
      manifest,
      file: rel,
      bytes: zip.byteLength,
      report: null,
      localSeq: this.d.ledger.seqOf(this.d.consoleId),
      at: this.d.now(),
    };
    this.repo.put(rec);
    this.d.log(
      `[field] ${manifest.kind} package ${manifest.id}: ${zip.byteLength} bytes, ${JSON.stringify(manifest.counts)}`,
    );
    return infoOf(rec);
  }

  private keepArea(manifest: PackageManifest, entries: Map<string, Uint8Array>): void {
    const dir = path.join(this.dir, 'imported', manifest.id);
    for (const e of manifest.entries) {
      if (!e.path.startsWith('data/')) continue;
      const abs = path.join(dir, e.path);
      fs.mkdirSync(path.dirname(abs), { recursive: true });
      fs.writeFileSync(abs, entries.get(e.path)!);
    }
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 1));
  }
}
