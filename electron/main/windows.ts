// Windows and displays. The map wall opens on the primary display; every window is hardened the same way.
import { BrowserWindow, screen, type WebContents } from 'electron';
import { APP_ORIGIN, isOwnUrl, secureWebPreferences } from './security';

export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (e, url) => { if (!isOwnUrl(url)) e.preventDefault(); });
  contents.on('will-redirect', (e, url) => { if (!isOwnUrl(url)) e.preventDefault(); });
  contents.on('will-attach-webview', (e) => e.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function openMapWall(preloadPath: string): BrowserWindow {
  const { workArea } = screen.getPrimaryDisplay();
  const win = new BrowserWindow({
    ...workArea,
    title: '联勤指挥台 · 风险一张图',
    backgroundColor: '#05101c',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  win.once('ready-to-show', () => { win.maximize(); win.show(); });
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}
