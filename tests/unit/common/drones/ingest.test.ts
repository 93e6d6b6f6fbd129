import { positionAt, trackSlot, trimTrail } from '../../../../electron/common/drones/track';
import { describe, expect, it } from 'vitest';
import {
  checkData,
  DOCK_OSD,
  parseDjiPayload,
  AIRCRAFT_OSD,
  MAX_MESSAGE_BYTES,
} from '../../../../electron/common/drones/djiMessages';
import {
  aircraftModeOf,
  dockModeOf,
  emptyAircraft,
  mergeAircraftOsd,
  mergeDockOsd,
} from '../../../../electron/common/drones/normalise';

const env = (data: unknown, extra: object = {}) =>
  JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, gateway: 'D', data, ...extra });

describe('DJI message parsing', () => {
  it('accepts a well-formed envelope and names what is wrong otherwise', () => {
    expect(parseDjiPayload('osd', env({ mode_code: 0 })).ok).toBe(true);
    const cases: [string, string, string][] = [
      ['osd', '{"tid":', 'not-json'],
      ['osd', '[1,2]', 'bad-envelope'],
      ['osd', JSON.stringify({ bid: 'b', timestamp: 1, gateway: 'D', data: {} }), 'bad-envelope'],
      ['osd', JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, data: {} }), 'bad-envelope'],
      ['osd', JSON.stringify({ tid: 't', bid: 'b', timestamp: 'soon', gateway: 'D', data: {} }), 'bad-envelope'],
      ['osd', JSON.stringify({ tid: 't', bid: 'b', timestamp: 1, gateway: 'D', data: 'x' }), 'bad-envelope'],
      ['events', env({}), 'bad-envelope'],
      ['osd', 'x'.repeat(MAX_MESSAGE_BYTES + 1), 'too-large'],
    ];
    for (const [kind, payload, reason] of cases) {
      const r = parseDjiPayload(kind as 'osd', payload);
      expect(r.ok, payload.slice(0, 60)).toBe(false);
      if (!r.ok) expect(r.reason).toBe(reason);
    }
  });

  it('checks field types and ranges, naming the field; unknown keys pass', () => {
    expect(checkData({ mode_code: 0, some_new_key: 'x' }, DOCK_OSD)).toBeNull();
    expect(checkData({ mode_code: 'idle' }, DOCK_OSD)).toMatch(/data\.mode_code must be a finite number/);
    expect(checkData({ latitude: 1e308 }, AIRCRAFT_OSD)).toMatch(/data\.latitude is above 90/);
    expect(checkData({ battery: { capacity_percent: -1 } }, AIRCRAFT_OSD)).toMatch(/battery\.capacity_percent/);
    expect(checkData({ drone_in_dock: 2 }, DOCK_OSD)).toMatch(/drone_in_dock/);
    expect(checkData({ network_state: [] }, DOCK_OSD)).toMatch(/network_state must be an object/);
    expect(checkData({ mode_code: 1.5 }, DOCK_OSD)).toMatch(/integer/);
    expect(parseDjiPayload('osd', '{"tid":"t","bid":"b","timestamp":1,"gateway":"D","data":{"height":1e400}}').ok).toBe(
      true,
    );
    const huge = parseDjiPayload('osd', '{"tid":"t","bid":"b","timestamp":1,"gateway":"D","data":{"height":1e400}}');
    if (huge.ok) expect(checkData(huge.env.data, DOCK_OSD)).toMatch(/finite/);
  });
});

describe('normalisation', () => {
  it('merges the three dock OSD partials into one state, keeping what a partial does not carry', () => {
    let s = mergeDockOsd(
      null,
      {
        mode_code: 0,
        drone_in_dock: 1,
        rainfall: 2,
        wind_speed: 4.5,
        height: 310,
        latitude: 29.5,
        longitude: 106.4,
        drone_charge_state: { state: 1, capacity_percent: 80 },
      },
      1_000,
    );
    s = mergeDockOsd(s, { network_state: { type: 2, quality: 4, rate: 900 } }, 2_000);
    s = mergeDockOsd(s, { job_number: 3, flighttask_step_code: 5 }, 3_000);
    expect(s).toMatchObject({
      mode: 'idle',
      droneInDock: true,
      rainfall: 'moderate',
      windSpeedMps: 4.5,
      heightM: 310,
      lon: 106.4,
      lat: 29.5,
      droneCharge: { charging: true, capacityPct: 80 },
      network: { type: 'ethernet', quality: 4, rateKBps: 900 },
      jobNumber: 3,
      flighttaskStepCode: 5,
      updatedAt: 3_000,
    });
  });

  it('ignores a 0,0 position (no fix yet) and labels mode codes, unknown beyond the table', () => {
    const s = mergeDockOsd(null, { latitude: 0, longitude: 0 }, 1);
    expect(s.lon).toBeNull();
    expect(dockModeOf(4)).toBe('working');
    expect(dockModeOf(9)).toBe('unknown');
    expect(aircraftModeOf(9)).toBe('return-home');
    expect(aircraftModeOf(99)).toBe('unknown');
  });

  it('aircraft OSD: heading folded to 0..360, airborne from the mode, battery and speeds', () => {
    const a = mergeAircraftOsd(
      emptyAircraft('A', 'dji', 'D', 0),
      {
        latitude: 29.6,
        longitude: 106.4,
        height: 420,
        elevation: 120,
        attitude_head: -90,
        horizontal_speed: 11,
        battery: { capacity_percent: 71, remain_flight_time: 900 },
        mode_code: 5,
      },
      5,
    );
    expect(a).toMatchObject({
      lat: 29.6,
      lon: 106.4,
      heightM: 420,
      elevationM: 120,
      headingDeg: 270,
      horizontalSpeedMps: 11,
      batteryPct: 71,
      remainFlightTimeS: 900,
      mode: 'wayline',
      airborne: true,
      updatedAt: 5,
    });
    expect(mergeAircraftOsd(a, { mode_code: 0 }, 6).airborne).toBe(false);
  });
});

describe('track replay', () => {
  const pts = [
    { t: 0, lon: 106.0, lat: 29.0, heightM: 300, headingDeg: 350 },
    { t: 1000, lon: 106.001, lat: 29.0, heightM: 310, headingDeg: 10 },
    { t: 2000, lon: 106.002, lat: 29.001, heightM: null, headingDeg: null },
  ];
  it('interpolates between fixes, turning the short way; clamps outside the track', () => {
    expect(positionAt(pts, 500)).toEqual({ lon: 106.0005, lat: 29.0, heightM: 305, headingDeg: 0 });
    expect(positionAt(pts, -5)).toEqual(pts[0]);
    expect(positionAt(pts, 9_999)).toEqual(pts[2]);
    expect(positionAt(pts, 1500)!.heightM).toBe(310);
    expect(positionAt([], 1)).toBeNull();
  });
  it('keeps the last ten minutes of a live trail', () => {
    const trail = Array.from({ length: 20 }, (_, i) => ({ t: i * 60_000 }));
    expect(trimTrail(trail, 19 * 60_000).map((p) => p.t / 60_000)).toEqual([9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
    expect(trackSlot(undefined, 1_234)).toBe(1_000);
    expect(trackSlot(1_000, 1_999)).toBeNull();
    expect(trackSlot(1_000, 2_000)).toBe(2_000);
  });
});
