// Electron main: one console (built by the composition root) served over IPC to our own pages, and the
// same host API as the browser mode on loopback (grid and citizen platforms, wall controllers).
import { app, BrowserWindow, ipcMain, powerSaveBlocker, screen, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { StoreOpenError } from '../../native/sqlite/open';
import { createConsole } from '../node/console/index';
import { startHost } from '../node/host/host';
import { cesiumAssetsDir } from '../node/host/paths';
import { ownArgs, parseArgs } from '../node/cli/args';
import { addMapSources, installDirOf, withSettings } from '../node/cli/settings';
import { serveIpc } from './ipcServe';
import { contentSecurityPolicy } from '../common/csp';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { isOwnUrl } from './security';
import { CockpitWindows } from './cockpit';
import { hardenContents, openPage, openRole } from './windows';
import { isWindowRole } from '../common/layout/roles';

/** what a workstation opens when neither --windows nor the settings say otherwise */
const DEFAULT_WINDOWS = ['map-wall', 'dispatch-board', 'dashboard', 'drone-panel', 'video-wall'] as const;

const log = (line: string) => console.log(line);

registerAppScheme();
app.on('web-contents-created', (_e, contents) => hardenContents(contents));
if (!app.requestSingleInstanceLock()) app.quit();

const appDir = app.getAppPath();
const preloadPath = path.join(appDir, 'dist', 'electron', 'preload.cjs');

/** opens the map wall again (macOS: the dock icon clicked with no window open) */
let reopen = (): void => {};

async function start(): Promise<void> {
  // the same settings as `npm run serve`, given as --flag=value on Electron's command line
  // lianqin.settings.json beside the executable (an administrator's intranet settings), <data>/settings.json
  const settings = withSettings(ownArgs(process.argv.slice(1)), parseArgs, {
    installDir: installDirOf(process.execPath),
    defaultDataDir: path.join(app.getPath('userData'), 'data'),
  });
  const { args } = settings;
  const dataDir = args.dataDir;
  // better-sqlite3 built for Electron's ABI lives beside the Node build (native/electron-abi)
  // packed: the asar holds a stub, the library is unpacked beside it (build/electron-builder.yml asarUnpack)
  const electronBinding = path
    .join(appDir, 'dist', 'native', 'electron', 'better_sqlite3.node')
    .replace(/app\.asar([\\/])/, 'app.asar.unpacked$1');
  const c = createConsole({
    ...args.console,
    // the simulator's clips ship in the app folder (seeds/video)
    video: { ...args.console.video, appDir },
    dataDir,
    version: app.getVersion(),
    log,
    nativeBinding: fs.existsSync(electronBinding) ? electronBinding : undefined,
  });
  for (const f of settings.files) log(`[settings] read ${f}`);
  void c.ready.then(() => addMapSources(c.services.maps, settings.mapSources, log)).catch(() => {});
  // windows sign in when the administrator turned it on (signIn: "required" / --sign-in required)
  serveIpc(ipcMain, c.dispatcher, isOwnUrl, c.services.session.signInRequired);

  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  const rendererDir = path.join(appDir, 'dist', 'renderer');
  // the pages' /api and /tiles requests (downloads, uploads, tiles) reach the host through lianqin://app
  let hostUrl: string | null = null;
  serveAppProtocol(rendererDir, cesiumAssetsDir(appDir), {
    csp: () => contentSecurityPolicy(c.services.video.mediaSources()),
    host: () => hostUrl,
  });

  // the night watch must not lose the wall to a screensaver
  powerSaveBlocker.start('prevent-display-sleep');
  // the cockpit: each role on the display the layout kept for this display set puts it (or the default)
  const cockpit = new CockpitWindows(screen, c.services.cockpit, (role, p) => openRole(preloadPath, role, p));
  cockpit.start();
  // --windows (or "windows" in the settings): e.g. a field laptop opens field-laptop,map-wall only
  const kinds = args.windows ?? [...DEFAULT_WINDOWS];
  const roles = kinds.filter(isWindowRole);
  cockpit.openRoles(roles.filter((r) => r !== 'video-wall'));
  for (const kind of kinds.filter((k) => !isWindowRole(k))) {
    const area = screen.getPrimaryDisplay().workArea;
    openPage(preloadPath, kind, { displayId: 'primary', rect: area, fullscreen: false });
  }
  reopen = () => cockpit.openRoles([roles[0] ?? 'map-wall']);

  const port = args.port;
  const host = await startHost({
    console: c,
    port,
    host: args.host,
    rendererDir,
    cesiumDir: cesiumAssetsDir(appDir),
    log,
  }).catch((e: Error) => {
    log(`[host] not serving HTTP on port ${port}: ${e.message}`);
    return null;
  });
  if (host) log(`[host] ${host.url}`);
  if (host) hostUrl = `http://127.0.0.1:${new URL(host.url).port}`;
  // the simulated streams come from the host: windows on lianqin://app need its address to play them
  if (host) c.services.video.setMediaBase(host.url);
  // map tiles too: /tiles/... from lianqin://app would not reach the host
  if (host) c.services.maps.setTileBase(host.url);
  if (roles.includes('video-wall')) cockpit.openRoles(['video-wall']);

  // flush and close the store before quitting
  let closed = false;
  app.on('before-quit', (e) => {
    if (closed) return;
    e.preventDefault();
    void (host?.close() ?? Promise.resolve())
      .then(() => c.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

app
  .whenReady()
  .then(start)
  .catch((e) => {
    const msg = e instanceof StoreOpenError ? e.message : ((e as Error).stack ?? String(e));
    console.error(`联勤指挥台 failed to start: ${msg}`);
    app.exit(1);
  });
app.on('window-all-closed', () => app.quit());
app.on('activate', () => {
  if (BrowserWindow.getAllWindows().length === 0) reopen();
});
