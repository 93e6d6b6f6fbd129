// npm run bench: prints one JSON line per benchmark, each with a baseline measured in the same run.
import { ensureRendererBuilt } from '../../build/scripts/lib.mjs';
import { ROOT } from '../helpers/tmp';
import { benchBasemap } from './basemap.bench';
import { benchBusFanout } from './fanout.bench';
import { benchFrames } from './frame.bench';
import { benchLedger } from './ledger.bench';
import { benchMatching } from './matching.bench';
import { benchNearby } from './nearby.bench';
import { benchPackageExport } from './package.bench';
import { benchRulesEval, benchSensorsIngest } from './sensors.bench';
import { benchReplicate } from './replicate.bench';
import { benchSeed } from './seed.bench';
import { benchStory } from './story.bench';
import { benchSurge } from './surge.bench';
import { benchTelemetryIngest } from './telemetry.bench';
import { benchTilesDownload, benchTilesServe } from './tiles.bench';
import { benchVideoWall } from './videoWall.bench';

const only = process.argv.slice(2);
const want = (n: string) => only.length === 0 || only.includes(n);

if (
  want('frame') ||
  want('video.wall16') ||
  want('story.missingChild') ||
  want('basemap.schematic') ||
  want('flood.surge')
)
  ensureRendererBuilt(ROOT);
if (want('seed')) await benchSeed();
if (want('nearby')) benchNearby();
if (want('ledger')) await benchLedger();
if (want('matching')) benchMatching();
if (want('frame')) await benchFrames();
if (want('telemetry.ingest')) benchTelemetryIngest();
if (want('sensors.ingest')) benchSensorsIngest();
if (want('rules.eval')) benchRulesEval();
if (want('flood.surge')) await benchSurge();
if (want('bus.fanout')) await benchBusFanout();
if (want('bus.replicate')) await benchReplicate();
if (want('video.wall16')) await benchVideoWall();
if (want('story.missingChild')) await benchStory();
if (want('basemap.schematic')) await benchBasemap();
if (want('tiles.serve')) await benchTilesServe();
if (want('tiles.download')) await benchTilesDownload();
if (want('package.export')) await benchPackageExport();
