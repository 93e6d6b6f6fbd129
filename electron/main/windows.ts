// Windows: each role opens where the cockpit layout puts it (cockpit.ts); every window is hardened the same way.
import { BrowserWindow, type WebContents } from 'electron';
import type { WindowPlacement, WindowRole } from '../common/layout/layout';
import { WINDOW_PAGES } from '../common/windows';
import { APP_ORIGIN, isOwnUrl, secureWebPreferences } from './security';

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => {
    if (!isOwnUrl(url)) e.preventDefault();
  });
  contents.on('will-redirect', (e, url) => {
    if (!isOwnUrl(url)) e.preventDefault();
  });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * Opens a window role where the cockpit layout places it (electron/main/cockpit.ts decides; the rules are
 * common/layout). Full screen is applied once the window is shown.
 */
export function openRole(preloadPath: string, role: WindowRole, p: WindowPlacement): BrowserWindow {
  return openPage(preloadPath, role, p);
}

/**
 * Opens any window kind (common/windows.ts) at `p`: the cockpit roles where their layout puts them, and
 * kinds outside the cockpit (the field laptop) wherever the caller chose, e.g. the primary display's work area.
 */
export function openPage(preloadPath: string, kind: string, p: Omit<WindowPlacement, 'role'>): BrowserWindow {
  const page = WINDOW_PAGES.find((w) => w.kind === kind);
  const win = new BrowserWindow({
    ...p.rect,
    title: `联勤指挥台 · ${page?.name ?? kind}`,
    backgroundColor: '#05101c',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => {
    win.show();
    if (p.fullscreen) win.setFullScreen(true);
  });
  void win.loadURL(`${APP_ORIGIN}/${page?.page || 'index.html'}`);
  return win;
}
