// The workspace every window of a console follows: the focused incident or place, the selected
// camera, and each window kind's layout (kept per workstation). Separate from dispatch: focusing is
// not a dispatch command and is never replicated to other consoles.
import { z } from 'zod';
import { latSchema, lonSchema, none, type EventSource, type ServiceContract } from './base';

export const WINDOW_KINDS = ['map-wall', 'dispatch-board', 'video-wall', 'dashboard', 'field-laptop'] as const;
export type WindowKind = (typeof WINDOW_KINDS)[number];

export const focusSchema = z.object({
  /** grows with every request, so asking for the same place twice flies the maps again */
  seq: z.number().int(),
  incidentId: z.string().nullable(),
  lon: lonSchema,
  lat: latSchema,
  at: z.number().int(),
});
export type Focus = z.infer<typeof focusSchema>;

export const workspaceStateSchema = z.object({
  focus: focusSchema.nullable(),
  selectedCameraId: z.string().nullable(),
});
export type WorkspaceState = z.infer<typeof workspaceStateSchema>;

/** A window's layout is its own business (JSON, ≤ 16 KiB); the workspace only keeps it. */
export const layoutSchema = z
  .record(z.string(), z.unknown())
  .refine((v) => JSON.stringify(v).length <= 16_384, 'layout is larger than 16 KiB');
export type WindowLayout = z.infer<typeof layoutSchema>;

export interface IWorkspaceService {
  get(): Promise<WorkspaceState>;
  /** every window flies to the incident; null when there is no such incident */
  focusIncident(id: string): Promise<Focus | null>;
  /** every window flies to a place (a map click, a search hit) */
  focusPoint(lon: number, lat: number): Promise<Focus>;
  selectCamera(id: string | null): Promise<WorkspaceState>;
  getLayout(kind: WindowKind): Promise<WindowLayout | null>;
  setLayout(kind: WindowKind, layout: WindowLayout): Promise<void>;
  onDidChange: EventSource<WorkspaceState>;
}

export const workspaceContract = {
  methods: {
    get: none,
    focusIncident: z.tuple([z.string().min(1).max(40)]),
    focusPoint: z.tuple([lonSchema, latSchema]),
    selectCamera: z.tuple([z.string().min(1).max(64).nullable()]),
    getLayout: z.tuple([z.enum(WINDOW_KINDS)]),
    setLayout: z.tuple([z.enum(WINDOW_KINDS), layoutSchema]),
  },
  events: ['onDidChange'],
} as const satisfies ServiceContract;
