// The hand-written checks on the OSD hot path (envelope, aircraft OSD, topic) must say exactly what the
// generic spec walk (checkShape over the specs, the one definition) and the split-based topic reading say:
// the same verdict and the same words, on chosen samples and on random ones.
import { describe, expect, it } from 'vitest';
import { DJI_TOPIC_KINDS, parseDjiTopic, type DjiTopicKind } from '../../../../electron/common/bus/topics';
import { checkShape, type FieldSpec, type Shape } from '../../../../electron/common/drones/check';
import {
  AIRCRAFT_OSD,
  ENVELOPE,
  checkAircraftOsd,
  checkData,
  checkEnvelope,
  parseDjiPayload,
} from '../../../../electron/common/drones/djiMessages';
import { createRng, type Rng } from '../../../../electron/common/prng';

const OSD = {
  latitude: 29.51,
  longitude: 106.42,
  height: 420.5,
  elevation: 120.5,
  attitude_head: -170,
  attitude_pitch: -8,
  attitude_roll: 0.5,
  horizontal_speed: 11.8,
  vertical_speed: -2,
  home_distance: 1234.5,
  battery: { capacity_percent: 80, remain_flight_time: 1500, return_home_power: 25, landing_power: 10 },
  mode_code: 5,
  wind_speed: 34,
  wind_direction: 3,
};

/** a value that fits the spec, or breaks it in one of the ways a field can be broken */
function valueFor(rng: Rng, s: FieldSpec, depth = 0): unknown {
  const odd = [null, undefined, 'x', '5', true, false, 0, 1, 2, -1, 0.5, -0, NaN, Infinity, -Infinity, 1e308, {}, []];
  if (rng.next() < 0.05) return rng.pick(odd);
  switch (s.t) {
    case 'num':
    case 'int': {
      const lo = s.min ?? -1e6;
      const hi = s.max ?? 1e6;
      const edge = rng.pick([lo, hi, lo - 1e-9, hi + 1e-9, lo - 1, hi + 1]);
      const inside = lo + rng.next() * (hi - lo);
      const v = rng.next() < 0.05 ? edge : inside;
      return s.t === 'int' && rng.next() < 0.97 ? Math.round(v) : v;
    }
    case 'flag':
      return rng.pick([true, false, 0, 1]);
    case 'str':
      return 'a'.repeat(rng.int(0, (s.max ?? 8) + 2));
    case 'obj':
      return depth > 2 ? {} : randomObject(rng, s.fields, depth + 1);
    case 'list':
      return Array.from({ length: rng.int(0, 3) }, () => valueFor(rng, s.of, depth + 1));
  }
}

function randomObject(rng: Rng, shape: Shape, depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const keys = Object.keys(shape);
  // the order keys arrive in must not matter; unknown keys pass
  for (let i = keys.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [keys[i], keys[j]] = [keys[j], keys[i]];
  }
  for (const k of keys) if (rng.next() < 0.8) o[k] = valueFor(rng, shape[k], depth);
  if (rng.next() < 0.2) o.some_new_key = rng.pick([1, 'x', null, {}]);
  return o;
}

