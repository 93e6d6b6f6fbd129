// The flood watch over the live sensors: each station's stage against its levels with 72 hours of hourly
// stages and a forecast (an imported file while it covers the coming hours, else the simple model, named
// as such), the district's hourly rainfall, the points and streets that flood at the forecast peak, and
// the flood-season video links to every town/street (online or not, from the video network's cameras).
import type { Db } from '../../../native/sqlite/open';
import type { IFloodService, ReplayTransition } from '../../common/contract/flood';
import type { CameraDto, TownDto } from '../../common/dto';
import { ServiceError } from '../../common/errors';
import {
  floodedAt,
  ForecastFileError,
  hydrograph,
  importedForecast,
  parseForecastFile,
  simpleForecast,
  type Exposure,
} from '../../common/flood/forecast';
import {
  stageState,
  type Forecast,
  type FloodOverview,
  type ForecastPoint,
  type StationDef,
  type StationStatus,
} from '../../common/flood/types';
import type { IdSource } from '../../common/ids';
import { replay } from '../../common/rules/engine';
import type { SensorRegistry } from '../sensors/registry';
import type { SensorRepo } from '../sensors/repo';
import type { SeriesStore } from '../sensors/series';
import { SENSING_KEYS } from '../sensors/keys';

const H = 3_600_000;

export interface FloodDeps {
  db: Db;
  registry: SensorRegistry;
  repo: SensorRepo;
  series: SeriesStore;
  now: () => number;
  ids: IdSource;
  towns: () => TownDto[];
  cameras: () => CameraDto[];
  /** writes what the sensors took in the last second, so the charts include it */
  flush?: () => void;
}

export class FloodService implements IFloodService {
  private exposureCache: Exposure[] | null = null;

  constructor(private readonly d: FloodDeps) {}

  private stationDefs(): StationDef[] {
    return (this.d.repo.reference<StationDef[]>(SENSING_KEYS.stations) ?? []).sort((a, b) => a.order - b.order);
  }

  private exposure(): Exposure[] {
    this.exposureCache ??= this.d.db
      .prepare(
        `SELECT p.id, p.name, p.town_code AS townCode, p.lon, p.lat, e.flood_stage_m AS floodStageM
         FROM flood_exposure e JOIN risk_points p ON p.id = e.point_id`,
      )
      .all() as Exposure[];
    return this.exposureCache;
  }

  private hourly(sensorId: string, from: number, to: number): ForecastPoint[] {
    const e = this.d.registry.get(sensorId);
    if (!e) return [];
    return this.d.series.series1h(e.rid, from, to).map((p) => ({ t: p.t, stageM: p.mean }));
  }

  /** recent 5-minute stages (the forecast model wants the last hours finely) */
  private recent(sensorId: string, now: number): ForecastPoint[] {
    const e = this.d.registry.get(sensorId);
    if (!e) return [];
    return this.d.series.series5m(e.rid, now - 14 * H, now).map((p) => ({ t: p.t, stageM: p.last }));
  }

  private forecast(s: StationDef, defs: StationDef[], now: number): Forecast | null {
    const row = this.d.db
      .prepare(
        'SELECT issued_at, source, points_json FROM flood_forecasts WHERE station_id = ? ORDER BY issued_at DESC LIMIT 1',
      )
      .get(s.id) as { issued_at: number; source: string; points_json: string } | undefined;
    if (row) {
      const f = importedForecast(
        s.id,
        { issuedAt: row.issued_at, source: row.source, points: JSON.parse(row.points_json) },
        now,
      );
      if (f) return f;
    }
    const upstream = s.id === 'cqk' ? defs.find((x) => x.id === 'beibei') : undefined;
    return simpleForecast(s.id, this.recent(s.sensorId, now), upstream ? this.recent(upstream.sensorId, now) : [], now);
  }

  async stations(): Promise<StationStatus[]> {
    this.d.flush?.();
    const now = this.d.now();
    const defs = this.stationDefs();
    return defs.map((s) => {
      const e = this.d.registry.get(s.sensorId);
      const live = e && e.state.state !== 'no-data' ? e.state : null;
      const stage = live?.lastValue ?? null;
      return {
        ...s,
        stageM: stage,
        stageAt: live?.lastTs ?? null,
        stageState: stageState(stage, s),
        aboveWarningM: stage === null ? null : Math.round((stage - s.warningM) * 100) / 100,
        aboveGuaranteeM: stage === null ? null : Math.round((stage - s.guaranteeM) * 100) / 100,
        hourly: this.hourly(s.sensorId, now - 72 * H, now),
        forecast: this.forecast(s, defs, now),
      };
    });
  }

