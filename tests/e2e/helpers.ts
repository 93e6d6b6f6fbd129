import type { BrowserContext, Page } from '@playwright/test';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Records every request the page and its workers make; anything not on loopback is blocked and kept. */
export async function guardNetwork(context: BrowserContext): Promise<{ all: string[]; foreign: string[] }> {
  const all: string[] = [];
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    all.push(url);
    const u = new URL(url);
    if (
      (u.protocol === 'http:' || u.protocol === 'https:' || u.protocol === 'ws:' || u.protocol === 'wss:') &&
      !LOOPBACK.has(u.hostname)
    ) {
      foreign.push(url);
      return route.abort('blockedbyclient');
    }
    return route.continue();
  });
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && !LOOPBACK.has(u.hostname) && !foreign.includes(r.url()))
      foreign.push(r.url());
  });
  return { all, foreign };
}

export async function openMapWall(page: Page, query = '?diagnostics'): Promise<void> {
  await page.goto('/' + query);
  await page.locator('[data-testid="map"][data-state="ready"]').waitFor({ timeout: 120_000 });
}

/** The diagnostics handle the map wall exposes with ?diagnostics (see renderer/src/map/controller.ts). */
export interface MapDiagnostics {
  setView(lon: number, lat: number, heightM: number): void;
  toWindow(lon: number, lat: number): { x: number; y: number } | null;
  measureFrames(n: number, withRisk: boolean): number[];
  risk: { drawnCount: number; shownCount: number };
  placedBoxes(): { id: string; x: number; y: number; w: number; h: number }[];
  home(): void;
  /** resolves when the basemap's tiles (or vector geometry) are on screen */
  basemapSettled(): Promise<void>;
  viewBBox(): [number, number, number, number] | null;
  viewer: { scene: { render(): void }; camera: { positionCartographic: { height: number } } };
}
declare global {
  interface Window {
    __lianqinMap?: MapDiagnostics;
  }
}
