import { describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../../electron/common/prng';
import {
  initialState,
  judge,
  replay,
  tick,
  type RuleState,
  type Transition,
} from '../../../../electron/common/rules/engine';
import { ruleSpecSchema, type RuleSpec } from '../../../../electron/common/rules/threshold';

const MIN = 60_000;
const CRACK: RuleSpec = {
  direction: 'above',
  warning: 5,
  critical: 10,
  recovery: 4.5,
  pendingMs: 10 * MIN,
  noDataAfterMs: 30 * MIN,
};
const PRESSURE: RuleSpec = {
  direction: 'below',
  warning: 0.14,
  critical: 0.1,
  recovery: 0.16,
  pendingMs: 5 * MIN,
  noDataAfterMs: 45 * MIN,
};

const seq = (values: number[], stepMs = MIN, t0 = 0) => values.map((value, i) => ({ ts: t0 + i * stepMs, value }));
const path = (ts: Transition[]) => ts.map((t) => `${t.to}${t.severity ? `:${t.severity}` : ''}`);
const raises = (ts: Transition[]) =>
  ts.filter((t) => t.to === 'alerting' && t.from !== 'alerting' && t.from !== 'recovering');

describe('threshold rules', () => {
  it('refuses a rule whose critical level is on the good side of warning, or whose recovery is past it', () => {
    expect(ruleSpecSchema.safeParse(CRACK).success).toBe(true);
    expect(ruleSpecSchema.safeParse(PRESSURE).success).toBe(true);
    expect(ruleSpecSchema.safeParse({ ...CRACK, critical: 4 }).error?.issues[0].path).toEqual(['critical']);
    expect(ruleSpecSchema.safeParse({ ...PRESSURE, recovery: 0.12 }).error?.issues[0].path).toEqual(['recovery']);
  });
});

describe('the rule state machine', () => {
  it('goes Normal → Pending → Alerting only when the breach outlasts the pending period, on reading time', () => {
    const r = replay(CRACK, seq([1, 5, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6.1]));
    expect(path(r.transitions)).toEqual(['pending:warning', 'alerting:warning']);
    expect(r.transitions[1].at).toBe(11 * MIN); // 10 minutes after the breach began at 1 min
    // the warning level itself is a breach; a short breach ends past the recovery level without alarming,
    // the dead band (4.5..5) neither ends nor confirms it
    expect(path(replay(CRACK, seq([5, 4.9, 4.4])).transitions)).toEqual(['pending:warning', 'normal']);
    expect(path(replay(CRACK, seq([5, ...Array(12).fill(4.9), 5, 5])).transitions)).toEqual(['pending:warning']);
  });

  it('rises to critical at once while alerting and falls back to warning only below critical less the band', () => {
    const r = replay(CRACK, seq([6, 6, 6, 11, 9.8, 9.4, 12], 5 * MIN));
    expect(path(r.transitions)).toEqual([
      'pending:warning',
      'alerting:warning',
      'alerting:critical',
      'alerting:warning',
      'alerting:critical',
    ]);
  });

  it('recovers only after staying past the recovery level for the pending period; the dead band restarts it', () => {
    const up = seq([6, 6, 6], 5 * MIN);
    const down = seq([4.4, 4.4, 4.8, 4.4, 4.4, 4.4], 5 * MIN, 15 * MIN);
    const r = replay(CRACK, [...up, ...down]);
    expect(path(r.transitions)).toEqual(['pending:warning', 'alerting:warning', 'recovering:warning', 'normal']);
    expect(r.transitions[3].at).toBe(40 * MIN); // 4.8 at 25 min restarted the 10-minute period at 30 min
  });

  it('judges the "below" direction mirrored (supply pressure)', () => {
    const r = replay(PRESSURE, seq([0.3, 0.13, 0.12, 0.09, 0.09, 0.17, 0.17, 0.17], 3 * MIN));
    expect(path(r.transitions)).toEqual(['pending:warning', 'alerting:critical', 'recovering:critical', 'normal']);
  });

  it('marks a silent source NoData, dated when the silence reached the limit, and leaves it on the next reading', () => {
    const s = initialState(0);
    judge(CRACK, s, 0, 6);
    expect(tick(CRACK, s, 29 * MIN)).toBeNull();
    const t = tick(CRACK, s, 31 * MIN)!;
    expect([t.to, t.at]).toEqual(['no-data', 30 * MIN]);
    expect(tick(CRACK, s, 40 * MIN)).toBeNull();
    expect(path(judge(CRACK, s, 41 * MIN, 1))).toEqual(['normal']);
  });

  it('never judges a reading older than the last one (the caller stores it)', () => {
    const s = initialState(0);
    judge(CRACK, s, 10 * MIN, 6);
    expect(judge(CRACK, s, 5 * MIN, 20)).toEqual([]);
    expect(s.lastValue).toBe(6);
  });
});

/** random walks that cross warning, recovery and critical, with irregular gaps and some silences */
function randomReadings(rng: Rng, n: number, r: RuleSpec): { ts: number; value: number }[] {
  const out: { ts: number; value: number }[] = [];
  let t = 1_700_000_000_000;
  const span = Math.abs(r.critical - r.recovery) * 1.5;
  let v = r.recovery - span * 0.3;
  for (let i = 0; i < n; i++) {
    t += rng.next() < 0.03 ? r.noDataAfterMs + rng.int(0, 3) * MIN : rng.int(1, 6) * MIN;
    v += (rng.next() - 0.5) * span * 0.4;
    out.push({ ts: t, value: Math.round(v * 1000) / 1000 });
  }
  return out;
}

describe('properties', () => {
  it('replay equals live: ticks anywhere and any batching give the same transitions and end state', () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rng = createRng(seed);
      const rule = seed % 2 ? CRACK : PRESSURE;
      const readings = randomReadings(rng, 300, rule);
      const end = readings[readings.length - 1].ts + rng.int(0, 2) * rule.noDataAfterMs;
      const whole = replay(rule, readings);
      const wholeTail = tick(rule, whole.state, end);
      // live: readings arrive in batches, the console ticks at arbitrary moments between them
      const live: RuleState = initialState(readings[0].ts);
      const got: Transition[] = [];
      let i = 0;
      while (i < readings.length) {
        const k = i + rng.int(1, 20);
        for (; i < Math.min(k, readings.length); i++) judge(rule, live, readings[i].ts, readings[i].value, got);
        const next = readings[i]?.ts ?? end;
        const prev = readings[i - 1].ts;
        const t = tick(rule, live, prev + Math.floor(rng.next() * (next - prev)));
        if (t) got.push(t);
      }
      const liveTail = tick(rule, live, end);
      expect(liveTail === null ? got : [...got, liveTail]).toEqual(
        wholeTail === null ? whole.transitions : [...whole.transitions, wholeTail],
      );
      expect(live).toEqual(whole.state);
    }
  });

  it('no chattering: a value oscillating between the dead band and past warning neither flaps nor alarms twice', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rng = createRng(seed);
      const values: number[] = [];
      for (let i = 0; i < 400; i++) values.push(i % 2 ? 4.5 + rng.next() * 0.49 : 5 + rng.next() * 4); // dead band 4.5..5, breach 5..9
      const r = replay(CRACK, seq(values, rng.int(1, 4) * MIN));
      expect(raises(r.transitions).length).toBeLessThanOrEqual(1);
      // and the state itself does not flap: one entry into Pending, never back to Normal
      expect(r.transitions.filter((t) => t.to === 'normal' || t.to === 'pending').length).toBe(1);
    }
  });

  it('no chattering: a breach shorter than the pending period never alarms, however often it repeats', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const rng = createRng(seed);
      const step = MIN;
      const values: number[] = [];
      while (values.length < 600) {
        const high = rng.int(1, 9); // < 10 one-minute readings: the breach lasts at most 9 minutes
        for (let k = 0; k < high; k++) values.push(5 + rng.next() * 10);
        values.push(rng.next() * 4.9);
      }
      const r = replay(CRACK, seq(values, step));
      expect(raises(r.transitions)).toEqual([]);
    }
  });

  it('every raise after the first is preceded by a full recovery period past the recovery level', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = createRng(seed);
      const readings = randomReadings(rng, 400, CRACK);
      const r = replay(CRACK, readings);
      for (const t of r.transitions.filter((x) => x.from === 'recovering' && x.to === 'normal')) {
        const window = readings.filter((x) => x.ts >= t.at - CRACK.pendingMs && x.ts <= t.at);
        expect(window.every((x) => x.value < CRACK.recovery)).toBe(true);
      }
      for (const t of r.transitions.filter((x) => x.from === 'pending' && x.to === 'alerting')) {
        const window = readings.filter((x) => x.ts >= t.at - CRACK.pendingMs && x.ts <= t.at);
        expect(window.every((x) => x.value >= CRACK.warning)).toBe(true);
      }
    }
  });
});
