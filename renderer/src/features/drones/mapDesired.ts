// The drone layer's desired state from the drones store (pure): readiness colours, airborne aircraft
// with heading and height, trails.
import type { AircraftState, DockDto } from '../../../../electron/common/drones/types';
import type { DroneDesired } from '../../map/layers/drones';
import type { TrailPoint } from '../../stores/useDronesStore';
import { toneOf, TONE_COLOUR } from './text';

export function droneDesired(
  visible: boolean,
  docks: ReadonlyMap<string, DockDto>,
  aircraft: ReadonlyMap<string, AircraftState>,
  trails: ReadonlyMap<string, TrailPoint[]>,
): DroneDesired {
  return {
    visible,
    docks: [...docks.values()].map((d) => ({
      sn: d.sn,
      nestId: d.nestId,
      lon: d.lon,
      lat: d.lat,
      radiusM: d.coverageRadiusM,
      colour: TONE_COLOUR[toneOf(d)],
    })),
    aircraft: [...aircraft.values()]
      .filter((a) => a.airborne && a.lon !== null && a.lat !== null)
      .map((a) => ({
        sn: a.sn,
        lon: a.lon!,
        lat: a.lat!,
        heightM: a.heightM ?? 0,
        headingDeg: a.headingDeg ?? 0,
        online: a.online,
      })),
    trails: [...trails.entries()].map(([sn, pts]) => ({
      sn,
      line: pts.map((p) => [p.lon, p.lat, p.heightM] as [number, number, number]),
    })),
  };
}
