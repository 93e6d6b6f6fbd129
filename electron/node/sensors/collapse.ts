// The road-collapse pilot, live: each assessment cell scored from its surveyed factors and the latest
// readings of its sensors, graded with a band. Medium and above are warnings matched to the plan and
// departments; the service keeps each as an alarm (low priority, silent, at medium; high above), so
// it is audited and one action makes it an incident.
import {
  collapseGrade,
  collapseScore,
  matchCollapse,
  type CollapseGrade,
  type CollapseScore,
  type CollapseUnit,
} from '../../common/rules/collapse';
import type { CollapseUnitStatus } from '../../common/contract/sensing';
import type { SensorRegistry } from './registry';

export const COLLAPSE_CATEGORY_NAME = '道路塌陷隐患';

export class CollapseWatch {
  private units: CollapseUnit[] = [];
  private readonly state = new Map<string, { grade: CollapseGrade; score: CollapseScore }>();

  constructor(
    private readonly registry: SensorRegistry,
    private readonly category: () => { id: number; planId: string; leadDepartmentId: string } | null,
    private readonly onGrade: (u: CollapseUnitStatus, before: CollapseGrade, at: number) => void,
  ) {}

  load(units: CollapseUnit[]): void {
    this.units = units;
  }

  evaluate(at: number): void {
    const latest = (id: string) => {
      const e = this.registry.get(id);
      return e && e.state.state !== 'no-data' ? e.state.lastValue : null;
    };
    for (const u of this.units) {
      const prev = this.state.get(u.id);
      const score = collapseScore(u, latest);
      const grade = collapseGrade(score.score, prev?.grade ?? 'low');
      this.state.set(u.id, { grade, score });
      if (prev && prev.grade !== grade) this.onGrade(this.status(u)!, prev.grade, at);
      if (!prev && grade !== 'low') this.onGrade(this.status(u)!, 'low', at);
    }
  }

  private status(u: CollapseUnit): CollapseUnitStatus | null {
    const s = this.state.get(u.id);
    if (!s) return null;
    const cat = this.category();
    return {
      id: u.id,
      name: u.name,
      nameEn: u.nameEn,
      lon: u.lon,
      lat: u.lat,
      grade: s.grade,
      score: s.score.score,
      contributions: s.score.contributions,
      match: cat ? matchCollapse(s.grade, s.score, cat) : null,
      incidentId: null,
    };
  }

  list(): CollapseUnitStatus[] {
    return this.units.map((u) => this.status(u)).filter((x): x is CollapseUnitStatus => x !== null);
  }

  get(id: string): CollapseUnitStatus | null {
    const u = this.units.find((x) => x.id === id);
    return u ? this.status(u) : null;
  }
}
