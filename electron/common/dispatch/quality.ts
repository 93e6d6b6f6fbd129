// Ticket quality check before verification (the article's "AI check of ticket quality"): rule-based
// and explainable — every failed rule is returned with its reason.
import type { Incident } from './types';

export interface QualityRule {
  id: string;
  message: string;
}
export interface QualityContext {
  /** centre and radius of the named town, to check the location lies in it */
  townCentre?: { lon: number; lat: number; radiusM: number } | null;
  distanceM: (aLon: number, aLat: number, bLon: number, bLat: number) => number;
}

export const MIN_DESCRIPTION = 10;
export const MIN_SUMMARY = 10;

export function ticketQuality(i: Incident, ctx: QualityContext): QualityRule[] {
  const failed: QualityRule[] = [];
  const r = i.report;
  if (!r.title.trim()) failed.push({ id: 'title', message: 'title is empty' });
  if ([...r.description.trim()].length < MIN_DESCRIPTION)
    failed.push({ id: 'description', message: `description shorter than ${MIN_DESCRIPTION} characters` });
  if ((r.source === 'grid' || r.source === 'citizen') && !r.reporter?.trim())
    failed.push({ id: 'reporter', message: `a ${r.source} report needs its reporter` });
  if (!i.townCode) failed.push({ id: 'town', message: 'no town/street named' });
  else if (ctx.townCentre) {
    const d = ctx.distanceM(r.lon, r.lat, ctx.townCentre.lon, ctx.townCentre.lat);
    if (d > ctx.townCentre.radiusM)
      failed.push({
        id: 'location',
        message: `location is ${Math.round(d)} m from the centre of the named town (limit ${ctx.townCentre.radiusM} m)`,
      });
  }
  if (!i.leadDepartmentId) failed.push({ id: 'lead', message: 'no lead department' });
  if (!i.resolution) failed.push({ id: 'resolution', message: 'no resolution recorded' });
  else {
    if ([...i.resolution.summary.trim()].length < MIN_SUMMARY)
      failed.push({ id: 'summary', message: `resolution summary shorter than ${MIN_SUMMARY} characters` });
    if (i.resolution.evidenceCount < 1)
      failed.push({ id: 'evidence', message: 'at least one piece of evidence (photo, video, record) is required' });
  }
  return failed;
}
