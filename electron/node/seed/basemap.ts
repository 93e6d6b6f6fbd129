// The embedded schematic basemap's data: OpenStreetMap buildings, water, metro lines and stations
// (ODbL, seeds/basemap) with the seed's approximate outline, the Jialing centre line (Natural Earth)
// and the town centres for labels. The only door from node/ to that data, like the rest of the seed.
import { SCHEMATIC_ATTRIBUTION, type SchematicData } from '../../common/tiles/schematic';
import { osmBasemap } from '../../../seeds/basemap/index';
import { approximateOutline } from '../../../seeds/generate/outline';
import { JIALING_LINE, TOWNS } from '../../../seeds/reference/towns';

let data: SchematicData | null = null;

export function schematicData(): SchematicData {
  if (data) return data;
  const osm = osmBasemap();
  data = {
    attribution: SCHEMATIC_ATTRIBUTION,
    outline: { ring: approximateOutline().flat(), approximate: true },
    rivers: [{ name: '嘉陵江', line: JIALING_LINE.flatMap((p) => [p[0], p[1]]) }],
    ...osm,
    towns: TOWNS.map((t) => ({ code: t.code, name: t.name, nameEn: t.nameEn, lon: t.lon, lat: t.lat })),
  };
  return data;
}
