// The video wall in Chromium against the console's real simulated streams (browser mode).
import { expect, test, type Page } from '@playwright/test';
import './videoDiagnostics';

interface Cam {
  id: string;
  name: string;
  status: string;
  codec: string;
  mount: string;
  kind: string;
  lon: number;
  lat: number;
}
let cams: Cam[] = [];
test.beforeAll(async ({ request }) => {
  cams = await (await request.get('/api/cameras')).json();
});
const tiles = (page: Page) => page.locator('[data-tile]');
const tile = (page: Page, i: number) => page.locator(`[data-tile="${i}"]`);

async function allPlaying(page: Page, n: number) {
  await expect(tiles(page)).toHaveCount(n);
  await expect(page.locator('[data-tile][data-state="playing"]')).toHaveCount(n, { timeout: 90_000 });
}

/** Per <video>: playback time and decoded frames, sampled twice `ms` apart. */
async function advancing(page: Page, ms: number) {
  const sample = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('[data-tile] video')).map((v) => {
        const el = v as HTMLVideoElement;
        return { t: el.currentTime, frames: el.getVideoPlaybackQuality().totalVideoFrames };
      }),
    );
  const a = await sample();
  await page.waitForTimeout(ms);
  const b = await sample();
  return a.map((x, i) => ({ dt: b[i].t - x.t, frames: b[i].frames - x.frames }));
}

/** Records every tile state seen for `ms` (polling the DOM). */
async function statesDuring(page: Page, ms: number): Promise<Set<string>> {
  const seen = new Set<string>();
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const s of await page
      .locator('[data-tile]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-state'))))
      seen.add(s ?? '');
    await page.waitForTimeout(250);
  }
  return seen;
}

async function pickFromList(page: Page, cam: Cam) {
  await page.getByTestId('camera-search').fill(cam.name);
  await page.locator(`[data-camera="${cam.id}"]`).click();
}

