// Stored patrols and their wayline files (DJI WPML inside a KMZ): a loop of waypoints around each
// nest, written as text here (pure) and zipped and fingerprinted by the host. The dock simulator reads
// the same WPML back to fly it.
import { z } from 'zod';
import { destination } from '../geo';

export const waypointSchema = z.object({
  lon: z.number(),
  lat: z.number(),
  /** height above the take-off point, m */
  heightM: z.number(),
});
export type Waypoint = z.infer<typeof waypointSchema>;

export const patrolSchema = z.object({
  id: z.string(),
  name: z.string(),
  nameEn: z.string(),
  dockSn: z.string(),
  speedMps: z.number(),
  waypoints: z.array(waypointSchema),
});
export type Patrol = z.infer<typeof patrolSchema>;

/** A loop of `n` points at `share` of the coverage radius around the nest, starting north, clockwise. */
export function patrolAround(
  nest: { id: string; name: string; dockSn: string; lon: number; lat: number; coverageRadiusM: number },
  n = 8,
  share = 0.5,
  heightM = 120,
): Patrol {
  const waypoints: Waypoint[] = [];
  for (let i = 0; i < n; i++) {
    const [lon, lat] = destination(nest.lon, nest.lat, (360 * i) / n, nest.coverageRadiusM * share);
    waypoints.push({ lon: round7(lon), lat: round7(lat), heightM });
  }
  return {
    id: `patrol-${nest.id}`,
    name: `${nest.name}环线巡逻`,
    nameEn: `Loop patrol, ${nest.id}`,
    dockSn: nest.dockSn,
    speedMps: 10,
    waypoints,
  };
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

export function waylinesWpml(p: Patrol): string {
  const marks = p.waypoints
    .map(
      (w, i) => `    <Placemark>
      <Point><coordinates>${w.lon},${w.lat}</coordinates></Point>
      <wpml:index>${i}</wpml:index>
      <wpml:executeHeight>${w.heightM}</wpml:executeHeight>
      <wpml:waypointSpeed>${p.speedMps}</wpml:waypointSpeed>
    </Placemark>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:wpml="http://www.dji.com/wpmz/1.0.2">
<Document>
  <wpml:missionConfig>
    <wpml:flyToWaylineMode>safely</wpml:flyToWaylineMode>
    <wpml:finishAction>goHome</wpml:finishAction>
    <wpml:exitOnRCLost>executeLostAction</wpml:exitOnRCLost>
    <wpml:executeRCLostAction>goBack</wpml:executeRCLostAction>
    <wpml:globalTransitionalSpeed>${p.speedMps}</wpml:globalTransitionalSpeed>
  </wpml:missionConfig>
  <Folder>
    <wpml:templateId>0</wpml:templateId>
    <wpml:executeHeightMode>relativeToStartPoint</wpml:executeHeightMode>
    <wpml:waylineId>0</wpml:waylineId>
    <wpml:autoFlightSpeed>${p.speedMps}</wpml:autoFlightSpeed>
${marks}
  </Folder>
</Document>
</kml>
`;
}

/** Waypoints back out of a waylines.wpml (what a dock does with the file it downloaded). */
export function parseWpml(xml: string): Waypoint[] {
  const out: Waypoint[] = [];
  for (const m of xml.matchAll(/<Placemark>([\s\S]*?)<\/Placemark>/g)) {
    const c = /<coordinates>\s*([-\d.]+)\s*,\s*([-\d.]+)/.exec(m[1]);
    const h = /<wpml:executeHeight>\s*([-\d.]+)/.exec(m[1]);
    if (!c) continue;
    const w = { lon: Number(c[1]), lat: Number(c[2]), heightM: h ? Number(h[1]) : 100 };
    if ([w.lon, w.lat, w.heightM].every(Number.isFinite)) out.push(w);
  }
  return out;
}
