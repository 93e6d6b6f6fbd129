// The city vital-sign indicator library (城市运行体征指标库): KPIs computed from the sensors — per kind,
// district-wide and per town/street, the highest reading, the mean, the share of devices online and the
// number of conditions raised — each with its threshold rule, judged by the same engine as a sensor.
import { z } from 'zod';
import { RULE_STATES, SEVERITIES, type RuleStateName } from '../rules/engine';
import type { RuleSpec } from '../rules/threshold';
import { SENSOR_KIND_DEFS, SENSOR_KINDS, type SensorKind, type SensorKindDef } from '../sensors/kinds';
import { thresholdsSchema } from '../sensors/types';

/** worst: the highest reading, or the lowest where low is bad (supply pressure) */
export const INDICATOR_AGGS = ['worst', 'mean', 'online-rate', 'alerting'] as const;
export type IndicatorAgg = (typeof INDICATOR_AGGS)[number];
export const INDICATOR_DOMAINS = ['water', 'geology', 'fire', 'gas', 'structure', 'city', 'environment'] as const;
export type IndicatorDomain = (typeof INDICATOR_DOMAINS)[number];

export const indicatorDefSchema = z.object({
  id: z.string(),
  domain: z.enum(INDICATOR_DOMAINS),
  name: z.string(),
  nameEn: z.string(),
  unit: z.string(),
  kind: z.enum(SENSOR_KINDS),
  /** null: the whole district */
  townCode: z.string().nullable(),
  agg: z.enum(INDICATOR_AGGS),
  thresholds: thresholdsSchema,
});
export type IndicatorDef = z.infer<typeof indicatorDefSchema>;

export const indicatorSchema = indicatorDefSchema.extend({
  value: z.number().nullable(),
  at: z.number().int().nullable(),
  state: z.enum(RULE_STATES),
  severity: z.enum(SEVERITIES).nullable(),
  since: z.number().int(),
  /** recent values, oldest first (one per evaluation minute) */
  trend: z.array(z.number()),
  /** sensors behind it */
  sensors: z.number().int(),
});
export type IndicatorDto = z.infer<typeof indicatorSchema>;

const MIN = 60_000;
const AGG_NAMES: Record<IndicatorAgg, [string, string]> = {
  worst: ['最不利值', 'worst reading'],
  mean: ['平均', 'mean'],
  'online-rate': ['设备在线率', 'devices online'],
  alerting: ['告警中', 'conditions raised'],
};

function ruleFor(k: SensorKindDef, agg: IndicatorAgg, town: boolean): RuleSpec {
  const noDataAfterMs = 30 * MIN;
  // the article's target: an online rate of 99 % or better
  if (agg === 'online-rate')
    return { direction: 'below', warning: 99, critical: 95, recovery: 99.2, pendingMs: 15 * MIN, noDataAfterMs };
  if (agg === 'alerting')
    return { direction: 'above', warning: 1, critical: town ? 3 : 5, recovery: 0.5, pendingMs: 0, noDataAfterMs };
  return { ...k.rule, noDataAfterMs };
}

/** The library for the kinds present district-wide and in each town/street (`present`: kind → town codes). */
export function buildIndicatorLibrary(
  present: ReadonlyMap<SensorKind, ReadonlySet<string>>,
  towns: readonly { code: string; name: string; nameEn: string }[],
): IndicatorDef[] {
  const out: IndicatorDef[] = [];
  for (const kind of SENSOR_KINDS) {
    const where = present.get(kind);
    if (!where?.size) continue;
    const k = SENSOR_KIND_DEFS[kind];
    const add = (townCode: string | null, agg: IndicatorAgg, zh: string, en: string) => {
      const [az, ae] = AGG_NAMES[agg];
      out.push({
        id: `kpi-${kind}-${agg}-${townCode ?? 'district'}`,
        domain: k.domain,
        name: `${zh}${k.name}${az}`,
        nameEn: `${en}${k.nameEn.toLowerCase()}, ${ae}`,
        unit: agg === 'online-rate' ? '%' : agg === 'alerting' ? '' : k.unit,
        kind,
        townCode,
        agg,
        thresholds: ruleFor(k, agg, townCode !== null),
      });
    };
    for (const agg of INDICATOR_AGGS) add(null, agg, '全区', 'District ');
    for (const t of towns) {
      if (!where.has(t.code)) continue;
      add(t.code, 'worst', t.name, `${t.nameEn}: `);
      add(t.code, 'alerting', t.name, `${t.nameEn}: `);
    }
  }
  return out;
}

export interface SensorSample {
  kind: SensorKind;
  townCode: string | null;
  state: RuleStateName;
  value: number | null;
}

interface Acc {
  n: number;
  online: number;
  raised: number;
  withValue: number;
  sum: number;
  max: number;
  min: number;
}

const acc = (): Acc => ({ n: 0, online: 0, raised: 0, withValue: 0, sum: 0, max: -Infinity, min: Infinity });

/** Every indicator's value from the sensors' states and latest values, in one pass over the sensors. */
export function computeIndicators(
  defs: readonly IndicatorDef[],
  sensors: Iterable<SensorSample>,
): { value: number | null; sensors: number }[] {
  const accs = new Map<string, Acc>();
  const get = (k: string) => {
    let a = accs.get(k);
    if (!a) accs.set(k, (a = acc()));
    return a;
  };
  for (const s of sensors) {
    for (const a of [get(s.kind), get(`${s.kind}@${s.townCode ?? ''}`)]) {
      a.n++;
      if (s.state !== 'no-data') a.online++;
      if (s.state === 'alerting' || s.state === 'recovering') a.raised++;
      if (s.value !== null && s.state !== 'no-data') {
        a.withValue++;
        a.sum += s.value;
        if (s.value > a.max) a.max = s.value;
        if (s.value < a.min) a.min = s.value;
      }
    }
  }
  return defs.map((d) => {
    const a = accs.get(d.townCode === null ? d.kind : `${d.kind}@${d.townCode}`);
    if (!a || a.n === 0) return { value: null, sensors: 0 };
    const round = (x: number) => Math.round(x * 1000) / 1000;
    switch (d.agg) {
      case 'online-rate':
        return { value: round((100 * a.online) / a.n), sensors: a.n };
      case 'alerting':
        return { value: a.raised, sensors: a.n };
      case 'worst':
        if (!a.withValue) return { value: null, sensors: a.n };
        return { value: round(d.thresholds.direction === 'below' ? a.min : a.max), sensors: a.n };
      case 'mean':
        return { value: a.withValue ? round(a.sum / a.withValue) : null, sensors: a.n };
    }
  });
}
