// The cockpit's window manager with a fake screen and fake windows (no Electron binary here) over the real
// cockpit service and store: roles opened where the default puts them, windows moved when a display goes
// away (only theirs), a layout saved in the editor applied at once and kept for that display set.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  CockpitWindows,
  type ElectronDisplayLike,
  type ScreenLike,
  type WindowLike,
} from '../../../electron/main/cockpit';
import { WINDOW_ROLES, type WindowPlacement, type WindowRole } from '../../../electron/common/layout/layout';
import { CockpitService } from '../../../electron/node/cockpit/service';
import { migrate } from '../../../native/sqlite/open';

const disp = (id: number, x: number): ElectronDisplayLike => ({
  id,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

class FakeScreen implements ScreenLike {
  displays = [disp(1, 0), disp(2, 1920)];
  private readonly listeners: (() => void)[] = [];
  getAllDisplays = () => this.displays;
  getPrimaryDisplay = () => this.displays[0];
  on(_e: string, l: () => void) {
    this.listeners.push(l);
  }
  change(next: ElectronDisplayLike[]) {
    this.displays = next;
    for (const l of this.listeners) l();
  }
}

class FakeWindow implements WindowLike {
  bounds: WindowPlacement['rect'];
  full: boolean;
  moves = 0;
  constructor(p: WindowPlacement) {
    this.bounds = p.rect;
    this.full = p.fullscreen;
  }
  setBounds(r: WindowPlacement['rect']) {
    this.bounds = r;
    this.moves++;
  }
  setFullScreen(on: boolean) {
    this.full = on;
  }
  isFullScreen = () => this.full;
  isDestroyed = () => false;
  on() {}
}

let screen: FakeScreen;
let service: CockpitService;
let windows: Map<WindowRole, FakeWindow>;
let manager: CockpitWindows;

beforeEach(() => {
  const db = new Database(':memory:');
  migrate(db);
  screen = new FakeScreen();
  service = new CockpitService(db, () => 1);
  windows = new Map();
  manager = new CockpitWindows(screen, service, (role, p) => {
    const w = new FakeWindow(p);
    windows.set(role, w);
    return w;
  });
  manager.start();
});

describe('the cockpit window manager (Electron main, with fakes)', () => {
  it('opens each role where the default layout puts it, the video wall later on its own', () => {
    manager.openRoles(['map-wall', 'dispatch-board', 'dashboard', 'drone-panel']);
    expect(windows.has('video-wall')).toBe(false);
    manager.openRoles(['video-wall']);
    expect(manager.where()).toEqual({
      'map-wall': '1',
      'dispatch-board': '2',
      dashboard: '2',
      'drone-panel': '2',
      'video-wall': '2',
    });
    expect(windows.get('map-wall')!.full).toBe(true);
  });

  it('moves only the windows of a display that went away, and back when a layout is kept for the set', async () => {
    manager.openRoles([...WINDOW_ROLES]);
    const map = windows.get('map-wall')!;
    screen.change([disp(1, 0)]);
    expect(Object.values(manager.where())).toEqual(['1', '1', '1', '1', '1']);
    expect(map.moves).toBe(0); // the map wall stayed where it was
    expect(windows.get('dispatch-board')!.bounds.x).toBeGreaterThanOrEqual(0);
    expect(windows.get('dispatch-board')!.bounds.x).toBeLessThan(1920);
    // the officer lays the single screen out in the editor: kept for this display set, applied at once
    await service.setLayout({ placements: [{ role: 'video-wall', display: 0, region: 'full', fullscreen: true }] });
    expect(windows.get('video-wall')).toMatchObject({ full: true, bounds: { x: 0, y: 0, width: 1920, height: 1040 } });
    expect((await service.state()).kept).toBe(true);
    screen.change([disp(1, 0), disp(2, 1920)]);
    expect((await service.state()).kept).toBe(false); // two displays again: nothing kept for that set
  });
});
