import { describe, expect, it } from 'vitest';
import { backoffDelayMs } from '../../../../electron/common/bus/backoff';
import { redactUrl } from '../../../../electron/common/bus/payloads';
import {
  DJI_TOPIC_KINDS,
  djiTopic,
  isValidFilter,
  lianqinTopics,
  parseDjiTopic,
  topicMatches,
} from '../../../../electron/common/bus/topics';
import { createRng } from '../../../../electron/common/prng';

describe('topic tree', () => {
  it('builds the versioned Lianqin topics and refuses segments with wildcards or slashes', () => {
    expect(lianqinTopics.incidentState('01J')).toBe('lianqin/v1/incidents/01J/state');
    expect(lianqinTopics.consoleStatus('c1')).toBe('lianqin/v1/consoles/c1/status');
    expect(() => lianqinTopics.incidentEvents('a/b')).toThrow(/incident id/);
    expect(() => lianqinTopics.sensorReadings('+')).toThrow(/sensor id/);
  });

  it('every DJI topic parses back to its kind and serial number', () => {
    for (const kind of DJI_TOPIC_KINDS) {
      expect(parseDjiTopic(djiTopic(kind, 'DOCK-7'))).toEqual({ sn: 'DOCK-7', kind });
    }
    expect(djiTopic('status', 'X')).toBe('sys/product/X/status');
    expect(djiTopic('property_set', 'X')).toBe('thing/product/X/property/set');
    for (const bad of [
      'thing/product/X',
      'thing/product//osd',
      'sys/product/X/osd',
      'thing/other/X/osd',
      'thing/product/X/nope',
    ])
      expect(parseDjiTopic(bad)).toBeNull();
  });

  it('matches filters as MQTT 3.1.1 does', () => {
    const cases: [string, string, boolean][] = [
      ['thing/product/+/osd', 'thing/product/D1/osd', true],
      ['thing/product/+/osd', 'thing/product/D1/state', false],
      ['thing/product/+/osd', 'thing/product/D1/osd/x', false],
      ['thing/#', 'thing', true],
      ['thing/#', 'thing/a/b/c', true],
      ['#', '$SYS/broker', false],
      ['+/x', '$SYS/x', false],
      ['a/+', 'a/', true],
      ['a/b', 'a/b', true],
      ['a/b', 'a/b/c', false],
    ];
    for (const [f, t, want] of cases) expect(topicMatches(f, t), `${f} vs ${t}`).toBe(want);
  });

  it('property: a topic matches itself, `#`, and itself with any level replaced by `+`', () => {
    const rng = createRng(9);
    for (let i = 0; i < 500; i++) {
      const levels = Array.from({ length: rng.int(1, 6) }, () => rng.pick(['a', 'b', 'osd', 'D1', '']));
      const topic = levels.join('/');
      expect(topicMatches(topic, topic)).toBe(true);
      expect(topicMatches('#', topic)).toBe(true);
      const k = rng.int(0, levels.length - 1);
      const f = levels.map((l, j) => (j === k ? '+' : l)).join('/');
      expect(topicMatches(f, topic)).toBe(true);
      expect(topicMatches(`${topic}/extra`, topic)).toBe(false);
    }
  });

  it('validates filters', () => {
    for (const ok of ['a/+/b', '#', 'a/#', '+', 'thing/product/+/osd']) expect(isValidFilter(ok), ok).toBe(true);
    for (const bad of ['', 'a/#/b', 'a+', 'a/b#', 'x\u0000']) expect(isValidFilter(bad), bad).toBe(false);
  });
});

describe('reconnect back-off', () => {
  it('grows exponentially to the cap and never leaves [full·(1−jitter), full]', () => {
    const p = { minMs: 500, maxMs: 15_000, jitter: 0.3 };
    let prevFull = 0;
    for (let n = 0; n < 40; n++) {
      const full = Math.min(p.maxMs, p.minMs * 2 ** n);
      expect(full).toBeGreaterThanOrEqual(prevFull);
      prevFull = full;
      expect(backoffDelayMs(n, p, () => 0)).toBe(Math.round(full * 0.7));
      expect(backoffDelayMs(n, p, () => 0.999999)).toBeLessThanOrEqual(full);
    }
    expect(backoffDelayMs(3, { ...p, jitter: 0 }, Math.random)).toBe(4_000);
    expect(backoffDelayMs(-5, p, () => 0)).toBe(350);
  });
});

describe('broker URLs', () => {
  it('never show credentials', () => {
    expect(redactUrl('mqtt://user:secret@broker:1883')).toBe('mqtt://broker:1883');
    expect(redactUrl('mqtts://broker:8883')).toBe('mqtts://broker:8883');
  });
});
