// The embedded schematic basemap's data and style: what the open data holds (buildings, water, metro
// lines and stations, rivers, the approximate outline, town labels) and how each is drawn per zoom.
// Streets are not in the open data here, so none are drawn — the map says it is schematic.

export const SCHEMATIC_ID = 'schematic';
export const SCHEMATIC_ATTRIBUTION = 'schematic basemap, © OpenStreetMap contributors (ODbL)';
export const SCHEMATIC_MIN_ZOOM = 10;
export const SCHEMATIC_MAX_ZOOM = 18;

/** Flat [lon, lat, lon, lat, …] in degrees. */
export type FlatLine = number[];

export interface SchematicData {
  attribution: string;
  outline: { ring: FlatLine; approximate: boolean };
  rivers: { name: string; line: FlatLine }[];
  water: { name: string | null; kind: string; rings: FlatLine[] }[];
  metro: { ref: string; name: string; colour: string; lines: FlatLine[] }[];
  stations: { name: string; lon: number; lat: number; refs: string[]; colour: string }[];
  buildings: { name: string | null; type: string | null; ring: FlatLine }[];
  towns: { code: string; name: string; nameEn: string; lon: number; lat: number }[];
}

/** Colours of the dark schematic style (night-lit room): RGBA 0–255. */
export const SCHEMATIC_STYLE = {
  background: [11, 26, 42, 255],
  water: [22, 66, 112, 255],
  building: [44, 58, 76, 255],
  buildingEdge: [70, 90, 114, 255],
} as const;

/** Metro line width in pixels by zoom (readable from the district view to the street). */
export function metroWidthPx(z: number): number {
  return z >= 15 ? 4 : z >= 13 ? 3 : 2;
}

/** Which label kinds are shown at a zoom, most important first (decluttering keeps the first). */
export function labelKindsAt(z: number): ('town' | 'station' | 'water' | 'building')[] {
  if (z < 12) return ['town'];
  if (z < 14) return ['town', 'station'];
  if (z < 16) return ['station', 'town', 'water'];
  return ['station', 'water', 'town', 'building'];
}

/** Buildings appear from zoom 13 (smaller they are specks). */
export const BUILDINGS_FROM_ZOOM = 13;
