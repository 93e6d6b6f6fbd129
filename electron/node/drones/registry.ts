// What the console knows about docks and aircraft right now: the seeded nests, the devices gateways
// announced (update_topo, kept in drone_devices so a restart remembers them) and their latest merged
// state. Protocol adapters write here; the drones service reads.
import type { DroneNestDto } from '../../common/dto';
import { mergeAircraftOsdInto, mergeDockOsd, emptyAircraft } from '../../common/drones/normalise';
import type { AircraftOsdRaw, DockOsdRaw } from '../../common/drones/djiMessages';
import { assessReadiness, DEFAULT_LIMITS, type ReadinessLimits } from '../../common/drones/readiness';
import type { AircraftState, DockDto, DockOsd, FlightProgress } from '../../common/drones/types';

export interface DockEntry {
  sn: string;
  name: string;
  nestId: string | null;
  /** where the nest is, until the dock reports its own position */
  lon: number;
  lat: number;
  coverageRadiusM: number;
  aircraftSn: string | null;
  announced: boolean;
  lastSeenAt: number | null;
  osd: DockOsd | null;
  flight: FlightProgress | null;
}

export const DEFAULT_COVERAGE_M = 6_000;
/** devices beyond this many are refused (a flood of made-up serial numbers must not grow memory) */
export const MAX_DEVICES = 500;

export class DroneRegistry {
  readonly docks = new Map<string, DockEntry>();
  readonly aircraft = new Map<string, AircraftState>();
  /** aircraft sn → its gateway (dock) sn */
  private readonly gatewayOf = new Map<string, string>();

  constructor(readonly limits: ReadinessLimits = DEFAULT_LIMITS) {}

  addNests(nests: readonly DroneNestDto[]): void {
    for (const n of nests) {
      const cur = this.docks.get(n.dockSn);
      this.docks.set(n.dockSn, {
        sn: n.dockSn,
        name: n.name,
        nestId: n.id,
        lon: cur?.osd?.lon ?? n.lon,
        lat: cur?.osd?.lat ?? n.lat,
        coverageRadiusM: n.coverageRadiusM,
        aircraftSn: cur?.aircraftSn ?? n.aircraftSn,
        announced: cur?.announced ?? false,
        lastSeenAt: cur?.lastSeenAt ?? null,
        osd: cur?.osd ?? null,
        flight: cur?.flight ?? null,
      });
      if (n.aircraftSn) this.gatewayOf.set(n.aircraftSn, n.dockSn);
    }
  }

  get deviceCount(): number {
    return this.docks.size + this.aircraft.size;
  }

  isDock(sn: string): boolean {
    return this.docks.has(sn);
  }

  gatewayOfAircraft(sn: string): string | undefined {
    return this.gatewayOf.get(sn);
  }

  /** A device announced before a restart: known again, but not seen yet. */
  remember(gatewaySn: string, aircraftSn: string | null, at: number): void {
    if (!this.docks.has(gatewaySn)) {
      this.announce(gatewaySn, null, at);
      const d = this.docks.get(gatewaySn)!;
      d.announced = false;
      d.lastSeenAt = null;
    }
    const d = this.docks.get(gatewaySn)!;
    if (aircraftSn) {
      d.aircraftSn ??= aircraftSn;
      this.gatewayOf.set(aircraftSn, gatewaySn);
    }
  }

  /** A gateway announced itself and its aircraft (or, with none, that the aircraft went offline). */
  announce(gatewaySn: string, aircraftSn: string | null, at: number): DockEntry {
    let d = this.docks.get(gatewaySn);
    if (!d) {
      d = {
        sn: gatewaySn,
        name: gatewaySn,
        nestId: null,
        lon: 0,
        lat: 0,
        coverageRadiusM: DEFAULT_COVERAGE_M,
        aircraftSn: null,
        announced: true,
        lastSeenAt: at,
        osd: null,
        flight: null,
      };
      this.docks.set(gatewaySn, d);
    }
    d.announced = true;
    d.lastSeenAt = at;
    if (aircraftSn) {
      d.aircraftSn = aircraftSn;
      this.gatewayOf.set(aircraftSn, gatewaySn);
      if (!this.aircraft.has(aircraftSn))
        this.aircraft.set(aircraftSn, emptyAircraft(aircraftSn, 'dji', gatewaySn, at));
    } else if (d.aircraftSn) {
      const a = this.aircraft.get(d.aircraftSn);
      if (a) this.aircraft.set(d.aircraftSn, { ...a, online: false, updatedAt: at });
    }
    return d;
  }

  applyDockOsd(sn: string, raw: DockOsdRaw, at: number): DockEntry | null {
    const d = this.docks.get(sn);
    if (!d) return null;
    d.osd = mergeDockOsd(d.osd, raw, at);
    d.lastSeenAt = at;
    if (d.osd.lon !== null && d.osd.lat !== null) {
      d.lon = d.osd.lon;
      d.lat = d.osd.lat;
    }
    return d;
  }

  /** Merges in place: the registry owns its aircraft states; whoever hands them out copies them. */
  applyAircraftOsd(sn: string, gatewaySn: string, raw: AircraftOsdRaw, at: number): AircraftState {
    let a = this.aircraft.get(sn);
    if (!a) {
      a = emptyAircraft(sn, 'dji', gatewaySn, at);
      this.aircraft.set(sn, a);
    }
    return mergeAircraftOsdInto(a, raw, at);
  }

  /** Any source (MAVLink too) may put an aircraft state in directly. */
  putAircraft(a: AircraftState): void {
    this.aircraft.set(a.sn, a);
  }

  setFlight(dockSn: string, flight: FlightProgress): DockEntry | null {
    const d = this.docks.get(dockSn);
    if (!d) return null;
    d.flight = flight;
    if (d.aircraftSn) {
      const a = this.aircraft.get(d.aircraftSn);
      if (a) this.aircraft.set(a.sn, { ...a, flight });
    }
    return d;
  }

  dockDto(d: DockEntry, now: number): DockDto {
    const a = d.aircraftSn ? (this.aircraft.get(d.aircraftSn) ?? null) : null;
    const online = d.osd !== null && now - d.osd.updatedAt <= this.limits.staleAfterMs;
    return {
      sn: d.sn,
      name: d.name,
      nestId: d.nestId,
      lon: d.lon,
      lat: d.lat,
      coverageRadiusM: d.coverageRadiusM,
      aircraftSn: d.aircraftSn,
      online,
      announced: d.announced,
      lastSeenAt: d.lastSeenAt,
      osd: d.osd,
      readiness: assessReadiness(d.osd, a, now, this.limits),
      flight: d.flight,
    };
  }

  listDocks(now: number): DockDto[] {
    return [...this.docks.values()].sort((a, b) => a.sn.localeCompare(b.sn)).map((d) => this.dockDto(d, now));
  }
}
