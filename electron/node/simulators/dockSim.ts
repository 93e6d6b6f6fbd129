// One simulated DJI dock and its aircraft, speaking only MQTT (DJI Cloud API topics), so it can point at
// any broker. Announces itself (update_topo), publishes the three dock OSD partials every 2 s and the
// aircraft OSD (2 Hz in flight), answers services on services_reply echoing tid/bid/method, reports
// flight progress, and follows the weather script.
import { connect, type MqttClient } from 'mqtt';
import { randomUUID } from 'node:crypto';
import { djiDeviceFilters, djiTopic, parseDjiTopic } from '../../common/bus/topics';
import type { Waypoint } from '../../common/drones/wayline';
import { DEFAULT_FLIGHT, docked, flyTo, returnHome, stepFlight, waypointsToRoute, type SimAircraft } from './flight';
import { weatherAt, type Weather } from './weather';
import { handleService, type ServiceOutcome } from './services';

export interface SimNest {
  name: string;
  dockSn: string;
  aircraftSn: string;
  lon: number;
  lat: number;
  /** WGS-84 ellipsoid height of the dock */
  heightM: number;
}

export interface DockSimOptions {
  nest: SimNest;
  index: number;
  url: string;
  credentials?: { username?: string; password?: string };
  /** the simulation's clock at start (ms) */
  startAt: number;
  /** simulated seconds per real second */
  speed?: number;
  tickMs?: number;
  weatherSeed?: number;
  /** fixed weather instead of the script (tests) */
  weather?: (t: number) => Weather;
  batteryPct?: number;
  /** downloads a wayline file (the in-console simulator reads it from the console directly) */
  fetchFile(url: string): Promise<Uint8Array>;
  /** the video network's hook: start/stop the aircraft's stream when live_start_push / live_stop_push arrive */
  live?: {
    start(aircraftSn: string, url: string): Promise<void> | void;
    stop(aircraftSn: string): Promise<void> | void;
  } | null;
  log?: (line: string) => void;
}

export interface Task {
  kind: 'fly-to' | 'wayline';
  id: string;
  started: number;
  total: number;
}

export class DockSim {
  client: MqttClient | null = null;
  simNow: number;
  aircraft: SimAircraft;
  weather: Weather;
  modeCode = 0;
  coverState = 0;
  emergencyStop = false;
  task: Task | null = null;
  /** prepared flight tasks: flight_id → waypoints */
  readonly prepared = new Map<string, Waypoint[]>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastDockOsd = -Infinity;
  private lastAircraftOsd = -Infinity;
  private jobNumber = 0;

  constructor(readonly o: DockSimOptions) {
    this.simNow = o.startAt;
    const home = { lon: o.nest.lon, lat: o.nest.lat, heightM: o.nest.heightM };
    this.aircraft = docked(home, o.batteryPct ?? 92);
    this.weather = this.weatherNow();
  }

  get sn(): string {
    return this.o.nest.dockSn;
  }

  private weatherNow(): Weather {
    return this.o.weather ? this.o.weather(this.simNow) : weatherAt(this.simNow, this.o.index, this.o.weatherSeed ?? 1);
  }

  start(): Promise<void> {
    const c = connect(this.o.url, {
      clientId: `lianqin-sim-${this.sn}`,
      protocolVersion: 4,
      clean: true,
      reconnectPeriod: 1_000,
      username: this.o.credentials?.username,
      password: this.o.credentials?.password,
    });
    this.client = c;
    c.on('connect', () => {
      c.subscribe(djiDeviceFilters(this.sn), { qos: 1 });
      this.announce();
    });
    c.on('message', (topic, payload) => this.onMessage(topic, payload));
    c.on('error', (e) => this.o.log?.(`[sim ${this.sn}] ${e.message}`));
    const tickMs = this.o.tickMs ?? 250;
    this.timer = setInterval(() => this.tick(tickMs / 1000), tickMs);
    return new Promise((resolve) => {
      const t = setTimeout(resolve, 5_000);
      c.once('connect', () => {
        clearTimeout(t);
        resolve();
      });
    });
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const c = this.client;
    this.client = null;
    if (c) await new Promise<void>((r) => c.end(false, {}, () => r()));
  }

