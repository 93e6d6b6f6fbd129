// Flown tracks go to SQLite in batches (one transaction per second, or sooner when many pile up), one
// fix per aircraft per second, only while the aircraft is airborne.
import { trackSlot } from '../../common/drones/track';
import type { AircraftState } from '../../common/drones/types';
import type { DroneRepo, TrackRow } from './repo';

export class TrackWriter {
  private pending: TrackRow[] = [];
  private readonly lastSlot = new Map<string, number>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly repo: DroneRepo,
    private readonly opts: { flushEveryMs?: number; maxPending?: number; log?: (l: string) => void } = {},
  ) {}

  /** Records a fix if the aircraft is flying and has none for that second yet; returns whether it did. */
  record(a: AircraftState, t: number): boolean {
    if (!a.airborne || a.lon === null || a.lat === null) return false;
    const slot = trackSlot(this.lastSlot.get(a.sn), t);
    if (slot === null) return false;
    this.lastSlot.set(a.sn, slot);
    this.pending.push({
      sn: a.sn,
      t: slot,
      lon: a.lon,
      lat: a.lat,
      heightM: a.heightM,
      elevationM: a.elevationM,
      headingDeg: a.headingDeg,
      speedMps: a.horizontalSpeedMps,
      batteryPct: a.batteryPct,
    });
    if (this.pending.length >= (this.opts.maxPending ?? 2_000)) this.flush();
    return true;
  }

  flush(): void {
    const rows = this.pending;
    this.pending = [];
    try {
      this.repo.writeTracks(rows);
    } catch (e) {
      this.opts.log?.(`[drones] writing ${rows.length} track fixes failed: ${(e as Error).message}`);
    }
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), this.opts.flushEveryMs ?? 1_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }
}
