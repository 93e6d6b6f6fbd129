// The workspace every window of this console follows: focus (an incident or a place), the selected
// camera, and window layouts. Focus and selection live in memory (they belong to this shift's
// screens); layouts are kept in the store so a workstation opens as it was left.
import type { Focus, IWorkspaceService, WindowKind, WindowLayout, WorkspaceState } from '../../common/contract';
import { Emitter } from '../events';
import type { WorkspaceRepo } from './repo';

export interface WorkspaceDeps {
  repo: WorkspaceRepo;
  now: () => number;
  /** where an incident is, or null when there is no such incident */
  locateIncident: (id: string) => { lon: number; lat: number } | null;
}

export class WorkspaceService implements IWorkspaceService {
  private readonly changes = new Emitter<WorkspaceState>();
  readonly onDidChange = this.changes.event;
  private state: WorkspaceState = { focus: null, selectedCameraId: null };
  private seq = 0;

  constructor(private readonly deps: WorkspaceDeps) {}

  private update(patch: Partial<WorkspaceState>): WorkspaceState {
    this.state = { ...this.state, ...patch };
    this.changes.fire(this.state);
    return this.state;
  }

  private focus(incidentId: string | null, lon: number, lat: number): Focus {
    const focus: Focus = { seq: ++this.seq, incidentId, lon, lat, at: this.deps.now() };
    this.update({ focus });
    return focus;
  }

  async get(): Promise<WorkspaceState> {
    return this.state;
  }

  async focusIncident(id: string): Promise<Focus | null> {
    const at = this.deps.locateIncident(id);
    return at ? this.focus(id, at.lon, at.lat) : null;
  }

  async focusPoint(lon: number, lat: number): Promise<Focus> {
    return this.focus(null, lon, lat);
  }

  async selectCamera(id: string | null): Promise<WorkspaceState> {
    return this.update({ selectedCameraId: id });
  }

  async getLayout(kind: WindowKind): Promise<WindowLayout | null> {
    return this.deps.repo.get<WindowLayout>(`layout.${kind}`);
  }

  async setLayout(kind: WindowKind, layout: WindowLayout): Promise<void> {
    this.deps.repo.set(`layout.${kind}`, layout);
  }
}
