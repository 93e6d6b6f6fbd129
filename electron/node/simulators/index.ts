// The dock simulators as a console part: one simulated DJI dock per seeded nest (on by default), each
// its own MQTT client of whatever broker the console uses.
import type { DroneNestDto } from '../../common/dto';
import { DockSim, type DockSimOptions, type SimNest } from './dockSim';

export interface DockSimulatorsOptions {
  nests: () => DroneNestDto[];
  /** the broker to speak to, known once the bus has started */
  connection: () => { url: string; credentials?: { username?: string; password?: string } };
  now: () => number;
  speed?: number;
  tickMs?: number;
  weatherSeed?: number;
  fetchFile: DockSimOptions['fetchFile'];
  live?: DockSimOptions['live'];
  log?: (line: string) => void;
}

/** A stable ellipsoid height for a simulated dock (Chongqing's hills: 220–420 m). */
export function simDockHeightM(sn: string): number {
  let h = 0;
  for (const ch of sn) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 220 + (h % 200);
}

export const simNestOf = (n: DroneNestDto): SimNest => ({
  name: n.name,
  dockSn: n.dockSn,
  aircraftSn: n.aircraftSn,
  lon: n.lon,
  lat: n.lat,
  heightM: simDockHeightM(n.dockSn),
});

export class DockSimulators {
  readonly name = 'dock-simulators';
  sims: DockSim[] = [];

  constructor(private readonly o: DockSimulatorsOptions) {}

  get(dockSn: string): DockSim | undefined {
    return this.sims.find((s) => s.sn === dockSn);
  }

  async start(): Promise<void> {
    const { url, credentials } = this.o.connection();
    this.sims = this.o.nests().map(
      (n, index) =>
        new DockSim({
          nest: simNestOf(n),
          index,
          url,
          credentials,
          startAt: this.o.now(),
          speed: this.o.speed,
          tickMs: this.o.tickMs,
          weatherSeed: this.o.weatherSeed,
          fetchFile: this.o.fetchFile,
          live: this.o.live,
          log: this.o.log,
        }),
    );
    await Promise.all(this.sims.map((s) => s.start()));
    this.o.log?.(`[sim] ${this.sims.length} simulated docks on ${url}: ${this.sims.map((s) => s.sn).join(', ')}`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.sims.map((s) => s.stop()));
    this.sims = [];
  }
}
