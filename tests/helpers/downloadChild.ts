// A console process that downloads a region from a local tile server, for the SIGKILL test: it prints
// 'started <id>' once the download is under way and then keeps running until it is killed.
import { createConsole } from '../../electron/node/console/index';

const [dataDir, tileUrl] = process.argv.slice(2);
const c = createConsole({
  dataDir,
  version: 'test',
  log: () => {},
  seed: { historyCount: 50 },
  simulateDocks: false,
  video: { platforms: ['direct'] },
  maps: { downloadConcurrency: 2, downloadBackoffMs: 20 },
});
await c.ready;
await c.services.maps.addSource({ id: 'local', kind: 'xyz', url: `${tileUrl}/xyz/{z}/{x}/{y}.png`, maxZoom: 18 });
const s = await c.services.maps.startDownload({
  source: 'local',
  bbox: [106.44, 29.55, 106.47, 29.57],
  minZoom: 12,
  maxZoom: 16,
});
process.stdout.write(`started ${s.id} ${s.tilesTotal}\n`);
setInterval(() => {}, 1_000);
