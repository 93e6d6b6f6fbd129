// The maps service: layers (schematic basemap, MBTiles files, web sources and their caches), adding and
// removing web sources, and region downloads. Windows reach it over the contract; the host serves the
// same through /api/maps and the tiles themselves through /tiles.
import type { IMapsService, DownloadAction } from '../../common/contract/maps';
import { ServiceError } from '../../common/errors';
import { AreaError, resolveArea, type AreaContext, type AreaPick } from '../../common/tiles/areas';
import {
  MAX_DOWNLOAD_TILES,
  type DownloadEstimate,
  type DownloadRequest,
  type DownloadStatus,
} from '../../common/tiles/download';
import { DEFAULT_TILE_BYTES } from '../../common/tiles/format';
import { tilePath, type MapLayer } from '../../common/tiles/layers';
import { SCHEMATIC_ATTRIBUTION, SCHEMATIC_ID, type SchematicData } from '../../common/tiles/schematic';
import { maskedTemplate, type MapSource, type SourceInput } from '../../common/tiles/sources';
import { Emitter } from '../events';
import type { DownloadSpec } from './downloadRepo';
import type { Downloads, DownloadSource } from './downloads';
import type { LayerFiles } from './layerFiles';
import type { MBTiles } from './mbtiles';
import { resolveSource, type SourceStore } from './sources';
import type { SourceCaches, TileStore } from './tileStore';
import type { Upstream } from './upstream';

export interface MapsServiceDeps {
  files: LayerFiles;
  caches: SourceCaches;
  sources: SourceStore;
  store: TileStore;
  upstream: Upstream;
  downloads: Downloads;
  schematic: SchematicData;
  area: AreaContext;
  newId: () => string;
  fetch: typeof fetch;
}

const notFound = (what: string) => new ServiceError('not-found', what);

export class MapsService implements IMapsService {
  private readonly layersChanged = new Emitter<{ at: number }>();
  /** windows not served by the host (Electron's lianqin://app) fetch tiles from the host's address */
  private tileBase = '';
  readonly onDidChangeLayers = this.layersChanged.event;
  readonly onDidChangeDownload;

  constructor(private readonly deps: MapsServiceDeps) {
    this.onDidChangeDownload = deps.downloads.onDidChange;
  }

  async layers(): Promise<MapLayer[]> {
    const d = this.deps;
    d.files.scan();
    const out: MapLayer[] = [this.schematicLayer()];
    for (const f of d.files.list())
      out.push({
        ...this.heldLayer(f.id, f.tiles),
        kind: 'mbtiles',
        description: f.tiles.meta.description,
        file: f.file,
      });
    const taken = new Set(out.map((l) => l.id));
    for (const s of d.sources.list()) {
      if (taken.has(s.id)) continue;
      taken.add(s.id);
      out.push(this.sourceLayer(s));
    }
    // caches whose source is gone (or came in a field package) still serve what they hold
    for (const id of d.caches.ids()) {
      if (taken.has(id)) continue;
      const description = 'offline copy (no web source configured)';
      out.push({ ...this.heldLayer(id, d.caches.get(id)), kind: 'source', description, file: null });
    }
    return out;
  }

  /** a layer served from an MBTiles file the console holds: what its metadata and contents say */
  private heldLayer(id: string, tiles: MBTiles): Omit<MapLayer, 'kind' | 'description' | 'file'> {
    const m = tiles.meta;
    const st = tiles.stats();
    return {
      id,
      name: m.name,
      role: m.type === 'overlay' ? 'overlay' : 'base',
      format: m.format,
      minZoom: m.minZoom ?? 0,
      maxZoom: m.maxZoom ?? 18,
      bounds: m.bounds,
      attribution: m.attribution,
      datum: m.datum,
      corrected: m.datum === 'gcj02',
      tileUrl: this.tileBase + tilePath(id),
      tilesHeld: st.tiles,
      bytesHeld: st.bytes,
      reach: 'local',
      provider: null,
      sourceKind: null,
      template: null,
    };
  }

  async addSource(input: SourceInput): Promise<MapLayer> {
    const d = this.deps;
    if (input.id === SCHEMATIC_ID)
      throw new ServiceError('conflict', `'${SCHEMATIC_ID}' is the embedded basemap`, { field: 'id' });
    d.files.scan();
    if (d.files.list().some((f) => f.id === input.id))
      throw new ServiceError('conflict', `an MBTiles layer is already called '${input.id}'`, { field: 'id' });
    const src = await resolveSource(input, { fetch: d.fetch });
    d.sources.put(src);
    // the cache records what it holds, so an offline copy still says where it came from
    d.caches.get(src.id).setMeta({
      name: src.name,
      attribution: src.attribution,
      type: src.role === 'overlay' ? 'overlay' : 'baselayer',
      minzoom: String(src.minZoom),
      maxzoom: String(src.maxZoom),
      'lianqin:datum': src.datum,
    });
    this.layersChanged.fire({ at: Date.now() });
    return this.sourceLayer(src);
  }

  async removeSource(id: string): Promise<void> {
    if (!this.deps.sources.remove(id)) throw notFound(`no web source ${id}`);
    this.layersChanged.fire({ at: Date.now() });
  }

  async estimateDownload(req: DownloadRequest): Promise<DownloadEstimate> {
    const { src, spec } = this.plan(req);
    return this.deps.downloads.estimate(src, spec, spec.area.label, this.avgBytes(src.id));
  }

  async startDownload(req: DownloadRequest): Promise<DownloadStatus> {
    const { src, spec } = this.plan(req);
    const est = this.deps.downloads.estimate(src, spec, spec.area.label, this.avgBytes(src.id));
    if (est.tilesTotal > MAX_DOWNLOAD_TILES) {
      throw new ServiceError(
        'rejected',
        `${est.tilesTotal} tiles is more than one download may take (${MAX_DOWNLOAD_TILES}); narrow the area or lower maxZoom`,
        { field: 'maxZoom' },
      );
    }
    return this.deps.downloads.create(this.deps.newId(), src, spec, est.bytesEstimate);
  }

