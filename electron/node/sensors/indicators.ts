// The vital-sign KPIs, live: computed from the sensors' states and latest readings, judged by their own
// threshold rules on the console's clock, with a short trend (one value a minute, the last 30). A KPI at
// critical raises a low-priority alarm for its worst reading or its devices-online share; the counts of
// raised conditions are not alarmed again (the conditions are alarms already).
import { computeIndicators, type IndicatorDef, type IndicatorDto } from '../../common/indicators/indicators';
import { initialState, judge, type RuleState, type Transition } from '../../common/rules/engine';
import type { SensorRegistry } from './registry';

const TREND = 30;
const TREND_EVERY_MS = 60_000;

export class IndicatorWatch {
  private defs: IndicatorDef[] = [];
  private states: RuleState[] = [];
  private values: { value: number | null; sensors: number }[] = [];
  private trends: number[][] = [];
  private lastTrendAt = -Infinity;
  private at: number | null = null;

  constructor(
    private readonly registry: SensorRegistry,
    private readonly onTransition: (def: IndicatorDef, t: Transition) => void,
  ) {}

  load(defs: IndicatorDef[], now: number): void {
    this.defs = defs;
    this.states = defs.map(() => initialState(now));
    this.values = defs.map(() => ({ value: null, sensors: 0 }));
    this.trends = defs.map(() => []);
  }

  get size(): number {
    return this.defs.length;
  }

  evaluate(now: number): void {
    const samples = [...this.registry.all()].map((e) => ({
      kind: e.kind,
      townCode: e.townCode,
      state: e.state.state,
      value: e.state.lastValue,
    }));
    this.values = computeIndicators(this.defs, samples);
    this.at = now;
    const sampleTrend = now - this.lastTrendAt >= TREND_EVERY_MS;
    if (sampleTrend) this.lastTrendAt = now;
    const out: Transition[] = [];
    this.defs.forEach((d, i) => {
      const v = this.values[i].value;
      if (v === null) return;
      out.length = 0;
      judge(d.thresholds, this.states[i], now, v, out);
      for (const t of out) this.onTransition(d, t);
      if (sampleTrend) {
        const tr = this.trends[i];
        tr.push(v);
        if (tr.length > TREND) tr.shift();
      }
    });
  }

  list(filter: { state?: IndicatorDto['state']; domain?: IndicatorDto['domain'] } = {}): IndicatorDto[] {
    const out: IndicatorDto[] = [];
    this.defs.forEach((d, i) => {
      const s = this.states[i];
      if (filter.state && s.state !== filter.state) return;
      if (filter.domain && d.domain !== filter.domain) return;
      out.push({
        ...d,
        value: this.values[i].value,
        at: this.values[i].value === null ? null : this.at,
        state: s.state,
        severity: s.severity,
        since: s.since,
        trend: [...this.trends[i]],
        sensors: this.values[i].sensors,
      });
    });
    return out;
  }

  get(id: string): IndicatorDto | null {
    return this.list().find((x) => x.id === id) ?? null;
  }
}