  publish(topic: string, body: object): void {
    if (this.client?.connected) this.client.publish(topic, JSON.stringify(body), { qos: 0 });
  }

  private envelope(data: object, method?: string, extra: object = {}) {
    return {
      tid: randomUUID(),
      bid: randomUUID(),
      timestamp: this.simNow,
      gateway: this.sn,
      ...(method ? { method } : {}),
      ...extra,
      data,
    };
  }

  announce(): void {
    this.publish(
      djiTopic('status', this.sn),
      this.envelope(
        {
          domain: 3,
          type: 2,
          sub_type: 0,
          device_secret: 'sim',
          nonce: 'sim',
          thing_version: '1.1.2',
          sub_devices: [{ sn: this.o.nest.aircraftSn, domain: 0, type: 91, sub_type: 1, index: 'A' }],
        },
        'update_topo',
      ),
    );
  }

  /** Advances the simulation by `realDtS` of real time. Public so tests can drive it. */
  tick(realDtS: number): void {
    const dtS = realDtS * (this.o.speed ?? 1);
    this.simNow += dtS * 1000;
    this.weather = this.weatherNow();
    const { a, events } = stepFlight(this.aircraft, dtS, DEFAULT_FLIGHT);
    this.aircraft = a;
    for (const e of events) this.onFlightEvent(e);
    if (this.task && this.task.kind === 'wayline' && this.aircraft.phase !== 'docked') this.progress('in_progress');
    if (this.simNow - this.lastDockOsd >= 2_000) {
      this.lastDockOsd = this.simNow;
      this.publishDockOsd();
    }
    const airborne = this.aircraft.phase !== 'docked';
    if (this.simNow - this.lastAircraftOsd >= (airborne ? 500 : 2_000)) {
      this.lastAircraftOsd = this.simNow;
      this.publishAircraftOsd();
    }
  }

  private onFlightEvent(e: string): void {
    if (e === 'took-off') {
      this.coverState = 0;
      this.modeCode = 4;
    } else if (e === 'arrived' && this.task?.kind === 'fly-to') {
      this.flyToProgress('wayline_ok', 0);
      this.task = null;
    } else if (e === 'low-battery') {
      if (this.task?.kind === 'fly-to') this.flyToProgress('wayline_failed', 321773);
      if (this.task?.kind === 'wayline') this.progress('failed', 321773);
      this.task = null;
    } else if (e === 'landed') {
      if (this.task?.kind === 'wayline') this.progress('ok');
      this.task = null;
      this.modeCode = 0;
      this.coverState = 0;
    }
  }

  flyToProgress(status: string, result: number): void {
    if (!this.task) return;
    this.publish(
      djiTopic('events', this.sn),
      this.envelope({ fly_to_id: this.task.id, status, result }, 'fly_to_point_progress', { need_reply: 0 }),
    );
  }

  progress(status: string, result = 0): void {
    if (!this.task) return;
    const remaining = this.aircraft.route.length + (this.aircraft.target ? 1 : 0);
    const percent =
      status === 'ok' ? 100 : Math.round((100 * (this.task.total - remaining)) / Math.max(1, this.task.total));
    this.publish(
      djiTopic('events', this.sn),
      this.envelope(
        {
          result,
          output: {
            status,
            progress: { current_step: 1, percent },
            ext: { flight_id: this.task.id, current_waypoint_index: this.task.total - remaining },
          },
        },
        'flighttask_progress',
        { need_reply: 1 },
      ),
    );
  }

