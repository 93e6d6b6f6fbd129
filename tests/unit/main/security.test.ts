import { describe, expect, it } from 'vitest';
import { isOwnUrl, secureWebPreferences } from '../../../electron/main/security';
import { CONTENT_SECURITY_POLICY } from '../../../electron/common/csp';

describe('Electron window security', () => {
  it('every window gets isolation, sandbox and no Node', () => {
    const p = secureWebPreferences('/x/preload.cjs');
    expect(p).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('accepts IPC and navigation only from lianqin://app', () => {
    expect(isOwnUrl('lianqin://app/index.html')).toBe(true);
    for (const u of [
      'file:///etc/passwd',
      'http://127.0.0.1:4510/',
      'lianqin://evil/index.html',
      'devtools://devtools/x',
      'not a url',
      '',
    ])
      expect(isOwnUrl(u)).toBe(false);
  });

  it('the CSP allows nothing from other hosts and no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|https?:|\*/);
  });
});
