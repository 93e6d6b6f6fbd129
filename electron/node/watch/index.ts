// The night watch as one piece for the composition root: alarms, sensing (ingest, rules, grading, KPIs,
// collapse pilot, simulator), the flood watch, shift handover and the cockpit's layouts, with their parts
// (alarms before sensing, so the first transitions find the alarm list loaded) and HTTP routes.
import type { Db } from '../../../native/sqlite/open';
import type { Actor, Incident, IncidentReport } from '../../common/dispatch/types';
import type { IncidentFilter, IncidentRow } from '../../common/contract/dispatch';
import type {
  CameraDto,
  MapLayersDto,
  NearbyCameraDto,
  ResponsePlanDto,
  RiskCategoryDto,
  RiskPointDetail,
  TownDto,
} from '../../common/dto';
import { DEFAULT_SHIFT_CHANGES, parseShiftChanges } from '../../common/handover/shifts';
import type { IdSource } from '../../common/ids';
import { AlarmRepo } from '../alarms/repo';
import { AlarmsService } from '../alarms/service';
import type { Bus } from '../bus/index';
import { CockpitService } from '../cockpit/service';
import { FloodService } from '../flood/service';
import { HandoverService } from '../handover/service';
import { createSensing } from '../sensors/index';
import { alarmRoutes } from '../host/routes/alarms';
import { floodRoutes } from '../host/routes/flood';
import { handoverRoutes } from '../host/routes/handover';
import { sensingRoutes } from '../host/routes/sensing';

export interface WatchOptions {
  /** calm readings from every sensor (default on) */
  simulateSensors?: boolean;
  /** shift changes, China time (default 08:00 and 20:00) */
  shiftChanges?: string[];
  /** the CJK font for handover PDFs: file.ttf | file.ttc#PostScriptName (default: a system font) */
  pdfFont?: string;
}

export interface WatchDeps {
  db: Db;
  dataDir: string;
  bus: Bus;
  ids: IdSource;
  now: () => number;
  log: (line: string) => void;
  sessionActor?: () => Actor | undefined;
  dispatch: {
    report(r: IncidentReport): Promise<Incident>;
    board(f: IncidentFilter): Promise<{ total: number; items: IncidentRow[] }>;
    list(f: IncidentFilter): Promise<{ total: number; items: IncidentRow[] }>;
  };
  point: (id: number) => Promise<RiskPointDetail | null>;
  categories: () => RiskCategoryDto[];
  plan: (id: string) => ResponsePlanDto | null;
  towns: () => TownDto[];
  mapLayers: () => MapLayersDto;
  cameras: {
    list(): CameraDto[];
    nearby(lon: number, lat: number, radiusM: number, limit?: number): NearbyCameraDto[];
  };
}

export function createWatch(d: WatchDeps, o: WatchOptions = {}) {
  const alarms = new AlarmsService({
    repo: new AlarmRepo(d.db),
    ids: d.ids,
    now: d.now,
    report: (r) => d.dispatch.report(r),
    point: d.point,
    plan: d.plan,
    cameras: async (lon, lat) => d.cameras.nearby(lon, lat, 500, 8),
    series: async (id, from, to) => sensing.service.series(id, '5m', from, to),
    sessionActor: d.sessionActor,
    log: d.log,
  });
  const sensing = createSensing({
    db: d.db,
    bus: d.bus,
    ids: d.ids,
    now: d.now,
    log: d.log,
    alarms,
    point: d.point,
    categories: d.categories,
    simulate: o.simulateSensors,
  });
  const flood = new FloodService({
    db: d.db,
    registry: sensing.registry,
    repo: sensing.repo,
    series: sensing.series,
    now: d.now,
    ids: d.ids,
    towns: d.towns,
    cameras: () => d.cameras.list(),
    flush: () => sensing.ingest.flush(),
  });
  const changes = parseShiftChanges(o.shiftChanges ?? [...DEFAULT_SHIFT_CHANGES]);
  const handover = new HandoverService({
    db: d.db,
    ids: d.ids,
    now: d.now,
    changes,
    sessionActor: d.sessionActor,
    log: d.log,
    sources: {
      openIncidents: async () => (await d.dispatch.board({ status: 'open', limit: 100_000 })).items,
      reportedSince: async (since) => {
        const out: IncidentRow[] = [];
        for (let offset = 0; ; offset += 2_000) {
          const page = await d.dispatch.list({ sort: 'newest', limit: 2_000, offset });
          out.push(...page.items.filter((i) => i.reportedAt >= since));
          if (page.items.length < 2_000 || page.items.at(-1)!.reportedAt < since) return out;
        }
      },
      closedSince: async (since) => (await d.dispatch.list({ status: 'closed', closedSince: since, limit: 1 })).total,
      alarms: () => alarms.list({ limit: 5_000 }),
      alarmReport: () => alarms.report(),
      alarmsRaised: (from, to) => alarms.raisedBetween(from, to),
      levelChanges: (from, to) => sensing.grading.between(from, to),
      pointName: (id) => sensing.grading.point(id) ?? null,
      indicators: () => sensing.service.indicators({}),
      flood: () => flood.overview(),
      outline: () => {
        const l = d.mapLayers();
        return { ring: l.outline.ring, river: l.river[0]?.line ?? [] };
      },
    },
  });
  const cockpit = new CockpitService(d.db, d.now);
  const pdfFont = o.pdfFont;
  return {
    services: { sensing: sensing.service, alarms, flood, handover, cockpit },
    sensing,
    parts: [
      {
        name: 'alarms',
        start: () => {
          alarms.load();
          alarms.start();
        },
        stop: () => alarms.stop(),
      },
      sensing.part,
      { name: 'handover', start: () => handover.start(), stop: () => handover.stop() },
    ],
    routes: [
      ...sensingRoutes(sensing.service, d.now),
      ...alarmRoutes(alarms),
      ...floodRoutes(flood, sensing.service),
      ...handoverRoutes(handover, { dataDir: d.dataDir, pdfFont }),
    ],
  };
}

export type ConsoleWatch = ReturnType<typeof createWatch>;