  private publishDockOsd(): void {
    const w = this.weather;
    const docked = this.aircraft.phase === 'docked';
    const n = this.o.nest;
    const topic = djiTopic('osd', this.sn);
    this.publish(
      topic,
      this.envelope({
        mode_code: this.modeCode,
        drone_in_dock: docked ? 1 : 0,
        cover_state: this.coverState,
        putter_state: 0,
        environment_temperature: w.temperatureC,
        temperature: w.temperatureC + 4,
        humidity: w.humidityPct,
        rainfall: w.rainfall,
        wind_speed: w.windMps,
        emergency_stop_state: this.emergencyStop ? 1 : 0,
        drone_charge_state: {
          state: docked && this.aircraft.batteryPct < 100 ? 1 : 0,
          capacity_percent: Math.round(this.aircraft.batteryPct),
        },
        latitude: n.lat,
        longitude: n.lon,
        height: n.heightM,
        alarm_state: 0,
        storage: { total: 64_000_000, used: 12_000_000 },
        sub_device: { device_sn: n.aircraftSn, device_online_status: 1, device_paired: 1 },
      }),
    );
    const quality = w.rainfall === 3 ? 1 : 5;
    this.publish(
      topic,
      this.envelope({
        wireless_link: { sdr_quality: 5, '4g_quality': 4 },
        network_state: { type: 2, quality, rate: quality * 800 },
      }),
    );
    this.publish(topic, this.envelope({ job_number: this.jobNumber, flighttask_step_code: this.task ? 1 : 5 }));
  }

  private publishAircraftOsd(): void {
    const a = this.aircraft;
    this.publish(
      djiTopic('osd', this.o.nest.aircraftSn),
      this.envelope({
        latitude: a.lat,
        longitude: a.lon,
        height: Math.round(a.heightM * 10) / 10,
        elevation: Math.round((a.heightM - a.home.heightM) * 10) / 10,
        attitude_head: Math.round(a.headingDeg > 180 ? a.headingDeg - 360 : a.headingDeg),
        attitude_pitch: a.hSpeed > 0 ? -8 : 0,
        attitude_roll: 0,
        horizontal_speed: Math.round(a.hSpeed * 10) / 10,
        vertical_speed: Math.round(a.vSpeed * 10) / 10,
        home_distance: 0,
        battery: {
          capacity_percent: Math.round(a.batteryPct),
          remain_flight_time: Math.round(
            ((a.batteryPct - DEFAULT_FLIGHT.returnHomePct) / DEFAULT_FLIGHT.drainPctPerS) | 0,
          ),
          return_home_power: DEFAULT_FLIGHT.returnHomePct,
          landing_power: 10,
        },
        mode_code: a.modeCode,
        wind_speed: Math.round(this.weather.windMps * 10),
      }),
    );
  }

  private onMessage(topic: string, payload: Buffer): void {
    const t = parseDjiTopic(topic);
    if (!t || t.kind !== 'services') return; // replies to our events/status need nothing further
    let m: { tid?: string; bid?: string; method?: string; data?: Record<string, unknown> };
    try {
      m = JSON.parse(payload.toString('utf8'));
    } catch {
      return;
    }
    if (typeof m.method !== 'string' || typeof m.tid !== 'string') return;
    const tid = m.tid;
    void handleService(this, m.method, m.data ?? {}).then((out: ServiceOutcome) =>
      this.publish(djiTopic('services_reply', this.sn), {
        tid,
        bid: m.bid,
        timestamp: this.simNow,
        method: m.method,
        data: { result: out.result, output: { status: out.status } },
      }),
    );
  }

  // ---- actions the services use
  launch(points: SimAircraft['route'], maxSpeed: number, finish: SimAircraft['finish']): void {
    if (this.aircraft.phase === 'docked') {
      this.coverState = 1;
      this.modeCode = 4;
      this.jobNumber++;
    }
    this.aircraft = flyTo(this.aircraft, points, maxSpeed, finish);
  }

  goHome(): void {
    this.aircraft = returnHome(this.aircraft);
  }

  route(w: readonly Waypoint[]) {
    return waypointsToRoute(this.aircraft.home, w);
  }
}
