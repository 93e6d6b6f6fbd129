// The sensors in memory, indexed by their integer rid: what ingest needs at reading rate (kind, rule,
// rule state, latest reading) without touching SQLite, and the point → sensors links grading needs.
import type { RuleState } from '../../common/rules/engine';
import type { RuleSpec } from '../../common/rules/threshold';
import { SENSOR_KIND_DEFS, type SensorKind } from '../../common/sensors/kinds';
import type { SensorDto, SensorStateChange } from '../../common/sensors/types';

export interface SensorEntry {
  rid: number;
  id: string;
  kind: SensorKind;
  riskPointId: number | null;
  stationId: string | null;
  townCode: string | null;
  name: string;
  lon: number;
  lat: number;
  rule: RuleSpec;
  intervalS: number;
  state: RuleState;
}

export class SensorRegistry {
  private readonly byRid: (SensorEntry | undefined)[] = [];
  private readonly byId = new Map<string, SensorEntry>();
  /** risk point → its linked sensors (a point's own list, so a shared device counts for both points) */
  private readonly byPoint = new Map<number, SensorEntry[]>();
  private readonly pointsBySensor = new Map<string, number[]>();

  load(entries: readonly SensorEntry[], links: readonly { pointId: number; sensorIds: string[] }[]): void {
    this.byRid.length = 0;
    this.byId.clear();
    this.byPoint.clear();
    this.pointsBySensor.clear();
    for (const e of entries) {
      this.byRid[e.rid] = e;
      this.byId.set(e.id, e);
    }
    for (const l of links) {
      const list = l.sensorIds.map((id) => this.byId.get(id)).filter((e): e is SensorEntry => !!e);
      if (list.length) this.byPoint.set(l.pointId, list);
      for (const e of list) {
        const ps = this.pointsBySensor.get(e.id) ?? [];
        if (e.riskPointId === l.pointId) ps.unshift(l.pointId);
        else ps.push(l.pointId);
        this.pointsBySensor.set(e.id, ps);
      }
    }
  }

  get size(): number {
    return this.byId.size;
  }

  get(id: string): SensorEntry | undefined {
    return this.byId.get(id);
  }

  rid(rid: number): SensorEntry | undefined {
    return this.byRid[rid];
  }

  all(): IterableIterator<SensorEntry> {
    return this.byId.values();
  }

  ofPoint(pointId: number): readonly SensorEntry[] {
    return this.byPoint.get(pointId) ?? [];
  }

  /** the points a sensor is linked to (its owner first) */
  pointsOf(e: SensorEntry): readonly number[] {
    return this.pointsBySensor.get(e.id) ?? [];
  }
}

export function toDto(e: SensorEntry): SensorDto {
  const s = e.state;
  return {
    id: e.id,
    kind: e.kind,
    name: e.name,
    riskPointId: e.riskPointId,
    stationId: e.stationId,
    townCode: e.townCode,
    lon: e.lon,
    lat: e.lat,
    unit: SENSOR_KIND_DEFS[e.kind].unit,
    thresholds: { ...e.rule },
    intervalS: e.intervalS,
    state: s.state,
    severity: s.severity,
    since: s.since,
    latest: s.lastTs !== null && s.lastValue !== null ? { ts: s.lastTs, value: s.lastValue } : null,
  };
}

export function toChange(e: SensorEntry): SensorStateChange {
  const s = e.state;
  return {
    id: e.id,
    kind: e.kind,
    riskPointId: e.riskPointId,
    state: s.state,
    severity: s.severity,
    since: s.since,
    latest: s.lastTs !== null && s.lastValue !== null ? { ts: s.lastTs, value: s.lastValue } : null,
  };
}
