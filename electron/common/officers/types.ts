// Officers who sign in to a console: who they are, the role they act in, and the actor their commands
// carry. The role is the dispatch role (common/dispatch/roles.ts decides what it may issue); 'admin'
// manages accounts and changes no incident. Passwords never leave node/ (scrypt hashes only there).
import { z } from 'zod';
import type { Actor } from '../dispatch/types';

export const OFFICER_ROLES = ['officer', 'supervisor', 'department', 'leader', 'field', 'wall', 'admin'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export const officerIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'an officer id: 1–64 lower-case letters, digits, dot, dash or underscore');

/** Set by the administrator; long enough that the short lockout makes guessing hopeless. */
export const MIN_PASSWORD_LENGTH = 10;
export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `the password must have at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200, 'the password is longer than 200 characters');

const officerShape = {
  id: officerIdSchema,
  name: z.string().trim().min(1, 'name is required').max(64, 'name is longer than 64 characters'),
  role: z.enum(OFFICER_ROLES),
  /** the department a liaison speaks for; only for role 'department' */
  departmentId: z.string().min(1).max(40).optional(),
};
const liaisonHasDepartment = (o: { role: OfficerRole; departmentId?: string }) =>
  (o.role === 'department') === (o.departmentId !== undefined);
const liaisonMessage = {
  message: 'departmentId is required for a department liaison and only for one',
  path: ['departmentId'],
};

export const officerSchema = z.object(officerShape).strict().refine(liaisonHasDepartment, liaisonMessage);
export type Officer = z.infer<typeof officerSchema>;

/** An officer as the administrator sees it: whether a password is set, whether the account is active. */
export const officerEntrySchema = z.object({ ...officerShape, hasPassword: z.boolean(), active: z.boolean() }).strict();
export type OfficerEntry = z.infer<typeof officerEntrySchema>;

/** `POST /api/officers`: creates or updates; without a password an existing one is kept. */
export const officerInputSchema = z
  .object({ ...officerShape, password: passwordSchema.optional(), active: z.boolean().optional() })
  .strict()
  .refine(liaisonHasDepartment, liaisonMessage);
export type OfficerInput = z.infer<typeof officerInputSchema>;

/** The actor an officer's commands carry into the event log and the audit trail. */
export function actorOf(o: Officer): Actor {
  return { id: o.id, name: o.name, role: o.role, ...(o.departmentId ? { departmentId: o.departmentId } : {}) };
}

export const signInSchema = z
  .object({ officerId: officerIdSchema, password: z.string().min(1, 'password is required').max(200) })
  .strict();

/** What a window knows about its sign-in. */
export const sessionInfoSchema = z.object({
  /** the signed-in officer, or null */
  officer: officerSchema.nullable(),
  /** the bearer token of this session (the window keeps it to resume after a reload); null when signed out */
  token: z.string().nullable(),
  expiresAt: z.number().int().nullable(),
  /** whether this connection must sign in before it may use the console */
  required: z.boolean(),
  /** lock the window after this long without input (0: never) */
  idleLockMs: z.number().int().min(0),
  /** the console this session is on (audit lines name it) */
  consoleId: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;
