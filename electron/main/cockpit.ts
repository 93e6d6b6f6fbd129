// The cockpit's window manager in Electron main, a thin adapter over the pure rules (common/layout): it
// reports the displays to the cockpit service, opens each role where the layout (kept for this display set,
// else the default) puts it, follows displays added, removed or moved (only the windows that must move do),
// and applies a layout the editor saves. Written against small interfaces so it runs with fakes in tests.
import { reconcile, type DisplayInfo, type WindowPlacement, type WindowRole } from '../common/layout/layout';
import type { CockpitState } from '../common/contract/cockpit';

export interface ElectronDisplayLike {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  workArea: { x: number; y: number; width: number; height: number };
}

export interface ScreenLike {
  getAllDisplays(): ElectronDisplayLike[];
  getPrimaryDisplay(): ElectronDisplayLike;
  on(event: 'display-added' | 'display-removed' | 'display-metrics-changed', listener: () => void): unknown;
}

export interface WindowLike {
  setBounds(r: { x: number; y: number; width: number; height: number }): void;
  setFullScreen(on: boolean): void;
  isFullScreen(): boolean;
  isDestroyed(): boolean;
  on(event: 'closed', listener: () => void): unknown;
}

export interface CockpitLike {
  setDisplays(displays: DisplayInfo[]): CockpitState;
  onDidChange(listener: (s: CockpitState) => void): () => void;
}

export function toDisplayInfo(screen: ScreenLike): DisplayInfo[] {
  const primary = screen.getPrimaryDisplay().id;
  return screen.getAllDisplays().map((d) => ({
    id: String(d.id),
    bounds: { ...d.bounds },
    workArea: { ...d.workArea },
    primary: d.id === primary,
  }));
}

export class CockpitWindows {
  private readonly windows = new Map<WindowRole, { win: WindowLike; displayId: string }>();
  /** set while this manager reports displays itself: those changes are reconciled, not applied whole */
  private reporting = false;

  constructor(
    private readonly screen: ScreenLike,
    private readonly cockpit: CockpitLike,
    private readonly open: (role: WindowRole, p: WindowPlacement) => WindowLike,
  ) {}

  /** Reports the displays and starts following them and the editor. */
  start(): void {
    this.report(toDisplayInfo(this.screen));
    const changed = () => this.displaysChanged();
    for (const e of ['display-added', 'display-removed', 'display-metrics-changed'] as const)
      this.screen.on(e, changed);
    // a layout saved or reset in the editor: every window goes where it says
    this.cockpit.onDidChange((s) => {
      if (!this.reporting) this.apply(s.placements);
    });
  }

  private report(displays: DisplayInfo[]): CockpitState {
    this.reporting = true;
    try {
      return this.cockpit.setDisplays(displays);
    } finally {
      this.reporting = false;
    }
  }

  /** Opens these roles where the current layout puts them (the video wall waits for the host). */
  openRoles(roles: readonly WindowRole[]): void {
    const state = this.report(toDisplayInfo(this.screen));
    for (const p of state.placements) {
      if (!roles.includes(p.role) || this.windows.has(p.role)) continue;
      const win = this.open(p.role, p);
      this.windows.set(p.role, { win, displayId: p.displayId });
      win.on('closed', () => this.windows.delete(p.role));
    }
  }

  private displaysChanged(): void {
    const after = toDisplayInfo(this.screen);
    const before = [...this.windows].map(([role, w]) => ({ role, displayId: w.displayId }));
    const state = this.report(after);
    this.apply(reconcile(before, after, state.kept ? state.layout : null));
  }

  private apply(moves: readonly WindowPlacement[]): void {
    for (const m of moves) {
      const w = this.windows.get(m.role);
      if (!w || w.win.isDestroyed()) continue;
      // leave full screen first: a full-screen window ignores new bounds
      if (w.win.isFullScreen()) w.win.setFullScreen(false);
      w.win.setBounds(m.rect);
      if (m.fullscreen) w.win.setFullScreen(true);
      w.displayId = m.displayId;
    }
  }

  /** where each open window is now (diagnostics and tests) */
  where(): Record<string, string> {
    return Object.fromEntries([...this.windows].map(([role, w]) => [role, w.displayId]));
  }
}