  async downloads(): Promise<DownloadStatus[]> {
    return this.deps.downloads.list();
  }

  async download(id: string): Promise<DownloadStatus | null> {
    return this.deps.downloads.status(id);
  }

  async controlDownload(id: string, action: DownloadAction): Promise<DownloadStatus> {
    const dl = this.deps.downloads;
    const cur = dl.status(id);
    if (!cur) throw notFound(`no download ${id}`);
    let out: DownloadStatus | null;
    if (action === 'pause') out = await dl.pause(id);
    else if (action === 'cancel') out = await dl.cancel(id);
    else {
      const src = this.downloadSource(cur.source);
      if (!src) throw new ServiceError('conflict', `the source ${cur.source} of this download no longer exists`);
      out = dl.resume(id, src);
    }
    return out!;
  }

  /** The host's address (Electron): layers then name absolute tile URLs. */
  setTileBase(url: string): void {
    this.tileBase = url.replace(/\/$/, '');
    this.layersChanged.fire({ at: Date.now() });
  }

  async schematic(): Promise<SchematicData> {
    return this.deps.schematic;
  }

  /** What a download of this id fetches from (a web source, or the drawn schematic basemap). */
  downloadSource(id: string): DownloadSource | null {
    const r = this.deps.store.renderer(id);
    if (r) return { id, datum: 'wgs84', minZoom: r.minZoom, maxZoom: r.maxZoom };
    const s = this.deps.sources.get(id);
    return s ? { id, datum: s.datum, minZoom: s.minZoom, maxZoom: s.maxZoom } : null;
  }

  private plan(req: DownloadRequest): { src: DownloadSource; spec: DownloadSpec } {
    const src = this.downloadSource(req.source);
    if (!src) {
      const local = this.deps.files.get(req.source);
      throw local
        ? new ServiceError('bad-request', `${req.source} is an MBTiles file: it is already offline`, {
            field: 'source',
          })
        : notFound(`no web source ${req.source}`);
    }
    if (req.minZoom < src.minZoom || req.maxZoom > src.maxZoom) {
      const field = req.minZoom < src.minZoom ? 'minZoom' : 'maxZoom';
      throw new ServiceError('bad-request', `${src.id} has zoom ${src.minZoom} to ${src.maxZoom}`, { field });
    }
    const pick: AreaPick = req.bbox
      ? { bbox: req.bbox }
      : req.polygon
        ? { polygon: req.polygon }
        : req.townCode
          ? { townCode: req.townCode }
          : { incidentId: req.incidentId!, radiusM: req.radiusM! };
    try {
      const area = resolveArea(pick, this.deps.area);
      return { src, spec: { area, minZoom: req.minZoom, maxZoom: req.maxZoom } };
    } catch (e) {
      if (e instanceof AreaError) {
        throw new ServiceError(e.field === 'incidentId' ? 'not-found' : 'bad-request', e.message, { field: e.field });
      }
      throw e;
    }
  }

  private avgBytes(id: string): number {
    const d = this.deps;
    if (d.caches.exists(id)) {
      const st = d.caches.get(id).stats();
      if (st.tiles >= 20) return st.bytes / st.tiles;
    }
    const s = d.sources.get(id);
    if (s?.preset === 'tianditu-img' || /satellite|imagery|img/i.test(s?.name ?? '')) return DEFAULT_TILE_BYTES.imagery;
    return s?.role === 'overlay' ? DEFAULT_TILE_BYTES.overlay : DEFAULT_TILE_BYTES.base;
  }

  private schematicLayer(): MapLayer {
    const r = this.deps.store.renderer(SCHEMATIC_ID);
    const st = this.deps.caches.exists(SCHEMATIC_ID)
      ? this.deps.caches.get(SCHEMATIC_ID).stats()
      : { tiles: 0, bytes: 0 };
    return {
      id: SCHEMATIC_ID,
      kind: 'schematic',
      name: '示意底图 schematic basemap',
      role: 'base',
      format: 'png',
      minZoom: r?.minZoom ?? 10,
      maxZoom: r?.maxZoom ?? 18,
      bounds: r?.extent ? [...r.extent] : null,
      attribution: SCHEMATIC_ATTRIBUTION,
      description:
        'outline (approximate), rivers, water, metro lines and stations, building footprints, town labels; no streets',
      datum: 'wgs84',
      corrected: false,
      tileUrl: this.tileBase + tilePath(SCHEMATIC_ID),
      tilesHeld: st.tiles,
      bytesHeld: st.bytes,
      reach: 'local',
      provider: null,
      sourceKind: null,
      template: null,
      file: null,
    };
  }

  private sourceLayer(s: MapSource): MapLayer {
    const c = this.deps.caches.exists(s.id) ? this.deps.caches.get(s.id).stats() : { tiles: 0, bytes: 0 };
    return {
      id: s.id,
      kind: 'source',
      name: s.name,
      role: s.role,
      format: null,
      minZoom: s.minZoom,
      maxZoom: s.maxZoom,
      bounds: null,
      attribution: s.attribution,
      description: s.provider ?? '',
      datum: s.datum,
      corrected: s.corrected,
      tileUrl: this.tileBase + tilePath(s.id),
      tilesHeld: c.tiles,
      bytesHeld: c.bytes,
      reach: this.deps.upstream.reachOf(s.id).state,
      provider: s.provider,
      sourceKind: s.kind,
      template: maskedTemplate(s.template),
      file: null,
    };
  }
}
