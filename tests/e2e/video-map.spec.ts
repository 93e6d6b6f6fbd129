// The map wall and the video wall together: cameras on the map (fixed with their view cone, PTZ with
// their own icon); clicking one plays it in the video wall's selected tile.
import { expect, test } from '@playwright/test';
import { openMapWall } from './helpers';

interface Cam {
  id: string;
  kind: string;
  mount: string;
  status: string;
  lon: number;
  lat: number;
}

test('clicking a camera on the map wall plays it in the video wall selected tile', async ({ context, request }) => {
  const cams: Cam[] = await (await request.get('/api/cameras')).json();
  const wall = await context.newPage();
  await wall.goto('/video.html?layout=4');
  await expect(wall.locator('[data-tile]')).toHaveCount(4);
  await wall.locator('[data-tile="2"]').click();

  const map = await context.newPage();
  await openMapWall(map);
  await map.getByTestId('layer-risk').uncheck();
  for (const mount of ['ptz', 'fixed']) {
    const cam = cams.find((c) => c.kind === 'video-network' && c.mount === mount && c.status === 'online')!;
    const pos = await map.evaluate(
      ([lon, lat]) => {
        const m = window.__lianqinMap!;
        m.setView(lon, lat, 800);
        m.viewer.scene.render();
        return m.toWindow(lon, lat);
      },
      [cam.lon, cam.lat] as [number, number],
    );
    const box = (await map.getByTestId('map').boundingBox())!;
    await map.mouse.click(box.x + pos!.x, box.y + pos!.y);
    await expect(map.getByTestId('detail-card')).toHaveAttribute('data-kind', 'camera');
    await expect(wall.locator('[data-tile="2"]')).toHaveAttribute('data-camera-id', cam.id);
    await expect(wall.locator('[data-tile="2"]')).toHaveAttribute('data-state', 'playing', { timeout: 30_000 });
  }
  // the card offers the camera for dragging onto a tile
  await expect(map.getByTestId('camera-drag')).toBeVisible();
});
