// The multi-monitor cockpit, pure: window roles placed on displays. A layout names, for each role, a
// display (by its place in the left-to-right order), a region of it and whether the window goes full
// screen there. Layouts are kept per display set (a fingerprint of the sorted bounds); `place` turns
// displays × layout into window rectangles; `reconcile` says where windows go when displays come and go.
import { z } from 'zod';

export const WINDOW_ROLES = ['map-wall', 'video-wall', 'dispatch-board', 'dashboard', 'drone-panel'] as const;
export type WindowRole = (typeof WINDOW_ROLES)[number];

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DisplayInfo {
  id: string;
  bounds: Rect;
  workArea: Rect;
  primary: boolean;
}

/** Regions as fractions of a display's work area: [x, y, w, h]. */
export const REGIONS = {
  full: [0, 0, 1, 1],
  left: [0, 0, 0.5, 1],
  right: [0.5, 0, 0.5, 1],
  'left-two-thirds': [0, 0, 2 / 3, 1],
  'right-third': [2 / 3, 0, 1 / 3, 1],
  'top-right': [0.5, 0, 0.5, 0.5],
  'bottom-right': [0.5, 0.5, 0.5, 0.5],
} as const satisfies Record<string, readonly [number, number, number, number]>;
export type Region = keyof typeof REGIONS;
export const REGION_NAMES = Object.keys(REGIONS) as Region[];

export const placementSchema = z.object({
  role: z.enum(WINDOW_ROLES),
  /** the display's index in left-to-right (then top-to-bottom) order */
  display: z.number().int().min(0).max(15),
  region: z.enum(REGION_NAMES as [Region, ...Region[]]),
  fullscreen: z.boolean(),
});
export type Placement = z.infer<typeof placementSchema>;

export const cockpitLayoutSchema = z
  .object({ placements: z.array(placementSchema).max(WINDOW_ROLES.length) })
  .refine((l) => new Set(l.placements.map((p) => p.role)).size === l.placements.length, 'a role is placed twice');
export type CockpitLayout = z.infer<typeof cockpitLayoutSchema>;

export function sortDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
}

/** The display set's fingerprint: the sorted bounds, so the same monitors in the same places match. */
export function fingerprint(displays: readonly DisplayInfo[]): string {
  return sortDisplays(displays)
    .map((d) => `${d.bounds.x},${d.bounds.y},${d.bounds.width}x${d.bounds.height}`)
    .join('|');
}

const p = (role: WindowRole, display: number, region: Region, fullscreen = false): Placement => ({
  role,
  display,
  region,
  fullscreen,
});

/**
 * The default for n displays: the map wall on the primary (full screen once there is a second display),
 * the dispatch board and the video wall on displays of their own as they come, and what is left shares
 * the last display. One display (a laptop): map two thirds, board a third; the rest open on top.
 */
export function defaultLayout(displays: readonly DisplayInfo[]): CockpitLayout {
  const sorted = sortDisplays(displays);
  const n = sorted.length;
  const primary = Math.max(
    0,
    sorted.findIndex((d) => d.primary),
  );
  const others = sorted.map((_, i) => i).filter((i) => i !== primary);
  if (n <= 1)
    return {
      placements: [
        p('map-wall', 0, 'left-two-thirds'),
        p('dispatch-board', 0, 'right-third'),
        p('video-wall', 0, 'full'),
        p('dashboard', 0, 'full'),
        p('drone-panel', 0, 'right-third'),
      ],
    };
  if (n === 2)
    return {
      placements: [
        p('map-wall', primary, 'full', true),
        p('dispatch-board', others[0], 'left'),
        p('video-wall', others[0], 'top-right'),
        p('dashboard', others[0], 'bottom-right'),
        p('drone-panel', others[0], 'right'),
      ],
    };
  if (n === 3)
    return {
      placements: [
        p('map-wall', primary, 'full', true),
        p('dispatch-board', others[0], 'full', true),
        p('video-wall', others[1], 'left'),
        p('dashboard', others[1], 'top-right'),
        p('drone-panel', others[1], 'bottom-right'),
      ],
    };
  // four displays or more: the map, then one display each while they last; the last two roles share
  // the last display when there are only three others
  const shared = others.length < 4;
  return {
    placements: [
      p('map-wall', primary, 'full', true),
      p('dispatch-board', others[0], 'full', true),
      p('video-wall', others[1], 'full', true),
      shared ? p('dashboard', others[2], 'left') : p('dashboard', others[2], 'full', true),
      shared ? p('drone-panel', others[2], 'right') : p('drone-panel', others[3], 'full', true),
    ],
  };
}

export interface WindowPlacement {
  role: WindowRole;
  displayId: string;
  rect: Rect;
  fullscreen: boolean;
}

function regionRect(d: DisplayInfo, region: Region): Rect {
  const [fx, fy, fw, fh] = REGIONS[region];
  const a = d.workArea;
  return {
    x: Math.round(a.x + fx * a.width),
    y: Math.round(a.y + fy * a.height),
    width: Math.round(fw * a.width),
    height: Math.round(fh * a.height),
  };
}

/**
 * Window rectangles for every role. A placement on a display the set does not have (a stored layout
 * edited by hand) and a role the layout leaves out fall back to the default for these displays.
 */
export function place(displays: readonly DisplayInfo[], layout: CockpitLayout): WindowPlacement[] {
  const sorted = sortDisplays(displays);
  if (!sorted.length) return [];
  const fallback = defaultLayout(sorted);
  return WINDOW_ROLES.map((role) => {
    const mine = layout.placements.find((x) => x.role === role && x.display < sorted.length);
    const pl = mine ?? fallback.placements.find((x) => x.role === role)!;
    const d = sorted[pl.display];
    return { role, displayId: d.id, rect: regionRect(d, pl.region), fullscreen: pl.fullscreen };
  });
}

/**
 * Where windows go when the displays change while running. With a layout kept for the new set, every
 * window follows it. Otherwise windows on displays still there stay where they are, and those whose
 * display went away go where the default for the new set puts them.
 */
export function reconcile(
  current: readonly { role: WindowRole; displayId: string }[],
  after: readonly DisplayInfo[],
  kept: CockpitLayout | null,
): WindowPlacement[] {
  if (!after.length) return [];
  const planned = place(after, kept ?? defaultLayout(after));
  if (kept) return planned;
  const still = new Set(after.map((d) => d.id));
  return planned.filter((w) => {
    const now = current.find((c) => c.role === w.role);
    return !now || !still.has(now.displayId);
  });
}
