// Electron main: one store and one set of services per console, served over IPC to our own pages.
import { app, BrowserWindow, ipcMain, powerSaveBlocker, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { StoreOpenError } from '../../native/sqlite/open';
import { cesiumAssetsDir } from '../node/host/paths';
import { openConsoleDb } from '../node/store/openConsoleDb';
import { createDispatcher } from '../node/rpc/dispatcher';
import { bootStore } from '../node/seed/boot';
import { createServices } from '../node/services/index';
import { serveIpc } from './ipcServe';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { isOwnUrl } from './security';
import { hardenContents, openDispatchBoard, openMapWall } from './windows';

const log = (line: string) => console.log(line);
const argValue = (name: string) => process.argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);

registerAppScheme();
app.on('web-contents-created', (_e, contents) => hardenContents(contents));
if (!app.requestSingleInstanceLock()) app.quit();

const appDir = app.getAppPath();
const preloadPath = path.join(appDir, 'dist', 'electron', 'preload.cjs');

async function start(): Promise<void> {
  const dataDir = path.resolve(argValue('--data') ?? path.join(app.getPath('userData'), 'data'));
  // better-sqlite3 built for Electron's ABI lives beside the Node build (native/electron-abi)
  const electronBinding = path.join(appDir, 'dist', 'native', 'electron', 'better_sqlite3.node');
  const db = openConsoleDb(dataDir, log, fs.existsSync(electronBinding) ? electronBinding : undefined);
  const services = createServices(db, app.getVersion());
  serveIpc(ipcMain, createDispatcher(services, log), isOwnUrl);

  session.defaultSession.setPermissionRequestHandler((_wc, _perm, cb) => cb(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveAppProtocol(path.join(appDir, 'dist', 'renderer'), cesiumAssetsDir(appDir));

  // the night watch must not lose the wall to a screensaver
  powerSaveBlocker.start('prevent-display-sleep');
  openMapWall(preloadPath);
  openDispatchBoard(preloadPath);
  void bootStore(db, services, { onProgress: (p) => services.reportSeed(p) }).catch((e) => {
    services.reportSeed({ phase: 'error', step: 'seed', done: 0, total: 1, message: (e as Error).message });
  });
  app.on('before-quit', () => db.close());
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
  if (BrowserWindow.getAllWindows().length === 0) openMapWall(preloadPath);
});
