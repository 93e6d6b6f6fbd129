import { describe, expect, it } from 'vitest';
import {
  cockpitLayoutSchema,
  defaultLayout,
  fingerprint,
  place,
  reconcile,
  WINDOW_ROLES,
  type DisplayInfo,
} from '../../../../electron/common/layout/layout';
import { pageForRole, roleOfPath, roleRedirect } from '../../../../electron/common/layout/roles';

const display = (id: string, x: number, y = 0, w = 1920, h = 1080, primary = false): DisplayInfo => ({
  id,
  bounds: { x, y, width: w, height: h },
  workArea: { x, y: y + 40, width: w, height: h - 40 },
  primary,
});
const A = display('A', 0, 0, 1920, 1080, true);
const B = display('B', 1920);
const C = display('C', -2560, 0, 2560, 1440);

describe('the cockpit layout', () => {
  it('fingerprints a display set by its sorted bounds, whatever order the system lists them in', () => {
    expect(fingerprint([B, A])).toBe(fingerprint([A, B]));
    expect(fingerprint([A, B])).toBe('0,0,1920x1080|1920,0,1920x1080');
    expect(fingerprint([A, { ...B, bounds: { ...B.bounds, width: 2560 } }])).not.toBe(fingerprint([A, B]));
  });

  it('places every role: one display shares, two give the map a screen of its own, full screen', () => {
    const one = place([A], defaultLayout([A]));
    expect(one.map((w) => w.role)).toEqual([...WINDOW_ROLES]);
    expect(one.find((w) => w.role === 'map-wall')).toMatchObject({
      displayId: 'A',
      rect: { x: 0, y: 40, width: 1280, height: 1040 },
    });
    expect(one.find((w) => w.role === 'dispatch-board')!.rect).toEqual({ x: 1280, y: 40, width: 640, height: 1040 });
    const two = place([B, A], defaultLayout([B, A]));
    expect(two.find((w) => w.role === 'map-wall')).toMatchObject({ displayId: 'A', fullscreen: true });
    expect(
      two
        .filter((w) => w.displayId === 'B')
        .map((w) => w.role)
        .sort(),
    ).toEqual(['dashboard', 'dispatch-board', 'drone-panel', 'video-wall']);
  });

  it('keeps the map on the primary display even when it is not the leftmost', () => {
    const three = place([A, B, C], defaultLayout([A, B, C]));
    expect(three.find((w) => w.role === 'map-wall')!.displayId).toBe('A');
    expect(three.find((w) => w.role === 'dispatch-board')!.displayId).toBe('C');
    expect(three.find((w) => w.role === 'video-wall')!.displayId).toBe('B');
    const five = [A, B, C, display('D', 3840), display('E', 5760)];
    expect(new Set(place(five, defaultLayout(five)).map((w) => w.displayId)).size).toBe(5);
  });

  it('falls back to the default for a placement on a display the set does not have', () => {
    const layout = cockpitLayoutSchema.parse({
      placements: [{ role: 'video-wall', display: 3, region: 'full', fullscreen: true }],
    });
    const w = place([A, B], layout).find((x) => x.role === 'video-wall')!;
    expect(w.displayId).toBe('B');
    expect(cockpitLayoutSchema.safeParse({ placements: [layout.placements[0], layout.placements[0]] }).success).toBe(
      false,
    );
  });

  it('when a display goes away, only its windows move; a layout kept for the new set moves them all', () => {
    const before = place([A, B], defaultLayout([A, B])).map((w) => ({ role: w.role, displayId: w.displayId }));
    const moves = reconcile(before, [A], null);
    expect(moves.map((m) => m.role).sort()).toEqual(['dashboard', 'dispatch-board', 'drone-panel', 'video-wall']);
    expect(moves.every((m) => m.displayId === 'A')).toBe(true);
    const kept = cockpitLayoutSchema.parse({
      placements: [{ role: 'map-wall', display: 0, region: 'right', fullscreen: false }],
    });
    expect(reconcile(before, [A], kept)).toHaveLength(WINDOW_ROLES.length);
    // a display added with nothing kept for the new set: nothing moves
    expect(reconcile(before, [A, B, C], null)).toEqual([]);
    expect(reconcile(before, [], null)).toEqual([]);
  });

  it('opens one role per URL in browser mode', () => {
    expect(pageForRole('dashboard')).toBe('dashboard.html');
    expect(pageForRole('map-wall')).toBe('');
    expect(roleOfPath('/board.html')).toBe('dispatch-board');
    expect(roleOfPath('/dashboard.html')).toBe('dashboard');
    expect(roleOfPath('/')).toBe('map-wall');
    expect(roleOfPath('/index.html')).toBe('map-wall');
    expect(roleRedirect('?window=dashboard&diagnostics', 'map-wall')).toEqual({ to: '/dashboard.html?diagnostics=' });
    expect(roleRedirect('?window=map-wall', 'map-wall')).toBeNull();
    expect(roleRedirect('', 'dashboard')).toBeNull();
    expect(roleRedirect('?window=cinema', 'map-wall')).toEqual({
      error: expect.stringMatching(/unknown window role "cinema"; known: map-wall/),
    });
  });
});
