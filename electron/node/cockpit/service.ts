// Cockpit layouts kept per display set in SQLite. The Electron main process reports the displays it sees
// (and again whenever one is added, removed or moved); windows' layout editor saves here; everyone hears
// the result. In browser mode no displays are reported and the state says so.
import type { Db } from '../../../native/sqlite/open';
import type { CockpitState, ICockpitService } from '../../common/contract/cockpit';
import { ServiceError } from '../../common/errors';
import {
  cockpitLayoutSchema,
  defaultLayout,
  fingerprint,
  place,
  type CockpitLayout,
  type DisplayInfo,
} from '../../common/layout/layout';
import { Emitter } from '../events';

export class CockpitService implements ICockpitService {
  private displays: DisplayInfo[] = [];
  private readonly changes = new Emitter<CockpitState>();
  readonly onDidChange = this.changes.event;

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {}

  /** The layout kept for a display set, or null. */
  kept(fp: string): CockpitLayout | null {
    const j = this.db.prepare('SELECT layout_json FROM cockpit_layouts WHERE fingerprint = ?').pluck().get(fp) as
      string | undefined;
    if (!j) return null;
    const r = cockpitLayoutSchema.safeParse(JSON.parse(j));
    return r.success ? r.data : null;
  }

  private current(): CockpitState {
    const fp = fingerprint(this.displays);
    const kept = this.displays.length ? this.kept(fp) : null;
    const layout = kept ?? defaultLayout(this.displays);
    return {
      displays: this.displays,
      fingerprint: fp,
      layout,
      kept: kept !== null,
      placements: place(this.displays, layout),
    };
  }

  /** Electron main: the displays as they are now. */
  setDisplays(displays: DisplayInfo[]): CockpitState {
    this.displays = displays;
    const s = this.current();
    this.changes.fire(s);
    return s;
  }

  async state(): Promise<CockpitState> {
    return this.current();
  }

  async setLayout(layout: CockpitLayout): Promise<CockpitState> {
    if (!this.displays.length)
      throw new ServiceError(
        'rejected',
        'no displays are known (browser mode): open one role per screen with ?window=<role>',
      );
    this.db
      .prepare(
        `INSERT INTO cockpit_layouts (fingerprint, layout_json, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (fingerprint) DO UPDATE SET layout_json = excluded.layout_json, updated_at = excluded.updated_at`,
      )
      .run(fingerprint(this.displays), JSON.stringify(layout), this.now());
    const s = this.current();
    this.changes.fire(s);
    return s;
  }

  async resetLayout(): Promise<CockpitState> {
    this.db.prepare('DELETE FROM cockpit_layouts WHERE fingerprint = ?').run(fingerprint(this.displays));
    const s = this.current();
    this.changes.fire(s);
    return s;
  }
}
