import { describe, expect, it } from 'vitest';
import { READINESS_CODES, type AircraftState, type DockDto } from '../../../../../electron/common/drones/types';
import { emptyAircraft } from '../../../../../electron/common/drones/normalise';
import { droneDesired } from '../../../../../renderer/src/features/drones/mapDesired';
import { plotFrame } from '../../../../../renderer/src/features/drones/replayView';
import { commandOutcome, flightStatusText, reasonText, toneOf } from '../../../../../renderer/src/features/drones/text';
import { dronesEn } from '../../../../../renderer/src/i18n/drones.en';
import { dronesZh } from '../../../../../renderer/src/i18n/drones.zh-CN';
import type { MessageKey } from '../../../../../renderer/src/i18n/zh-CN';

/** vue-i18n's named interpolation, enough to check the words */
const tOf =
  (messages: Record<string, string>) =>
  (key: MessageKey, params: Record<string, string | number> = {}): string => {
    const m = messages[key];
    if (m === undefined) throw new Error(`missing key ${key}`);
    return m.replace(/\{(\w+)\}/g, (_x, k: string) => String(params[k]));
  };
const zh = tOf(dronesZh);
const en = tOf(dronesEn);

const dock = (patch: Partial<DockDto> = {}): DockDto => ({
  sn: 'D1',
  name: '歌乐山无人机巢',
  nestId: 'nest-1',
  lon: 106.4,
  lat: 29.5,
  coverageRadiusM: 6_000,
  aircraftSn: 'A1',
  online: true,
  announced: true,
  lastSeenAt: 1,
  osd: null,
  readiness: { ready: true, reasons: [] },
  flight: null,
  ...patch,
});

describe('drone words', () => {
  it('every readiness reason reads in both languages with its numbers', () => {
    for (const code of READINESS_CODES) {
      const r = { code, value: code === 'rain' ? 2 : 13.25, limit: 12, zh: '', en: '' };
      expect(zh(`drones.reason.${code}` as MessageKey, {})).toBeTruthy();
      expect(reasonText(zh, r)).not.toMatch(/undefined|\{/);
      expect(reasonText(en, r)).not.toMatch(/undefined|\{/);
    }
    expect(reasonText(zh, { code: 'wind', value: 13.25, limit: 12, zh: '', en: '' })).toBe(
      '风速 13.3 m/s，超过机场限值 12 m/s',
    );
    expect(reasonText(en, { code: 'rain', value: 3, limit: 2, zh: '', en: '' })).toBe('Rain: heavy');
    expect(reasonText(zh, { code: 'battery-low', value: 31.6, limit: 50, zh: '', en: '' })).toBe(
      '电量 32%，低于起飞要求 50%',
    );
  });

  it('task statuses in words, unknown ones as the dock sent them; outcomes in the window language', () => {
    expect(flightStatusText(zh, 'wayline_ok')).toBe('已到达目标点');
    expect(flightStatusText(en, 'in_progress')).toBe('in progress');
    expect(flightStatusText(zh, 'something_new')).toBe('something_new');
    const c = { message: '机场中不存在该任务', messageEn: 'The dock has no task with that id' };
    expect(commandOutcome(c as never, 'en')).toBe('The dock has no task with that id');
    expect(commandOutcome(c as never, 'zh-CN')).toBe('机场中不存在该任务');
  });

  it('the same keys in Chinese and English', () => {
    expect(Object.keys(dronesEn).sort()).toEqual(Object.keys(dronesZh).sort());
  });
});

describe('drones on the map', () => {
  it('rings coloured by readiness; only airborne aircraft, with heading and height; trails as lines', () => {
    const docks = new Map([
      ['D1', dock()],
      ['D2', dock({ sn: 'D2', readiness: { ready: false, reasons: [] } })],
      ['D3', dock({ sn: 'D3', online: false })],
    ]);
    const flying: AircraftState = {
      ...emptyAircraft('A1', 'dji', 'D1', 1),
      lon: 106.41,
      lat: 29.51,
      heightM: 420,
      headingDeg: 90,
      airborne: true,
    };
    const docked: AircraftState = { ...emptyAircraft('A2', 'dji', 'D2', 1), lon: 106.4, lat: 29.5, heightM: 300 };
    const d = droneDesired(
      true,
      docks,
      new Map([
        ['A1', flying],
        ['A2', docked],
      ]),
      new Map([['A1', [{ t: 1, lon: 106.4, lat: 29.5, heightM: 300 }]]]),
    );
    expect(d.docks.map((x) => x.colour)).toEqual(['#4ade80', '#f59e0b', '#64748b']);
    expect(d.aircraft).toEqual([{ sn: 'A1', lon: 106.41, lat: 29.51, heightM: 420, headingDeg: 90, online: true }]);
    expect(d.trails).toEqual([{ sn: 'A1', line: [[106.4, 29.5, 300]] }]);
    expect(toneOf(dock({ online: false }))).toBe('offline');
  });

  it('the replay plot fits the track and the ring inside the frame', () => {
    const track = [
      { lon: 106.4, lat: 29.5 },
      { lon: 106.45, lat: 29.53 },
    ];
    const f = plotFrame(track, { lon: 106.4, lat: 29.5, radiusM: 6_000 }, 360, 260);
    for (const p of track) {
      expect(f.x(p.lon)).toBeGreaterThanOrEqual(10);
      expect(f.x(p.lon)).toBeLessThanOrEqual(350);
      expect(f.y(p.lat)).toBeGreaterThanOrEqual(10);
      expect(f.y(p.lat)).toBeLessThanOrEqual(250);
    }
    expect(f.path.startsWith('M')).toBe(true);
    expect(f.ring.endsWith('Z')).toBe(true);
  });
});
