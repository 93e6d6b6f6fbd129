// Flight model of the simulated aircraft (pure): climb, cruise to a point, hover, return home, land,
// drain and charge the battery. One step advances `dtS` seconds.
import { destination, haversineM } from '../../common/geo';
import type { Waypoint } from '../../common/drones/wayline';

export type Phase = 'docked' | 'climb' | 'cruise' | 'hover' | 'return' | 'descend';

export interface SimAircraft {
  lon: number;
  lat: number;
  /** WGS-84 ellipsoid height */
  heightM: number;
  headingDeg: number;
  hSpeed: number;
  vSpeed: number;
  batteryPct: number;
  phase: Phase;
  /** DJI aircraft mode code */
  modeCode: number;
  /** ellipsoid target and the route after it */
  target: { lon: number; lat: number; heightM: number } | null;
  route: { lon: number; lat: number; heightM: number }[];
  /** what happens at the end of the route */
  finish: 'hover' | 'return';
  home: { lon: number; lat: number; heightM: number };
  maxSpeed: number;
}

export interface FlightParams {
  climbMps: number;
  descendMps: number;
  /** % per second airborne */
  drainPctPerS: number;
  chargePctPerS: number;
  /** return home at or below this % */
  returnHomePct: number;
  /** height above home the aircraft returns at */
  rthHeightM: number;
}

export const DEFAULT_FLIGHT: FlightParams = {
  climbMps: 5,
  descendMps: 3,
  drainPctPerS: 0.055,
  chargePctPerS: 0.05,
  returnHomePct: 25,
  rthHeightM: 100,
};

export type FlightEvent = 'took-off' | 'waypoint' | 'arrived' | 'low-battery' | 'landed';

export function docked(home: SimAircraft['home'], batteryPct: number): SimAircraft {
  return {
    ...home,
    headingDeg: 0,
    hSpeed: 0,
    vSpeed: 0,
    batteryPct,
    phase: 'docked',
    modeCode: 0,
    target: null,
    route: [],
    finish: 'hover',
    home,
    maxSpeed: 12,
  };
}

export function bearingDeg(aLon: number, aLat: number, bLon: number, bLat: number): number {
  const r = Math.PI / 180;
  const y = Math.sin((bLon - aLon) * r) * Math.cos(bLat * r);
  const x =
    Math.cos(aLat * r) * Math.sin(bLat * r) - Math.sin(aLat * r) * Math.cos(bLat * r) * Math.cos((bLon - aLon) * r);
  return (Math.atan2(y, x) / r + 360) % 360;
}

/** Sends the aircraft along `points` (ellipsoid heights); from the dock it climbs first. */
export function flyTo(
  a: SimAircraft,
  points: SimAircraft['route'],
  maxSpeed: number,
  finish: SimAircraft['finish'],
): SimAircraft {
  const [first, ...rest] = points;
  return {
    ...a,
    target: first,
    route: rest,
    finish,
    maxSpeed,
    phase: a.phase === 'docked' ? 'climb' : 'cruise',
    modeCode: a.phase === 'docked' ? 4 : 5,
  };
}

export function returnHome(a: SimAircraft, p: FlightParams = DEFAULT_FLIGHT): SimAircraft {
  if (a.phase === 'docked' || a.phase === 'descend') return a;
  const h = Math.max(a.heightM, a.home.heightM + p.rthHeightM);
  return { ...a, target: { lon: a.home.lon, lat: a.home.lat, heightM: h }, route: [], phase: 'return', modeCode: 9 };
}

export const waypointsToRoute = (home: SimAircraft['home'], w: readonly Waypoint[]) =>
  w.map((p) => ({ lon: p.lon, lat: p.lat, heightM: home.heightM + p.heightM }));

export function stepFlight(
  a0: SimAircraft,
  dtS: number,
  p: FlightParams = DEFAULT_FLIGHT,
): { a: SimAircraft; events: FlightEvent[] } {
  let a = { ...a0 };
  const events: FlightEvent[] = [];
  if (a.phase === 'docked') {
    a.batteryPct = Math.min(100, a.batteryPct + p.chargePctPerS * dtS);
    return { a: { ...a, hSpeed: 0, vSpeed: 0 }, events };
  }
  a.batteryPct = Math.max(0, a.batteryPct - p.drainPctPerS * dtS);
  if (a.batteryPct <= p.returnHomePct && (a.phase === 'climb' || a.phase === 'cruise' || a.phase === 'hover')) {
    a = returnHome(a, p);
    events.push('low-battery');
  }
  const t = a.target;
  switch (a.phase) {
    case 'climb': {
      const goal = Math.max(t ? t.heightM : a.home.heightM + 20, a.home.heightM + 20);
      a.vSpeed = p.climbMps;
      a.hSpeed = 0;
      a.heightM = Math.min(goal, a.heightM + p.climbMps * dtS);
      if (a.heightM >= goal) {
        a.phase = 'cruise';
        a.modeCode = 5;
        events.push('took-off');
      }
      break;
    }
    case 'cruise':
    case 'return': {
      if (!t) break;
      const dist = haversineM(a.lon, a.lat, t.lon, t.lat);
      const step = a.maxSpeed * dtS;
      const dh = t.heightM - a.heightM;
      a.vSpeed = Math.sign(dh) * Math.min(Math.abs(dh) / dtS, p.climbMps);
      a.heightM += a.vSpeed * dtS;
      if (dist <= step) {
        a.lon = t.lon;
        a.lat = t.lat;
        a.hSpeed = dist / dtS;
        if (a.phase === 'return') {
          a.phase = 'descend';
          a.modeCode = 10;
          a.target = null;
        } else if (a.route.length) {
          a.target = a.route[0];
          a.route = a.route.slice(1);
          events.push('waypoint');
        } else {
          a.target = null;
          events.push('arrived');
          if (a.finish === 'return') a = returnHome(a, p);
          else a.phase = 'hover';
        }
      } else {
        a.headingDeg = bearingDeg(a.lon, a.lat, t.lon, t.lat);
        [a.lon, a.lat] = destination(a.lon, a.lat, a.headingDeg, step);
        a.hSpeed = a.maxSpeed;
      }
      break;
    }
    case 'hover':
      a.hSpeed = 0;
      a.vSpeed = 0;
      break;
    case 'descend':
      a.hSpeed = 0;
      a.vSpeed = -p.descendMps;
      a.heightM = Math.max(a.home.heightM, a.heightM - p.descendMps * dtS);
      if (a.heightM <= a.home.heightM) {
        a = { ...docked(a.home, a.batteryPct), headingDeg: a.headingDeg };
        events.push('landed');
      }
      break;
  }
  return { a, events };
}
