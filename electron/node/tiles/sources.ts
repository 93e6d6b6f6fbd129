// The web sources an officer added (kept in the store), resolved from what was typed into what the
// console fetches: an XYZ template, a Tianditu preset with its key, a RESTful WMTS template, or a WMTS
// service read from its capabilities. A source whose datum cannot be corrected is refused with the
// reason; one in GCJ-02 is kept and flagged so windows draw it through a corrected tiling scheme.
import type { Db } from '../../../native/sqlite/open';
import { ServiceError } from '../../common/errors';
import { resolveDatum } from '../../common/tiles/datum';
import {
  mapSourceSchema,
  tiandituSource,
  wmtsRestTemplate,
  type MapSource,
  type SourceInput,
  type TiandituLayer,
} from '../../common/tiles/sources';
import { parseCapabilities, resolveWmts, WmtsError } from './wmts';

const refused = (field: string, message: string) => new ServiceError('rejected', message, { field });

export class SourceStore {
  private readonly sql;
  private cache: Map<string, MapSource> | null = null;

  constructor(
    db: Db,
    private readonly now: () => number,
  ) {
    this.sql = {
      all: db.prepare('SELECT config_json FROM map_sources ORDER BY created_at, id').pluck(),
      upsert: db.prepare(
        `INSERT INTO map_sources (id, kind, config_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, config_json = excluded.config_json, updated_at = excluded.updated_at`,
      ),
      del: db.prepare('DELETE FROM map_sources WHERE id = ?'),
    };
  }

  list(): MapSource[] {
    return [...this.load().values()];
  }

  get(id: string): MapSource | null {
    return this.load().get(id) ?? null;
  }

  put(s: MapSource): void {
    const t = this.now();
    this.sql.upsert.run(s.id, s.kind, JSON.stringify(mapSourceSchema.parse(s)), t, t);
    this.cache = null;
  }

  remove(id: string): boolean {
    const n = this.sql.del.run(id).changes;
    this.cache = null;
    return n > 0;
  }

  private load(): Map<string, MapSource> {
    if (this.cache) return this.cache;
    const m = new Map<string, MapSource>();
    for (const j of this.sql.all.all() as string[]) {
      const r = mapSourceSchema.safeParse(JSON.parse(j));
      if (r.success) m.set(r.data.id, r.data);
    }
    this.cache = m;
    return m;
  }
}

export interface ResolveDeps {
  fetch: typeof fetch;
  timeoutMs?: number;
}

async function fetchCapabilities(url: string, deps: ResolveDeps): Promise<string> {
  const u = new URL(url);
  if (![...u.searchParams.keys()].some((k) => k.toLowerCase() === 'request')) {
    u.searchParams.set('SERVICE', 'WMTS');
    u.searchParams.set('REQUEST', 'GetCapabilities');
    u.searchParams.set('VERSION', '1.0.0');
  }
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), deps.timeoutMs ?? 15_000);
  try {
    const res = await deps.fetch(u, { signal: ctrl.signal });
    if (!res.ok) throw refused('url', `the WMTS service answered HTTP ${res.status} to GetCapabilities`);
    return await res.text();
  } catch (e) {
    if (e instanceof ServiceError) throw e;
    const why = ctrl.signal.aborted ? 'timed out' : ((e as Error).cause as Error)?.message || (e as Error).message;
    throw new ServiceError('unavailable', `cannot read the WMTS capabilities at ${u.origin}: ${why}`, { field: 'url' });
  } finally {
    clearTimeout(timer);
  }
}

/** What a typed-in source becomes, or a refusal naming the field. */
export async function resolveSource(input: SourceInput, deps: ResolveDeps): Promise<MapSource> {
  const name = input.name;
  let base: Omit<MapSource, 'datum' | 'corrected' | 'provider'> & { provider?: string | null };
  if (input.kind === 'xyz') {
    if (input.url.includes('{s}') && !input.subdomains?.length)
      throw refused('subdomains', 'the template has {s}: list its subdomains');
    base = {
      id: input.id,
      kind: 'xyz',
      name: name ?? input.id,
      attribution: input.attribution ?? '',
      role: input.role ?? 'base',
      minZoom: input.minZoom ?? 0,
      maxZoom: input.maxZoom ?? 18,
      template: input.url,
      subdomains: input.subdomains ?? [],
      matrixIds: null,
      preset: null,
    };
  } else if (input.preset) {
    if (!input.tk) throw refused('tk', 'a Tianditu source needs its key (tk)');
    const layer = input.preset.replace('tianditu-', '') as TiandituLayer;
    const t = tiandituSource(input.id, layer, input.tk, { name, attribution: input.attribution });
    base = {
      ...t,
      minZoom: input.minZoom ?? t.minZoom,
      maxZoom: input.maxZoom ?? t.maxZoom,
      role: input.role ?? t.role,
    };
  } else {
    if (!input.url) throw refused('url', 'a WMTS source needs the service URL (or a Tianditu preset)');
    let template: string;
    let matrixIds: string[] | null = null;
    let minZoom = input.minZoom ?? 0;
    let maxZoom = input.maxZoom ?? 18;
    let title = input.id;
    if (/\{TileMatrix\}/i.test(input.url)) {
      template = wmtsRestTemplate(input.url, {
        style: input.style ?? 'default',
        tileMatrixSet: input.tileMatrixSet ?? 'GoogleMapsCompatible',
      });
    } else {
      let r;
      try {
        const caps = parseCapabilities(await fetchCapabilities(input.url, deps));
        r = resolveWmts(caps, input, input.tk ? { tk: input.tk } : {});
      } catch (e) {
        if (e instanceof WmtsError) throw refused(/layer/.test(e.message) ? 'layer' : 'url', e.message);
        throw e;
      }
      template = r.template;
      matrixIds = r.matrixIds;
      minZoom = Math.max(minZoom, r.minZoom);
      maxZoom = Math.min(maxZoom, r.maxZoom);
      title = r.title;
    }
    base = {
      id: input.id,
      kind: 'wmts',
      name: name ?? title,
      attribution: input.attribution ?? '',
      role: input.role ?? 'base',
      minZoom,
      maxZoom,
      template,
      subdomains: input.subdomains ?? [],
      matrixIds,
      preset: null,
    };
  }
  if (base.minZoom > base.maxZoom) throw refused('minZoom', `minZoom ${base.minZoom} is above maxZoom ${base.maxZoom}`);
  const d = resolveDatum(base.template, input.datum);
  if ('refused' in d) throw refused('datum', d.refused);
  return {
    ...base,
    datum: d.datum,
    corrected: d.datum === 'gcj02',
    provider: base.provider ?? d.provider,
  };
}
