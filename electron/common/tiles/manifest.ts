// Field data packages (the on-site commander's laptop): one zip with a manifest.json that says who made
// it, where, for which area and time window, and the SHA-256 of every other entry. An area package
// carries basemap tiles, risk points, cameras, docks, incidents with their timelines, response plans
// and snapshots; a return package carries what was done on the laptop since (its journal).
import { z } from 'zod';
import { bboxSchema, downloadAreaFields, checkOneArea } from './download';

export const PACKAGE_FORMAT = 'lianqin-field-package';
export const PACKAGE_FORMAT_VERSION = 1;
export const MANIFEST_PATH = 'manifest.json';

/** Entry paths: relative, forward slashes, no '..' (a package never writes outside its folder). */
export const entryPathSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^(?!\/)(?!.*(^|\/)\.\.?(\/|$))[\w.\-/]+$/, 'a relative path of letters, digits, . _ - and /');

export const manifestEntrySchema = z.object({
  path: entryPathSchema,
  bytes: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256 is 64 lower-case hex digits'),
});
export type ManifestEntry = z.infer<typeof manifestEntrySchema>;

export const PACKAGE_KINDS = ['area', 'return'] as const;

export const packageManifestSchema = z.object({
  format: z.literal(PACKAGE_FORMAT),
  formatVersion: z.literal(PACKAGE_FORMAT_VERSION),
  id: z.string().min(1).max(64),
  kind: z.enum(PACKAGE_KINDS),
  /** ms since the epoch, and the same as ISO 8601 for people reading the file */
  created: z.number().int(),
  createdIso: z.string(),
  creator: z.object({ id: z.string(), name: z.string() }),
  console: z.object({ id: z.string(), version: z.string() }),
  bbox: bboxSchema,
  area: z.object({
    label: z.string(),
    center: z.tuple([z.number(), z.number()]),
    radiusM: z.number().nullable(),
    incidentId: z.string().nullable(),
  }),
  /** the time window the incidents cover, and after when the data should be called old */
  validity: z.object({ from: z.number().int(), to: z.number().int(), staleAfter: z.number().int() }),
  zooms: z.object({ min: z.number().int(), max: z.number().int() }).nullable(),
  attribution: z.array(z.string()),
  counts: z.record(z.string(), z.number().int()),
  /** a return package: the laptop's own events, by its console sequence */
  journal: z.object({ consoleId: z.string(), fromSeq: z.number().int(), toSeq: z.number().int() }).nullable(),
  entries: z.array(manifestEntrySchema),
});
export type PackageManifest = z.infer<typeof packageManifestSchema>;

/** POST /api/field-packages: an area (a box, or an incident and a radius), zooms and a time window. */
export const exportRequestSchema = z
  .object({
    bbox: downloadAreaFields.bbox,
    incidentId: downloadAreaFields.incidentId,
    radiusM: downloadAreaFields.radiusM,
    minZoom: z.number().int().min(0).max(20).default(12),
    maxZoom: z.number().int().min(0).max(20).default(17),
    /** incidents with anything recorded since then (ms); default: the last 30 days */
    since: z.number().int().min(0).optional(),
    /** tile layers to carry (default: every layer that holds tiles in the area) */
    layers: z.array(z.string().min(1).max(48)).max(16).optional(),
    creator: z.object({ id: z.string().min(1).max(64), name: z.string().min(1).max(64) }).optional(),
  })
  .superRefine((v, ctx) => {
    checkOneArea(v, ctx);
    if (v.minZoom > v.maxZoom) ctx.addIssue({ code: 'custom', path: ['minZoom'], message: 'minZoom is above maxZoom' });
  });
export type ExportRequest = z.infer<typeof exportRequestSchema>;

export const packageInfoSchema = z.object({
  id: z.string(),
  direction: z.enum(['exported', 'imported']),
  kind: z.enum(PACKAGE_KINDS),
  bytes: z.number().int(),
  at: z.number().int(),
  created: z.number().int(),
  console: z.string(),
  area: z.string(),
  counts: z.record(z.string(), z.number().int()),
});
export type PackageInfo = z.infer<typeof packageInfoSchema>;

export const conflictSchema = z.object({
  incidentId: z.string(),
  ref: z.string().nullable(),
  title: z.string().nullable(),
  command: z.string(),
  officer: z.string(),
  reason: z.string(),
});
export type PackageConflict = z.infer<typeof conflictSchema>;

export const importReportSchema = z.object({
  id: z.string(),
  kind: z.enum(PACKAGE_KINDS),
  from: z.string().describe('the console that made it'),
  area: z.string(),
  center: z.tuple([z.number(), z.number()]),
  bbox: bboxSchema,
  eventsApplied: z.number().int(),
  eventsAlreadyHere: z.number().int(),
  incidentsNew: z.number().int(),
  tiles: z.number().int(),
  snapshots: z.number().int(),
  conflicts: z.array(conflictSchema),
  /** the same package imported before: nothing changed */
  again: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;

export const progressSchema = z.object({
  id: z.string(),
  op: z.enum(['export', 'import', 'return']),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
});
export type PackageProgress = z.infer<typeof progressSchema>;
