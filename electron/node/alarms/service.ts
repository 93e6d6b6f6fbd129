// The alarms service: conditions from the rules, the grading models, the KPIs and the collapse model raise
// and clear alarms; officers acknowledge, shelve and take them out of service; nobody acknowledging in time
// escalates them to the shift leader's seat; shelving runs out. Every change is one transaction (alarm and
// event) and is announced. Time comes from the injected clock: `tick(now)` is what the part's timer calls.
import { chattering, escalationDueAt, floods, standing } from '../../common/alarms/annunciation';
import { applyAlarm, type AlarmCommand } from '../../common/alarms/machine';
import {
  ALARM_STATES,
  type Alarm,
  type AlarmEvent,
  type AlarmPriority,
  type AlarmSeat,
  type AlarmSource,
  type ShelveRequest,
} from '../../common/alarms/types';
import type { AlarmDetail, AlarmFilter, AlarmReport, IAlarmsService } from '../../common/contract/alarms';
import { reportSchema, type Actor, type Incident, type IncidentReport } from '../../common/dispatch/types';
import type { NearbyCameraDto, ResponsePlanDto, RiskPointDetail } from '../../common/dto';
import { ServiceError } from '../../common/errors';
import type { IdSource } from '../../common/ids';
import type { Severity } from '../../common/rules/engine';
import type { SeriesDto } from '../../common/sensors/types';
import { CONSOLE_OFFICER } from '../dispatch/actors';
import { Emitter } from '../events';
import type { AlarmRepo } from './repo';

export interface RaiseInput {
  source: AlarmSource;
  sourceId: string;
  riskPointId: number | null;
  categoryId: number | null;
  planId: string | null;
  seat: AlarmSeat;
  priority: AlarmPriority;
  severity: Severity | null;
  title: string;
  titleEn: string;
  value: number | null;
  unit: string | null;
  threshold: number | null;
  lon: number;
  lat: number;
  at: number;
}

export interface AlarmsDeps {
  repo: AlarmRepo;
  ids: IdSource;
  now: () => number;
  report: (r: IncidentReport) => Promise<Incident>;
  point: (id: number) => Promise<RiskPointDetail | null>;
  plan: (id: string) => ResponsePlanDto | null;
  cameras: (lon: number, lat: number) => Promise<NearbyCameraDto[]>;
  series: (sensorId: string, from: number, to: number) => Promise<SeriesDto | null>;
  /** the signed-in officer of the calling window, who actions are recorded as */
  sessionActor?: () => Actor | undefined;
  log?: (line: string) => void;
}

const key = (source: AlarmSource, sourceId: string) => `${source}\u0000${sourceId}`;

