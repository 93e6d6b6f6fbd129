// Ticket quality check (the article's "AI check of ticket quality"): rule-based and explainable. It
// runs at creation and after every change, shown as a checklist; verification needs every rule met.
import type { Incident } from './types';

export interface QualityRule {
  id: string;
  message: string;
}
export interface QualityItem extends QualityRule {
  ok: boolean;
  /** closure rules apply once a resolution is recorded; until then they are pending, not failed */
  stage: 'intake' | 'closure';
}
export interface QualityContext {
  /** centre and radius of the named town, to check the location lies in it */
  townCentre?: { lon: number; lat: number; radiusM: number } | null;
  distanceM: (aLon: number, aLat: number, bLon: number, bLat: number) => number;
}

export const MIN_DESCRIPTION = 10;
export const MIN_SUMMARY = 10;

/** Every rule with whether it holds now. */
export function qualityChecklist(i: Incident, ctx: QualityContext): QualityItem[] {
  const r = i.report;
  const out: QualityItem[] = [];
  const add = (id: string, stage: QualityItem['stage'], ok: boolean, message: string) =>
    out.push({ id, stage, ok, message });
  add('title', 'intake', !!r.title.trim(), 'title is empty');
  add(
    'description',
    'intake',
    [...r.description.trim()].length >= MIN_DESCRIPTION,
    `description shorter than ${MIN_DESCRIPTION} characters`,
  );
  if (r.source === 'grid' || r.source === 'citizen') {
    add('reporter', 'intake', !!r.reporter?.trim(), `a ${r.source} report needs its reporter`);
  }
  add('town', 'intake', !!i.townCode, 'no town/street named');
  if (i.townCode && ctx.townCentre) {
    const d = ctx.distanceM(r.lon, r.lat, ctx.townCentre.lon, ctx.townCentre.lat);
    add(
      'location',
      'intake',
      d <= ctx.townCentre.radiusM,
      `location is ${Math.round(d)} m from the centre of the named town (limit ${ctx.townCentre.radiusM} m)`,
    );
  }
  add('lead', 'intake', !!i.leadDepartmentId, 'no lead department');
  const res = i.resolution;
  add('resolution', 'closure', !!res, 'no resolution recorded');
  add(
    'summary',
    'closure',
    !!res && [...res.summary.trim()].length >= MIN_SUMMARY,
    `resolution summary shorter than ${MIN_SUMMARY} characters`,
  );
  add(
    'evidence',
    'closure',
    !!res && res.evidenceCount >= 1,
    'at least one piece of evidence (a note, a file, a snapshot) is required',
  );
  return out;
}

/** The rules that fail: intake ones always, closure ones once there is a resolution (or at verification). */
export function ticketQuality(i: Incident, ctx: QualityContext): QualityRule[] {
  return qualityChecklist(i, ctx)
    .filter((q) => !q.ok && (q.stage === 'intake' || i.resolution !== null || q.id === 'resolution'))
    .map(({ id, message }) => ({ id, message }));
}