describe('hand-written OSD checks agree with the specs', () => {
  it('a full, valid aircraft OSD passes both; an empty one passes both', () => {
    expect(checkData(OSD, AIRCRAFT_OSD)).toBeNull();
    expect(checkAircraftOsd(OSD)).toBeNull();
    expect(checkAircraftOsd({})).toBeNull();
  });

  it('every field of the spec is checked, in the spec order, with the same words', () => {
    const leaves: [string[], FieldSpec][] = [];
    for (const [k, s] of Object.entries(AIRCRAFT_OSD as Shape)) {
      if (s.t === 'obj') for (const [f, fs] of Object.entries(s.fields)) leaves.push([[k, f], fs]);
      else leaves.push([[k], s]);
    }
    for (const [p, s] of leaves) {
      const bad = s.t === 'int' ? [1.5, 'x', NaN, -1e9, 1e12] : ['x', Infinity, -1e12, 1e12];
      for (const v of bad) {
        const d: Record<string, unknown> = structuredClone(OSD);
        if (p.length === 2) (d[p[0]] as Record<string, unknown>)[p[1]] = v;
        else d[p[0]] = v;
        const want = checkData(d, AIRCRAFT_OSD);
        expect(want, `${p.join('.')} = ${String(v)}`).toContain(`data.${p.join('.')}`);
        expect(checkAircraftOsd(d)).toBe(want);
      }
    }
    expect(checkAircraftOsd({ ...OSD, battery: [] })).toBe('data.battery must be an object');
    expect(checkAircraftOsd({ latitude: 'x', wind_direction: 1.5 })).toBe(checkData({ latitude: 'x' }, AIRCRAFT_OSD));
  });

  it('property: on random aircraft OSD data both give the same answer', () => {
    const rng = createRng(20250701);
    let rejected = 0;
    for (let i = 0; i < 20_000; i++) {
      const d = randomObject(rng, AIRCRAFT_OSD as Shape);
      const want = checkData(d, AIRCRAFT_OSD);
      if (want) rejected++;
      expect(checkAircraftOsd(d), JSON.stringify(d)).toBe(want);
    }
    // the samples exercise both verdicts
    expect(rejected).toBeGreaterThan(2_000);
    expect(rejected).toBeLessThan(19_000);
  });

  it('property: on random envelopes both give the same answer, and parsing still names the fault', () => {
    const rng = createRng(7);
    for (let i = 0; i < 20_000; i++) {
      const o = randomObject(rng, ENVELOPE as Shape);
      expect(checkEnvelope(o), JSON.stringify(o)).toBe(checkShape(o, ENVELOPE));
    }
    const r = parseDjiPayload('osd', JSON.stringify({ tid: 7, bid: 'b', timestamp: 1, gateway: 'D', data: {} }));
    expect(r).toEqual({ ok: false, reason: 'bad-envelope', detail: 'tid must be a string' });
    const bytes = new TextEncoder().encode(
      JSON.stringify({ tid: 't', bid: 'b', timestamp: -1, gateway: 'D', data: {} }),
    );
    expect(parseDjiPayload('osd', bytes)).toEqual({
      ok: false,
      reason: 'bad-envelope',
      detail: 'timestamp is below 0',
    });
    const ok = parseDjiPayload(
      'osd',
      new TextEncoder().encode(JSON.stringify({ tid: '田', bid: 'b', timestamp: 1, gateway: 'D', data: {} })),
    );
    expect(ok.ok && ok.env.tid).toBe('田');
  });
});

/** How a DJI topic reads, level by level (the reading the fast path of parseDjiTopic must agree with). */
function readBySplit(topic: string): { sn: string; kind: DjiTopicKind } | null {
  const p = topic.split('/');
  if (p.length < 4 || p[1] !== 'product' || !p[2]) return null;
  if (p[0] === 'sys')
    return p.length === 4 && (p[3] === 'status' || p[3] === 'status_reply') ? { sn: p[2], kind: p[3] } : null;
  if (p[0] !== 'thing') return null;
  if (p.length === 5 && p[3] === 'property')
    return p[4] === 'set' || p[4] === 'set_reply' ? { sn: p[2], kind: `property_${p[4]}` } : null;
  const kind = p[3] as DjiTopicKind;
  return p.length === 4 && DJI_TOPIC_KINDS.includes(kind) && kind !== 'status' && kind !== 'status_reply'
    ? { sn: p[2], kind }
    : null;
}

describe('DJI topic reading', () => {
  it('property: random topics read as the level-by-level reading says', () => {
    const rng = createRng(11);
    const words = ['thing', 'sys', 'product', 'DOCK-1', '', 'property', 'set', 'set_reply', ...DJI_TOPIC_KINDS, 'osdx'];
    for (let i = 0; i < 20_000; i++) {
      const n = rng.int(1, 6);
      const levels = Array.from({ length: n }, (_, j) =>
        j < 2 && rng.next() < 0.7 ? ['thing', 'product'][j] : rng.pick(words),
      );
      const topic = levels.join('/');
      expect(parseDjiTopic(topic), topic).toEqual(readBySplit(topic));
    }
    expect(parseDjiTopic('thing/product/X/property_set')).toEqual({ sn: 'X', kind: 'property_set' });
    expect(parseDjiTopic('thing/product/X/osd/')).toBeNull();
    expect(parseDjiTopic('thing/product//osd')).toBeNull();
  });
});
