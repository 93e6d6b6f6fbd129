// Security settings shared by every window. No runtime import of 'electron' (type-only), so the
// values are unit-tested in plain Node.
import type { WebPreferences } from 'electron';

export const APP_SCHEME = 'lianqin';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** The one webPreferences builder: every window gets exactly this. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    backgroundThrottling: false, // a wall must keep rendering when it is not focused
  };
}

/** True only for our own pages (custom protocol, host 'app'); file:, http:, devtools: are all foreign. */
export function isOwnUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === 'app';
  } catch {
    return false;
  }
}
