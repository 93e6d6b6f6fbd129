// From a report to what is stored about it: intake (when and where — refused with the field named, or
// kept and flagged), the suggested grade and urgency, and the responsibility-list match. A report from
// outside the district goes to the cross-district desk, naming the neighbour.
import { suggestGrade } from '../../common/dispatch/grades';
import {
  intake,
  IntakeError,
  TOWN_RADIUS_M,
  type IntakeContext,
  type IntakeResult,
} from '../../common/dispatch/intake';
import { defaultTier, matchDepartments, type ResponsibilityRule } from '../../common/dispatch/matching';
import { qualityChecklist, type QualityItem } from '../../common/dispatch/quality';
import type { Incident, IncidentReport, ReportedEvent } from '../../common/dispatch/types';
import { suggestUrgency } from '../../common/dispatch/urgency';
import type { TownDto } from '../../common/dto';
import { ServiceError } from '../../common/errors';
import { haversineM } from '../../common/geo';

/** What the ledger judges reports and commands against; read from the store once it is seeded. */
export interface LedgerReference {
  towns: TownDto[];
  departments: string[];
  rules: readonly ResponsibilityRule[];
  familyOfCategory: (categoryId: number) => string | null;
  /** the district outline (closed ring); reports outside it are flagged */
  outline: [number, number][];
  neighbours: { name: string; lon: number; lat: number }[];
}

export const CROSS_DISTRICT = 'cross-district';

/** Intake against the reference data at `now`; a refusal becomes a 400 naming the field. */
export function intakeOf(ref: LedgerReference, now: number): (r: IncidentReport) => IntakeResult {
  const ctx: IntakeContext = { towns: ref.towns, outline: ref.outline, neighbours: ref.neighbours, now };
  return (r) => {
    try {
      return intake(r, ctx);
    } catch (e) {
      if (e instanceof IntakeError) throw new ServiceError('bad-request', e.message, { field: e.field });
      throw e;
    }
  };
}

export function buildReported(report: IncidentReport, ref: LedgerReference, now: number): ReportedEvent {
  const where = intakeOf(ref, now)(report);
  const familyId = report.categoryId ? ref.familyOfCategory(report.categoryId) : null;
  if (report.categoryId && !familyId) {
    throw new ServiceError('bad-request', `unknown risk category ${report.categoryId}`, { field: 'categoryId' });
  }
  const g = suggestGrade(report, familyId);
  const outside = where.flags.includes('outside-district');
  const m = outside
    ? null
    : matchDepartments(
        { title: report.title, description: report.description, familyId, townCode: where.townCode },
        ref.rules,
      );
  const match = outside
    ? ref.departments.includes(CROSS_DISTRICT)
      ? { lead: CROSS_DISTRICT, assist: [], ruleId: CROSS_DISTRICT }
      : null
    : m && { lead: m.lead, assist: m.assist, ruleId: m.ruleId, matter: m.matter, words: m.words };
  return {
    type: 'reported',
    report,
    townCode: where.townCode,
    suggestedGrade: g.grade,
    gradeReason: g.reason,
    tier: outside ? 'district' : defaultTier(g.grade),
    match,
    urgency: suggestUrgency(report, familyId),
    flags: where.flags,
    neighbour: where.neighbour,
  };
}

/** The ticket-quality checklist of an incident against its named town. */
export function checklistOf(i: Incident, ref: LedgerReference): QualityItem[] {
  const t = ref.towns.find((x) => x.code === i.townCode);
  return qualityChecklist(i, {
    distanceM: haversineM,
    townCentre: t ? { lon: t.lon, lat: t.lat, radiusM: TOWN_RADIUS_M[t.kind] } : null,
  });
}
