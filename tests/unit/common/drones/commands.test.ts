import { describe, expect, it } from 'vitest';
import {
  buildServiceData,
  COMMAND_PARAMS,
  ellipsoidTargetHeightM,
  mayUse,
} from '../../../../electron/common/drones/commands';
import { describeResult, isKnownResult } from '../../../../electron/common/drones/results';
import { parseWpml, patrolAround, waylinesWpml } from '../../../../electron/common/drones/wayline';
import { haversineM } from '../../../../electron/common/geo';

const ctx = { newId: () => 'id-1', now: 5, dockHeightM: 300, aircraftSn: 'UAV', wayline: null, live: null };

describe('commands', () => {
  it('fly_to_point: height above the dock (default 120 m) becomes the WGS-84 ellipsoid height DJI expects', () => {
    const params = COMMAND_PARAMS.fly_to_point.parse({ lon: 106.45, lat: 29.56 });
    expect(params).toEqual({ lon: 106.45, lat: 29.56, heightM: 120, maxSpeedMps: 12 });
    const r = buildServiceData('fly_to_point', params, ctx);
    expect(r).toEqual({
      ok: true,
      flightId: 'id-1',
      data: { fly_to_id: 'id-1', max_speed: 12, points: [{ latitude: 29.56, longitude: 106.45, height: 420 }] },
    });
    expect(ellipsoidTargetHeightM(-12.34, 80)).toBe(67.7);
    expect(buildServiceData('fly_to_point', params, { ...ctx, dockHeightM: null })).toMatchObject({
      ok: false,
      code: 'unavailable',
    });
  });

  it('refuses heights below 20 m or above 500 m and unknown parameters, naming them', () => {
    expect(COMMAND_PARAMS.fly_to_point.safeParse({ lon: 106, lat: 29, heightM: 10 }).error?.issues[0].path).toEqual([
      'heightM',
    ]);
    expect(COMMAND_PARAMS.fly_to_point.safeParse({ lon: 106, lat: 29, heightM: 900 }).success).toBe(false);
    expect(COMMAND_PARAMS.return_home.safeParse({ x: 1 }).success).toBe(false);
  });

  it('dock debug commands only for the duty leader and the supervisor', () => {
    const officer = { id: 'o', name: '值班员', role: 'officer' as const };
    const leader = { id: 'l', name: '值班领导', role: 'leader' as const };
    expect(mayUse('cover_open', officer)).toBe(false);
    expect(mayUse('cover_open', leader)).toBe(true);
    expect(mayUse('fly_to_point', officer)).toBe(true);
  });

  it('flight tasks carry the wayline file with its fingerprint; live video needs an ingest', () => {
    const wayline = { url: 'http://h/api/drones/waylines/p.kmz', fingerprint: 'abc' };
    const prep = buildServiceData('flighttask_prepare', { patrolId: 'p' }, { ...ctx, wayline });
    expect(prep).toMatchObject({
      ok: true,
      flightId: 'id-1',
      data: { flight_id: 'id-1', task_type: 0, file: wayline },
    });
    expect(buildServiceData('flighttask_prepare', { patrolId: 'p' }, ctx)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(buildServiceData('flighttask_execute', { flightId: 'f' }, ctx)).toEqual({
      ok: true,
      flightId: 'f',
      data: { flight_id: 'f' },
    });
    expect(buildServiceData('live_start_push', { videoQuality: 0 }, ctx)).toMatchObject({
      ok: false,
      code: 'unavailable',
    });
    const live = buildServiceData(
      'live_start_push',
      { videoQuality: 1 },
      { ...ctx, live: { urlType: 1, url: 'rtmp://h/live/UAV' } },
    );
    expect(live).toMatchObject({
      ok: true,
      data: { url_type: 1, url: 'rtmp://h/live/UAV', video_id: 'UAV/39-0-7/normal-0', video_quality: 1 },
    });
  });
});

describe('DJI result codes', () => {
  it('known codes read in both languages; unknown ones are named by family', () => {
    expect(describeResult(0).zh).toBe('成功');
    expect(describeResult(316009)).toEqual({
      zh: '飞行器电量不足（需充至 50% 以上）',
      en: 'Aircraft battery too low (charge above 50%)',
    });
    expect(isKnownResult(319001)).toBe(true);
    expect(describeResult(514999)).toEqual({
      zh: '机场设备失败（大疆返回码 514999）',
      en: 'Dock device failed (DJI result 514999)',
    });
    expect(describeResult(7)).toEqual({ zh: '机场拒绝执行（大疆返回码 7）', en: 'The dock refused (DJI result 7)' });
  });
});

describe('patrol waylines', () => {
  it('a loop around the nest survives WPML and back', () => {
    const p = patrolAround({ id: 'n1', name: '巢', dockSn: 'D', lon: 106.4, lat: 29.5, coverageRadiusM: 6_000 });
    expect(p.waypoints).toHaveLength(8);
    for (const w of p.waypoints) expect(haversineM(106.4, 29.5, w.lon, w.lat)).toBeCloseTo(3_000, -1);
    expect(parseWpml(waylinesWpml(p))).toEqual(p.waypoints);
    expect(parseWpml('<Placemark><coordinates>x,y</coordinates></Placemark>')).toEqual([]);
  });
});