test.describe('video wall (browser mode)', () => {
  test('16 flood-season tiles play WS-FLV: time advances, frames decode, none stalls; the wall says it is simulated', async ({
    page,
  }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/video.html?layout=16&diagnostics');
    await allPlaying(page, 16);
    const ids = await tiles(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-camera-id')));
    const group = cams.filter((c) => c.kind === 'video-network').map((c) => c.id);
    expect(ids.every((id) => id && group.includes(id))).toBe(true);
    expect(new Set(ids).size).toBe(16);
    const moved = await advancing(page, 3_000);
    expect(moved).toHaveLength(16);
    for (const m of moved) {
      expect(m.dt).toBeGreaterThan(1.5);
      expect(m.frames).toBeGreaterThan(20);
    }
    expect([...(await statesDuring(page, 5_000))]).toEqual(['playing']);
    const diag = await page.evaluate(() => window.__lianqinVideo!.tiles());
    expect(diag.map((d) => d.protocol)).toEqual(Array(16).fill('wsFlv'));
    await expect(page.getByTestId('simulated-banner')).toContainText('模拟');
    expect(errors).toEqual([]);
  });

  test('HTTP-FLV keeps within six connections per origin (four streams, two left over): the rest play HLS, none stalls', async ({
    page,
  }) => {
    await page.goto('/video.html?layout=9&protocols=flv,hls&diagnostics');
    await allPlaying(page, 9);
    const protocols = (await page.evaluate(() => window.__lianqinVideo!.tiles())).map((t) => t.protocol);
    expect(protocols.filter((p) => p === 'flv')).toHaveLength(4);
    expect(protocols.filter((p) => p === 'hls')).toHaveLength(5);
    const moved = await advancing(page, 4_000);
    for (const m of moved) expect(m.frames).toBeGreaterThan(10);
    expect([...(await statesDuring(page, 4_000))]).toEqual(['playing']);
  });

  test('MJPEG in an <img> when a wall prefers it: frames arrive at the stream size; closed tiles drop their <img>', async ({
    page,
  }) => {
    await page.goto('/video.html?layout=4&protocols=mjpeg&diagnostics');
    await allPlaying(page, 4);
    const protocols = (await page.evaluate(() => window.__lianqinVideo!.tiles())).map((t) => t.protocol);
    expect(protocols).toEqual(['mjpeg', 'mjpeg', 'mjpeg', 'mjpeg']);
    const size = await tile(page, 0)
      .locator('img')
      .evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]);
    expect(size).toEqual([320, 180]);
    await page.locator('[data-layout-button="1"]').click();
    await expect(page.locator('[data-tile] img')).toHaveCount(1);
  });

  test('50 open/close cycles leave no <video> and no open MediaSource behind', async ({ page }) => {
    await page.addInitScript(() => {
      const made: MediaSource[] = [];
      const Original = window.MediaSource;
      class Counted extends Original {
        constructor() {
          super();
          made.push(this);
        }
      }
      Object.defineProperty(window, 'MediaSource', { value: Counted });
      (window as unknown as { __ms: MediaSource[] }).__ms = made;
    });
    await page.goto('/video.html?layout=1&diagnostics');
    await allPlaying(page, 1);
    const pair = cams.filter((c) => c.kind === 'video-network' && c.status === 'online').slice(0, 2);
    await page.getByTestId('camera-search').fill('视联网');
    for (let i = 0; i < 50; i++) {
      const cam = pair[i % 2];
      await page.locator(`[data-camera="${cam.id}"]`).click();
      await expect(tile(page, 0)).toHaveAttribute('data-camera-id', cam.id);
      // every tenth time let it reach a picture, the others are closed while still connecting
      if (i % 10 === 9) await expect(tile(page, 0)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
      else await page.waitForTimeout(60);
    }
    await expect(tile(page, 0)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await page.waitForTimeout(500);
    const left = await page.evaluate(() => {
      const ms = (window as unknown as { __ms: MediaSource[] }).__ms;
      return {
        videos: document.querySelectorAll('video').length,
        made: ms.length,
        open: ms.filter((m) => m.readyState !== 'closed').length,
      };
    });
    expect(left.videos).toBe(1);
    expect(left.made).toBeGreaterThanOrEqual(50);
    expect(left.open).toBe(1);
  });

  test('an offline camera shows offline and an H.265 camera says it cannot play here — never a black tile', async ({
    page,
  }) => {
    await page.goto('/video.html?layout=4');
    await allPlaying(page, 4);
    const offline = cams.find((c) => c.status === 'offline')!;
    const h265 = cams.find((c) => c.codec === 'h265' && c.status === 'online')!;
    await tile(page, 1).click();
    await pickFromList(page, offline);
    await expect(tile(page, 1)).toHaveAttribute('data-state', 'offline');
    await expect(tile(page, 1)).toContainText('离线');
    await expect(tile(page, 1).getByTestId('tile-detail')).toContainText('offline');
    await tile(page, 2).click();
    await pickFromList(page, h265);
    await expect(tile(page, 2)).toHaveAttribute('data-state', 'unsupported');
    await expect(tile(page, 2)).toContainText('此编码无法在本机播放');
    await expect(tile(page, 2).getByTestId('tile-detail')).toContainText('H265');
    // and it stays so: an undecodable codec is not retried
    await page.waitForTimeout(3_000);
    await expect(tile(page, 2)).toHaveAttribute('data-state', 'unsupported');
    expect(await tile(page, 2).locator('video').count()).toBe(0);
  });

  test('call-up: every open wall fills with exactly the nearest cameras, labelled with distance and bearing', async ({
    browser,
    request,
  }) => {
    const pages = await Promise.all([browser.newPage(), browser.newPage()]);
    for (const p of pages) {
      await p.goto('/video.html?layout=1');
      await expect(tiles(p)).toHaveCount(1);
      await expect(p.getByTestId('camera-list')).toBeVisible();
    }
    const centre = cams.find((c) => c.kind === 'video-network')!;
    const r = await request.post('/api/video/call-up', {
      data: { lon: centre.lon + 0.0004, lat: centre.lat + 0.0002 },
    });
    expect(r.status()).toBe(200);
    const callUp = await r.json();
    const expected = callUp.cameras.map((c: { id: string }) => c.id);
    expect(expected.length).toBeGreaterThanOrEqual(1);
    for (const p of pages) {
      await expect(p.getByTestId('near-info')).toBeVisible();
      const shown = async () =>
        (await tiles(p).evaluateAll((els) => els.map((e) => e.getAttribute('data-camera-id')))).filter(Boolean);
      await expect.poll(shown).toEqual(expected.slice(0, 16));
      await expect(tile(p, 0).getByTestId('tile-near')).toContainText('米');
      await p.close();
    }
  });

  test('?near=lon,lat opens the wall on the cameras around a point', async ({ page, request }) => {
    const c = cams.find((x) => x.kind === 'video-network')!;
    const near = await (await request.get(`/api/video/near?lon=${c.lon}&lat=${c.lat}&radius=800`)).json();
    await page.goto(`/video.html?near=${c.lon},${c.lat}&radius=800`);
    await expect(tile(page, 0)).toHaveAttribute('data-camera-id', near.cameras[0].id);
    await expect(page.getByTestId('near-info')).toContainText('800');
    // without a radius: 500 m, or 1 km when fewer than four are that near
    const plain = await (await request.get(`/api/video/near?lon=${c.lon}&lat=${c.lat}`)).json();
    await page.goto(`/video.html?near=${c.lon},${c.lat}`);
    await expect(tile(page, 0)).toHaveAttribute('data-camera-id', plain.cameras[0].id);
    await expect(page.getByTestId('near-info')).toContainText(String(plain.radiusM));
  });

  test('drag a camera onto a tile; double-click maximises with the main stream; 1+5 and 1+7; the layout is kept', async ({
    page,
  }) => {
    await page.goto('/video.html?layout=4');
    await allPlaying(page, 4);
    const cam = cams.find((c) => c.status === 'online' && c.codec === 'h264' && c.kind === 'public-safety')!;
    await page.getByTestId('camera-search').fill(cam.name);
    await page.locator(`[data-camera="${cam.id}"]`).dragTo(tile(page, 3));
    await expect(tile(page, 3)).toHaveAttribute('data-camera-id', cam.id);
    await expect(tile(page, 3)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await tile(page, 3).dblclick();
    await expect(tile(page, 3)).toContainText('主码流');
    await expect
      .poll(
        () =>
          tile(page, 3)
            .locator('video')
            .evaluate((v) => (v as HTMLVideoElement).videoWidth),
        { timeout: 30_000 },
      )
      .toBe(960);
    await tile(page, 3).dblclick();
    await expect(tile(page, 3)).toContainText('子码流');
    await page.locator('[data-layout-button="1+5"]').click();
    await expect(tiles(page)).toHaveCount(6);
    await page.locator('[data-layout-button="1+7"]').click();
    await expect(tiles(page)).toHaveCount(8);
    await page.waitForTimeout(800); // the layout is saved after a short pause
    await page.goto('/video.html');
    await expect(tiles(page)).toHaveCount(8);
    await expect(tile(page, 3)).toHaveAttribute('data-camera-id', cam.id);
  });

  test('PTZ, snapshot and mute from the tile toolbar; the carousel turns pages over the flood-season group', async ({
    page,
  }) => {
    const sent: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
    await page.goto('/video.html?layout=1');
    const ptz = cams.find((c) => c.mount === 'ptz' && c.status === 'online' && c.codec === 'h264')!;
    await pickFromList(page, ptz);
    await expect(tile(page, 0)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    await tile(page, 0).hover();
    await tile(page, 0).getByTestId('tile-ptz').click();
    const left = page.locator('[data-ptz="left"]');
    await left.dispatchEvent('pointerdown');
    await left.dispatchEvent('pointerup');
    await expect.poll(() => sent.filter((s) => s.includes('video.ptz')).length).toBeGreaterThanOrEqual(2);
    expect(sent.some((s) => s.includes('video.ptz') && s.includes('"left"'))).toBe(true);
    expect(sent.some((s) => s.includes('video.ptz') && s.includes('"stop"'))).toBe(true);
    await tile(page, 0).getByTestId('tile-snapshot').click();
    await expect(page.getByTestId('video-toast')).toContainText('已抓拍');
    await tile(page, 0).getByTestId('tile-mute').click();
    expect(
      await tile(page, 0)
        .locator('video')
        .evaluate((v) => (v as HTMLVideoElement).muted),
    ).toBe(false);
    await page.locator('[data-layout-button="4"]').click();
    await page.getByTestId('carousel-toggle').click();
    await expect(page.getByTestId('carousel-page')).toContainText('第 1/17 页');
  });

  test('a camera whose stream goes away shows offline within seconds and comes back by itself (back-off)', async ({
    page,
  }) => {
    let cut = false;
    const open: { close(): void }[] = [];
    await page.routeWebSocket(/\/media\/live\/.*\.live\.flv$/, (ws) => {
      if (cut) return ws.close({ code: 1011, reason: 'camera gone' });
      ws.connectToServer();
      open.push(ws);
    });
    await page.goto('/video.html?layout=1&protocols=wsFlv');
    await expect(tile(page, 0)).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
    cut = true;
    for (const ws of open.splice(0)) ws.close();
    await expect(tile(page, 0)).toHaveAttribute('data-state', 'offline', { timeout: 8_000 });
    await expect(tile(page, 0)).toContainText('秒后重连');
    cut = false;
    await expect(tile(page, 0)).toHaveAttribute('data-state', 'playing', { timeout: 40_000 });
  });

  test('the core story: a lost child reported at Ciqikou, one key on the board, the wall shows the cameras around', async ({
    page,
    context,
    request,
  }) => {
    const wall = await context.newPage();
    await wall.goto('/video.html?layout=4');
    await expect(tiles(wall)).toHaveCount(4);
    const [lon, lat] = [106.4505, 29.583];
    const report = {
      source: 'grid',
      title: `磁器口古镇儿童走失 ${Date.now()}`,
      description: '五岁男孩与家人走散',
      lon,
      lat,
    };
    const res = await request.post('/api/incidents', { data: report });
    expect(res.status()).toBe(201);
    const { id } = await res.json();
    await page.goto('/board.html');
    const row = page.locator(`[data-testid="incident-list"] [data-id="${id}"]`);
    await row.waitFor({ timeout: 60_000 });
    await row.click();
    await page.keyboard.press('w');
    const near = await (await request.get(`/api/video/near?lon=${lon}&lat=${lat}`)).json();
    await expect(wall.getByTestId('near-info')).toBeVisible();
    const shown = async () =>
      (await tiles(wall).evaluateAll((els) => els.map((e) => e.getAttribute('data-camera-id')))).filter(Boolean);
    await expect.poll(shown).toEqual(near.cameras.map((c: { id: string }) => c.id).slice(0, 16));
    await expect(wall.locator('[data-tile][data-state="playing"]').first()).toBeVisible({ timeout: 30_000 });
  });
});
