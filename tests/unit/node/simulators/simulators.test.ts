import { describe, expect, it } from 'vitest';
import { assessReadiness } from '../../../../electron/common/drones/readiness';
import { mergeDockOsd } from '../../../../electron/common/drones/normalise';
import { patrolAround } from '../../../../electron/common/drones/wayline';
import { haversineM } from '../../../../electron/common/geo';
import { buildKmz, readKmz } from '../../../../electron/node/drones/waylines';
import {
  DEFAULT_FLIGHT,
  docked,
  flyTo,
  returnHome,
  stepFlight,
  type SimAircraft,
} from '../../../../electron/node/simulators/flight';
import { rainBand, weatherAt } from '../../../../electron/node/simulators/weather';

const HOME = { lon: 106.41, lat: 29.58, heightM: 300 };
const NIGHT = Date.parse('2025-07-10T16:00:00Z'); // 00:00 Beijing time, 11 July

function fly(a: SimAircraft, seconds: number, dt = 0.5) {
  const events: string[] = [];
  for (let t = 0; t < seconds; t += dt) {
    const r = stepFlight(a, dt);
    a = r.a;
    events.push(...r.events);
  }
  return { a, events };
}

describe('weather script', () => {
  it('is deterministic and brings a rain band over each nest in turn during the night', () => {
    expect(weatherAt(NIGHT + 3_600_000, 0)).toEqual(weatherAt(NIGHT + 3_600_000, 0));
    const b0 = rainBand(NIGHT, 0);
    const b1 = rainBand(NIGHT, 1);
    expect(b0.from).toBe(NIGHT + 3_600_000);
    expect(b1.from - b0.from).toBe(40 * 60_000);
    expect(weatherAt(b0.from - 60_000, 0).rainfall).toBe(0);
    expect(weatherAt(b0.from + 5 * 60_000, 0).rainfall).toBe(1);
    expect(weatherAt(b0.from + 45 * 60_000, 0).rainfall).toBeGreaterThanOrEqual(2);
    expect(weatherAt(b0.to + 60_000, 0).rainfall).toBe(0);
  });

  it('readiness changes during the night: the rain band grounds the nest, and some gusts pass the wind limit', () => {
    const osdAt = (t: number) => {
      const w = weatherAt(t, 0);
      return mergeDockOsd(
        null,
        {
          mode_code: 0,
          drone_in_dock: 1,
          rainfall: w.rainfall,
          wind_speed: w.windMps,
          environment_temperature: w.temperatureC,
          network_state: { type: 2, quality: 5, rate: 1 },
          drone_charge_state: { state: 0, capacity_percent: 90 },
        },
        t,
      );
    };
    const reasonsAt = (t: number) => assessReadiness(osdAt(t), null, t).reasons.map((r) => r.code);
    expect(reasonsAt(rainBand(NIGHT, 0).from + 45 * 60_000)).toContain('rain');
    let gusts = 0;
    let readyMinutes = 0;
    for (let t = NIGHT; t < NIGHT + 8 * 3_600_000; t += 60_000) {
      const r = reasonsAt(t);
      if (r.includes('wind')) gusts++;
      if (r.length === 0) readyMinutes++;
    }
    expect(gusts).toBeGreaterThan(0);
    expect(readyMinutes).toBeGreaterThan(4 * 60);
  });
});

describe('flight model', () => {
  it('climbs, cruises to the point and hovers there within 20 m at the ellipsoid height asked', () => {
    const target = { lon: 106.43, lat: 29.59, heightM: HOME.heightM + 120 };
    let a = flyTo(docked(HOME, 90), [target], 12, 'hover');
    expect(a.modeCode).toBe(4);
    const r = fly(a, 400);
    a = r.a;
    expect(r.events).toEqual(['took-off', 'arrived']);
    expect(a.phase).toBe('hover');
    expect(haversineM(a.lon, a.lat, target.lon, target.lat)).toBeLessThan(20);
    expect(Math.abs(a.heightM - target.heightM)).toBeLessThan(1);
    expect(a.batteryPct).toBeLessThan(90);
  });

  it('returns home and lands on command; lands in the dock at its height and charges', () => {
    let a = fly(flyTo(docked(HOME, 90), [{ lon: 106.42, lat: 29.58, heightM: 420 }], 12, 'hover'), 200).a;
    a = returnHome(a);
    expect(a.modeCode).toBe(9);
    const r = fly(a, 400);
    expect(r.events).toContain('landed');
    expect(r.a.phase).toBe('docked');
    expect(r.a.heightM).toBe(HOME.heightM);
    const before = r.a.batteryPct;
    expect(fly(r.a, 100).a.batteryPct).toBeCloseTo(before + 100 * DEFAULT_FLIGHT.chargePctPerS, 5);
  });

  it('turns back on its own when the battery reaches the return-home level', () => {
    const far = { lon: 106.6, lat: 29.58, heightM: 420 };
    const r = fly(flyTo(docked(HOME, 30), [far], 12, 'hover'), 2_000);
    expect(r.events).toContain('low-battery');
    expect(r.events).toContain('landed');
    expect(r.events).not.toContain('arrived');
  });
});

describe('wayline files', () => {
  it('KMZ is deterministic, its MD5 checks out, and a tampered file is refused with 314005', () => {
    const p = patrolAround({ id: 'n', name: '巢', dockSn: 'D', lon: 106.4, lat: 29.5, coverageRadiusM: 6_000 });
    const a = buildKmz(p);
    expect(buildKmz(p).fingerprint).toBe(a.fingerprint);
    const r = readKmz(a.kmz, a.fingerprint);
    expect(r).toEqual({ ok: true, waypoints: p.waypoints });
    const bad = new Uint8Array(a.kmz);
    bad[40] ^= 0xff;
    expect(readKmz(bad, a.fingerprint)).toEqual({ ok: false, code: 314005 });
    expect(readKmz(new Uint8Array([1, 2, 3]), '5289df737df57326fcdd22597afb1fac')).toEqual({ ok: false, code: 314003 });
  });
});