export class AlarmsService implements IAlarmsService {
  private readonly open = new Map<string, Alarm>();
  private readonly bySource = new Map<string, string>();
  private readonly changes = new Emitter<Alarm>();
  readonly onDidChange = this.changes.event;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly d: AlarmsDeps) {}

  load(): void {
    this.open.clear();
    this.bySource.clear();
    for (const a of this.d.repo.open()) this.remember(a);
  }

  private remember(a: Alarm): void {
    if (a.state === 'cleared') {
      this.open.delete(a.id);
      if (this.bySource.get(key(a.source, a.sourceId)) === a.id) this.bySource.delete(key(a.source, a.sourceId));
      return;
    }
    this.open.set(a.id, a);
    this.bySource.set(key(a.source, a.sourceId), a.id);
  }

  private commit(items: { alarm: Alarm; event: AlarmEvent }[]): void {
    if (!items.length) return;
    this.d.repo.save(items);
    for (const { alarm } of items) {
      this.remember(alarm);
      this.changes.fire(alarm);
    }
  }

  /** A condition is present: a new alarm, or a re-raise of the open one from the same source. */
  raise(i: RaiseInput): Alarm {
    const openId = this.bySource.get(key(i.source, i.sourceId));
    const existing = openId ? this.open.get(openId) : undefined;
    if (existing) {
      const r = applyAlarm(
        existing,
        {
          type: 're-raise',
          value: i.value,
          severity: i.severity,
          priority: i.priority,
          title: i.title,
          titleEn: i.titleEn,
          threshold: i.threshold,
        },
        i.at,
      );
      if (r.ok) this.commit([r]);
      return r.ok ? r.alarm : existing;
    }
    const { at, ...rest } = i;
    const alarm: Alarm = {
      ...rest,
      id: this.d.ids.next(at),
      state: 'active',
      condition: true,
      raisedAt: at,
      raiseCount: 0,
      ackedAt: null,
      ackedBy: null,
      shelvedUntil: null,
      shelveReason: null,
      outOfServiceReason: null,
      clearedAt: null,
      escalatedAt: null,
      incidentId: null,
      version: 1,
      updatedAt: at,
    };
    this.commit([{ alarm, event: { alarmId: alarm.id, at, type: 'raise', actor: null, detail: { value: i.value } } }]);
    return alarm;
  }

  /** The condition is gone. */
  clear(source: AlarmSource, sourceId: string, at: number, value: number | null = null): void {
    const id = this.bySource.get(key(source, sourceId));
    const a = id ? this.open.get(id) : undefined;
    if (!a || !a.condition) return;
    const r = applyAlarm(a, { type: 'condition-cleared', value }, at);
    if (r.ok) this.commit([r]);
  }

  openFor(source: AlarmSource, sourceId: string): Alarm | null {
    const id = this.bySource.get(key(source, sourceId));
    return (id && this.open.get(id)) || null;
  }

  /** Escalates what nobody acknowledged in time and brings back what was shelved until now. */
  tick(now: number): void {
    const items: { alarm: Alarm; event: AlarmEvent }[] = [];
    for (const a of this.open.values()) {
      let cmd: AlarmCommand | null = null;
      if (a.state === 'shelved' && a.shelvedUntil !== null && a.shelvedUntil <= now) cmd = { type: 'unshelve' };
      else {
        const due = escalationDueAt(a);
        if (due !== null && due <= now) cmd = { type: 'escalate' };
      }
      if (!cmd) continue;
      const r = applyAlarm(a, cmd, now, null);
      if (r.ok) items.push(r);
    }
    this.commit(items);
  }

  private command(id: string, cmd: AlarmCommand, actor?: Actor): Alarm {
    const a = this.open.get(id) ?? this.d.repo.get(id);
    if (!a) throw new ServiceError('not-found', `no alarm ${id}`);
    const r = applyAlarm(a, cmd, this.d.now(), this.d.sessionActor?.() ?? actor ?? CONSOLE_OFFICER);
    if (!r.ok) throw new ServiceError(r.code, r.reason, { state: a.state });
    this.commit([r]);
    return r.alarm;
  }

  async list(f: AlarmFilter): Promise<Alarm[]> {
    const limit = f.limit ?? 500;
    const base =
      f.state === undefined || f.state !== 'cleared'
        ? [...this.open.values()].filter((a) => !f.state || a.state === f.state)
        : this.d.repo.list({ state: 'cleared', limit });
    return base
      .filter((a) => !f.seat || a.seat === f.seat)
      .sort((a, b) => b.raisedAt - a.raisedAt)
      .slice(0, limit);
  }

  /** alarms raised between two times, whatever their state now (the shift report) */
  raisedBetween(from: number, to: number): Alarm[] {
    return this.d.repo.list({ since: from, limit: 100_000 }).filter((a) => a.raisedAt < to);
  }

  async get(id: string): Promise<AlarmDetail | null> {
    const alarm = this.open.get(id) ?? this.d.repo.get(id);
    if (!alarm) return null;
    const now = this.d.now();
    const [point, cameras, series] = await Promise.all([
      alarm.riskPointId === null ? null : this.d.point(alarm.riskPointId),
      this.d.cameras(alarm.lon, alarm.lat),
      alarm.source === 'sensor' ? this.d.series(alarm.sourceId, now - 24 * 3_600_000, now) : null,
    ]);
    return {
      alarm,
      events: this.d.repo.events(id),
      point,
      plan: alarm.planId ? this.d.plan(alarm.planId) : null,
      cameras,
      series,
    };
  }

  async ack(id: string, note?: string, actor?: Actor): Promise<Alarm> {
    return this.command(id, { type: 'ack', ...(note ? { note } : {}) }, actor);
  }

  async shelve(id: string, req: ShelveRequest, actor?: Actor): Promise<Alarm> {
    return this.command(id, { type: 'shelve', durationMs: req.durationMs, reason: req.reason }, actor);
  }

  async unshelve(id: string, actor?: Actor): Promise<Alarm> {
    return this.command(id, { type: 'unshelve' }, actor);
  }

  async setOutOfService(id: string, reason: string, actor?: Actor): Promise<Alarm> {
    return this.command(id, { type: 'out-of-service', reason }, actor);
  }

  async returnToService(id: string, actor?: Actor): Promise<Alarm> {
    return this.command(id, { type: 'return-to-service' }, actor);
  }

  async toIncident(id: string, actor?: Actor): Promise<{ alarm: Alarm; incident: Incident }> {
    const a = this.open.get(id) ?? this.d.repo.get(id);
    if (!a) throw new ServiceError('not-found', `no alarm ${id}`);
    if (a.incidentId)
      throw new ServiceError('conflict', `the alarm is incident ${a.incidentId} already`, { incidentId: a.incidentId });
    const plan = a.planId ? this.d.plan(a.planId) : null;
    const reading =
      a.value === null
        ? ''
        : `读数 ${a.value}${a.unit ?? ''}${a.threshold === null ? '' : `（阈值 ${a.threshold}${a.unit ?? ''}）`}。`;
    const report = reportSchema.parse({
      source: 'alert',
      title: a.title.slice(0, 120),
      description: `${a.title}。${reading}${plan ? `建议预案：${plan.name}。` : ''}告警编号 ${a.id}。`.slice(0, 4000),
      lon: a.lon,
      lat: a.lat,
      occurredAt: a.raisedAt,
      ...(a.categoryId ? { categoryId: a.categoryId } : {}),
    });
    const incident = await this.d.report(report);
    const alarm = this.command(id, { type: 'incident', incidentId: incident.id }, actor);
    return { alarm, incident };
  }

  async report(): Promise<AlarmReport> {
    const now = this.d.now();
    const counts = Object.fromEntries(ALARM_STATES.map((s) => [s, 0])) as AlarmReport['counts'];
    const open = [...this.open.values()];
    for (const a of open) counts[a.state]++;
    counts.cleared = this.d.repo.list({ state: 'cleared', since: now - 24 * 3_600_000, limit: 100_000 }).length;
    return {
      at: now,
      counts,
      floods: floods(open, now),
      chattering: this.chattering(now - 24 * 3_600_000, now),
      standing: standing(open, now),
    };
  }

  chattering(from: number, to: number) {
    const raises = this.d.repo.raises(from, to);
    const sources = this.d.repo.sourcesOf([...new Set(raises.map((r) => r.alarmId))]);
    return chattering(
      raises.flatMap((r) => {
        const s = sources.get(r.alarmId);
        return s ? [{ ...s, at: r.at }] : [];
      }),
    );
  }

  start(): void {
    this.timer ??= setInterval(() => {
      try {
        this.tick(this.d.now());
      } catch (e) {
        this.d.log?.(`[alarms] tick failed: ${(e as Error).message}`);
      }
    }, 1_000);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
