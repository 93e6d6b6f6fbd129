// Field package export: 2 km around an incident at zoom 12-17 (basemap tiles held in a web source's
// cache, risk points, cameras, docks, incidents with timelines, plans), against copying the same tiles
// into an MBTiles alone (the export's own largest part).
import { circleRing } from '../../electron/common/geo';
import { createConsole } from '../../electron/node/console/index';
import { tileEntries } from '../../electron/node/packages/tiles';
import { startTileServer } from '../helpers/tileServer';
import { tmpDir } from '../helpers/tmp';
import { line, median } from './stats';

export async function benchPackageExport(rounds = 5) {
  const server = await startTileServer();
  server.bigTiles = true;
  const c = createConsole({
    dataDir: tmpDir(),
    version: 'bench',
    log: () => {},
    simulateDocks: false,
    video: { platforms: ['direct'] },
    maps: { downloadConcurrency: 8 },
  });
  try {
    await c.ready;
    const i = await c.services.dispatch.report({
      source: 'grid',
      title: '三峡广场人群聚集',
      description: '三峡广场步行街人流密集，请求疏导',
      lon: 106.4565,
      lat: 29.5585,
      reporter: '网格员',
    });
    await c.services.maps.addSource({
      id: 'street',
      kind: 'xyz',
      url: `${server.url}/xyz/{z}/{x}/{y}.png`,
      maxZoom: 18,
    });
    const dl = await c.services.maps.startDownload({
      source: 'street',
      incidentId: i.id,
      radiusM: 2_000,
      minZoom: 12,
      maxZoom: 17,
    });
    while ((await c.services.maps.download(dl.id))?.state === 'running') await new Promise((r) => setTimeout(r, 50));
    const ring = circleRing(i.report.lon, i.report.lat, 2_000, 48);
    const full: number[] = [];
    const tilesOnly: number[] = [];
    let last = { bytes: 0, counts: {} as Record<string, number> };
    for (let r = 0; r < rounds; r++) {
      let t0 = performance.now();
      const p = await c.services.fieldPackages.exportPackage({
        incidentId: i.id,
        radiusM: 2_000,
        minZoom: 12,
        maxZoom: 17,
      });
      full.push(performance.now() - t0);
      last = { bytes: p.bytes, counts: p.counts };
      t0 = performance.now();
      tileEntries(c.maps, ['street'], { ring }, 12, 17);
      tilesOnly.push(performance.now() - t0);
    }
    return line('package.export', median(full), median(tilesOnly), 'ms', {
      note:
        `area package, 2 km around an incident at zoom 12-17 with the full season of incidents; ${last.counts.tiles} tiles ` +
        `(~16 KB), ${last.counts.riskPoints} risk points, ${last.counts.cameras} cameras, ${last.counts.incidents} incidents; ` +
        `baseline: copying the same tiles into an MBTiles alone; median of ${rounds}`,
      metrics: { bytes: last.bytes, ...last.counts },
    });
  } finally {
    await c.close();
    await server.close();
  }
}
