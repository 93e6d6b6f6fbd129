import { describe, expect, it } from 'vitest';
import { assessReadiness, DEFAULT_LIMITS } from '../../../../electron/common/drones/readiness';
import { emptyAircraft, mergeDockOsd } from '../../../../electron/common/drones/normalise';
import { nearestDock } from '../../../../electron/common/drones/nearest';
import type { DockOsd } from '../../../../electron/common/drones/types';
import { createRng } from '../../../../electron/common/prng';

const NOW = 1_000_000;
const good = (patch: Partial<DockOsd> = {}): DockOsd => ({
  ...mergeDockOsd(
    null,
    {
      mode_code: 0,
      drone_in_dock: 1,
      rainfall: 0,
      wind_speed: 3,
      emergency_stop_state: 0,
      cover_state: 0,
      environment_temperature: 20,
      network_state: { type: 2, quality: 5, rate: 1000 },
      drone_charge_state: { state: 0, capacity_percent: 90 },
    },
    NOW,
  ),
  ...patch,
});

describe('readiness', () => {
  it('a dock that is idle, charged, dry, calm, connected and not stopped is ready', () => {
    expect(assessReadiness(good(), null, NOW)).toEqual({ ready: true, reasons: [] });
  });

  it('lists every reason, in Chinese and English, with the numbers', () => {
    const r = assessReadiness(
      good({
        mode: 'remote-debug',
        modeCode: 2,
        droneInDock: false,
        rainfall: 'heavy',
        windSpeedMps: 13.2,
        emergencyStop: true,
        network: { type: '4g', quality: 1, rateKBps: 10 },
        coverState: 'abnormal',
        environmentTemperatureC: 48,
      }),
      { ...emptyAircraft('A', 'dji', 'D', NOW), batteryPct: 30 },
      NOW,
    );
    expect(r.ready).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual([
      'not-idle',
      'emergency-stop',
      'aircraft-out',
      'battery-low',
      'rain',
      'wind',
      'network',
      'cover-fault',
      'temperature',
    ]);
    const wind = r.reasons.find((x) => x.code === 'wind')!;
    expect(wind).toMatchObject({ value: 13.2, limit: 12 });
    expect(wind.zh).toContain('风速 13.2 m/s');
    expect(wind.en).toContain('13.2 m/s');
    expect(r.reasons.find((x) => x.code === 'battery-low')!.zh).toBe('电量 30%，低于起飞要求 50%');
    expect(r.reasons.find((x) => x.code === 'rain')!.zh).toBe('降雨：大雨');
    for (const x of r.reasons) expect(x.zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('light rain is fine, moderate is not; wind exactly at the limit is not', () => {
    expect(assessReadiness(good({ rainfall: 'light' }), null, NOW).ready).toBe(true);
    expect(assessReadiness(good({ rainfall: 'moderate' }), null, NOW).reasons.map((r) => r.code)).toEqual(['rain']);
    expect(
      assessReadiness(good({ windSpeedMps: DEFAULT_LIMITS.maxWindMps }), null, NOW).reasons.map((r) => r.code),
    ).toEqual(['wind']);
  });

  it('no status, or none for longer than the stale limit, is offline and only offline', () => {
    expect(assessReadiness(null, null, NOW).reasons.map((r) => r.code)).toEqual(['offline']);
    const stale = assessReadiness(good({ rainfall: 'heavy' }), null, NOW + DEFAULT_LIMITS.staleAfterMs + 1);
    expect(stale.reasons.map((r) => r.code)).toEqual(['offline']);
    expect(stale.reasons[0].zh).toBe('机场离线（30 秒无状态）');
  });

  it('property: ready exactly when there are no reasons', () => {
    const rng = createRng(4);
    for (let i = 0; i < 1_000; i++) {
      const d = good({
        windSpeedMps: rng.next() * 20,
        rainfall: rng.pick(['none', 'light', 'moderate', 'heavy'] as const),
        emergencyStop: rng.next() < 0.1,
        droneCharge: { charging: false, capacityPct: rng.int(0, 100) },
        network: { type: 'ethernet', quality: rng.int(0, 5), rateKBps: 1 },
      });
      const r = assessReadiness(d, null, NOW);
      expect(r.ready).toBe(r.reasons.length === 0);
    }
  });
});

describe('nearest dock', () => {
  const ready = { ready: true, reasons: [] };
  const notReady = {
    ready: false,
    reasons: [{ code: 'rain' as const, value: 2, limit: 2, zh: '降雨：中雨', en: 'Rain: moderate rain' }],
  };
  const docks = [
    { sn: 'A', name: '甲', lon: 106.4, lat: 29.55, coverageRadiusM: 6_000, readiness: notReady },
    { sn: 'B', name: '乙', lon: 106.5, lat: 29.55, coverageRadiusM: 6_000, readiness: ready },
  ];

  it('picks the nearest dock covering the point, with distance, ETA at cruise speed and why not', () => {
    const n = nearestDock(docks, 106.41, 29.55)!;
    expect(n).toMatchObject({ dockSn: 'A', inRange: true, ready: false, cruiseSpeedMps: 12 });
    expect(n.distanceM).toBeGreaterThan(950);
    expect(n.distanceM).toBeLessThan(990);
    expect(n.etaS).toBe(Math.round(n.distanceM / 12));
    expect(n.reasons[0].zh).toBe('降雨：中雨');
  });

  it('a covering dock beats a nearer one whose ring does not reach; none covering gives the nearest, out of range', () => {
    const small = [{ ...docks[0], coverageRadiusM: 500 }, docks[1]];
    expect(nearestDock(small, 106.445, 29.55)!.dockSn).toBe('B');
    const far = nearestDock(docks, 107.5, 29.55)!;
    expect(far).toMatchObject({ dockSn: 'B', inRange: false });
    expect(nearestDock([], 106, 29)).toBeNull();
  });
});
