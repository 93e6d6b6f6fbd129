// Windows and displays. The map wall opens on the primary display; every window is hardened the same way.
import { BrowserWindow, screen, type WebContents } from 'electron';
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

function openWindow(preloadPath: string, page: string, title: string, workArea: Electron.Rectangle): BrowserWindow {
  const win = new BrowserWindow({
    ...workArea,
    title,
    backgroundColor: '#05101c',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => {
    win.maximize();
    win.show();
  });
  void win.loadURL(`${APP_ORIGIN}/${page}`);
  return win;
}

/** The map wall goes on the primary display. */
export function openMapWall(preloadPath: string): BrowserWindow {
  return openWindow(preloadPath, 'index.html', '联勤指挥台 · 风险一张图', screen.getPrimaryDisplay().workArea);
}

/** The dispatch board goes on the first other display, or beside the wall on a single screen. */
export function openDispatchBoard(preloadPath: string): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const other = screen.getAllDisplays().find((d) => d.id !== primary.id);
  return openWindow(preloadPath, 'board.html', '联勤指挥台 · 4+N 联勤调度台', (other ?? primary).workArea);
}

/** The video wall goes on a display of its own: the third when there is one, else the last other one. */
export function openVideoWall(preloadPath: string): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id);
  const display = others[1] ?? others[0] ?? primary;
  return openWindow(preloadPath, 'video.html', '联勤指挥台 · 视频监控墙', display.workArea);
}
