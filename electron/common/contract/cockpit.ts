// The multi-monitor cockpit: the displays the Electron main process sees (none in browser mode), the
// layout kept for this display set (or the default), and the small layout editor's saves. The main process
// follows onDidChange and moves its windows.
import { z } from 'zod';
import { cockpitLayoutSchema, type CockpitLayout, type DisplayInfo, type WindowPlacement } from '../layout/layout';
import type { EventSource, ServiceContract } from './base';

export interface CockpitState {
  /** empty in browser mode: each role is one URL (?window=<role>) */
  displays: DisplayInfo[];
  fingerprint: string;
  layout: CockpitLayout;
  /** whether the layout was kept for this display set (false: the default) */
  kept: boolean;
  placements: WindowPlacement[];
}

export interface ICockpitService {
  state(): Promise<CockpitState>;
  setLayout(layout: CockpitLayout): Promise<CockpitState>;
  resetLayout(): Promise<CockpitState>;
  onDidChange: EventSource<CockpitState>;
}

export const cockpitContract = {
  methods: {
    state: z.tuple([]),
    setLayout: z.tuple([cockpitLayoutSchema]),
    resetLayout: z.tuple([]),
  },
  events: ['onDidChange'],
} as const satisfies ServiceContract;