  async overview(): Promise<FloodOverview> {
    const now = this.d.now();
    this.d.flush?.();
    const stations = await this.stations();
    const cqk = stations.find((s) => s.id === 'cqk') ?? null;
    const peak = cqk?.forecast?.peak?.stageM ?? null;
    const stage =
      peak !== null && cqk?.stageM !== null && cqk?.stageM !== undefined
        ? Math.max(peak, cqk.stageM)
        : (peak ?? cqk?.stageM ?? null);
    const flooded = stage === null ? { points: [], towns: [] } : floodedAt(this.exposure(), stage);
    const towns = this.d.towns();
    const townOf = new Map(towns.map((t) => [t.code, t]));
    const rain = [...this.d.registry.all()].filter((e) => e.kind === 'rain-gauge').map((e) => e.rid);
    const cams = this.d.cameras().filter((c) => c.kind === 'video-network');
    return {
      at: now,
      stations,
      rainfall: this.d.series
        .hourlyMean(rain, now - 72 * H)
        .map((r) => ({ t: r.t, mm: Math.round(r.mean * 100) / 100 })),
      floodStageM: stage,
      floodStageKind: peak !== null ? 'forecast-peak' : 'current',
      floodedPoints: flooded.points.slice(0, 2_000),
      floodedTowns: flooded.towns.map((t) => ({
        townCode: t.townCode,
        name: townOf.get(t.townCode)?.name ?? t.townCode,
        nameEn: townOf.get(t.townCode)?.nameEn ?? t.townCode,
        points: t.points,
      })),
      videoLinks: towns.map((t) => {
        const mine = cams.filter((c) => c.townCode === t.code);
        const online = mine.filter((c) => c.status === 'online').length;
        return {
          townCode: t.code,
          name: t.name,
          nameEn: t.nameEn,
          cameraIds: mine.map((c) => c.id),
          online,
          total: mine.length,
          linked: online > 0,
        };
      }),
    };
  }

  async importForecast(text: string, stationId?: string): Promise<Forecast> {
    const now = this.d.now();
    let f: ReturnType<typeof parseForecastFile>;
    try {
      f = parseForecastFile(text, { station: stationId ?? 'cqk', issuedAt: now });
    } catch (e) {
      if (e instanceof ForecastFileError) throw new ServiceError('bad-request', e.message, { field: 'file' });
      throw e;
    }
    const s = this.stationDefs().find((x) => x.id === f.station || x.name === f.station);
    if (!s)
      throw new ServiceError('bad-request', `no station ${JSON.stringify(f.station)} (known: cqk, beibei, cuntan)`, {
        field: 'station',
      });
    this.d.db
      .prepare(
        'INSERT INTO flood_forecasts (id, station_id, issued_at, source, points_json, imported_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(this.d.ids.next(now), s.id, f.issuedAt, f.source, JSON.stringify(f.points), now);
    const out = importedForecast(s.id, f, now);
    if (!out) throw new ServiceError('rejected', 'the forecast covers none of the next 72 hours', { field: 'file' });
    return out;
  }

  async replay2020(): Promise<ReplayTransition[]> {
    const defs = this.stationDefs();
    const out: ReplayTransition[] = [];
    const flood2020 =
      this.d.repo.reference<{ stationId: string; anchors: ForecastPoint[] }[]>(SENSING_KEYS.flood2020) ?? [];
    for (const h of flood2020) {
      const s = defs.find((x) => x.id === h.stationId);
      const e = s && this.d.registry.get(s.sensorId);
      if (!s || !e) continue;
      const readings = hydrograph(h.anchors, 300_000).map((p) => ({ ts: p.t, value: p.stageM }));
      for (const t of replay(e.rule, readings).transitions)
        out.push({ stationId: s.id, at: t.at, to: t.to, severity: t.severity, stageM: t.value });
    }
    return out.sort((a, b) => a.at - b.at);
  }
}
