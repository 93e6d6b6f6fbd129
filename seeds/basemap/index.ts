// The schematic basemap's OpenStreetMap data (ODbL 1.0, © OpenStreetMap contributors; derived by
// build/scripts/osm-basemap.ts), decoded from 1e-6° integer deltas into flat degree arrays.
import type { SchematicData } from '../../electron/common/tiles/schematic';
import raw from './osm-shapingba.json' with { type: 'json' };

type Enc = number[];

function decode(enc: Enc): number[] {
  const out = new Array<number>(enc.length);
  let x = 0;
  let y = 0;
  for (let i = 0; i < enc.length; i += 2) {
    x += enc[i];
    y += enc[i + 1];
    out[i] = x / 1e6;
    out[i + 1] = y / 1e6;
  }
  return out;
}

export type OsmBasemap = Pick<SchematicData, 'buildings' | 'water' | 'metro' | 'stations'>;

let decoded: OsmBasemap | null = null;

export function osmBasemap(): OsmBasemap {
  if (decoded) return decoded;
  const metro = (raw.metro as [string, string, string, Enc[]][]).map(([ref, name, colour, parts]) => ({
    ref,
    name,
    colour,
    lines: parts.map(decode),
  }));
  const colourOf = (ref: string | undefined) => metro.find((m) => m.ref === ref)?.colour ?? '#9aa5b1';
  decoded = {
    buildings: (raw.buildings as [string | null, string | null, Enc][]).map(([name, type, ring]) => ({
      name,
      type,
      ring: decode(ring),
    })),
    water: (raw.water as [string | null, string, Enc[]][]).map(([name, kind, rings]) => ({
      name,
      kind,
      rings: rings.map(decode),
    })),
    metro,
    stations: (raw.stations as [string, number, number, string[]][]).map(([name, lon, lat, refs]) => ({
      name,
      lon,
      lat,
      refs,
      colour: colourOf(refs[0]),
    })),
  };
  return decoded;
}

export const OSM_CREDIT = '© OpenStreetMap contributors (ODbL 1.0)';
