// Sign-in for a window: bound to its connection (one WebSocket, one Electron webContents), so each window
// signs in, and what it does carries the signed-in officer as the actor — a client-supplied actor never
// overrides it. `resume` binds a session the window already holds (after a reload) to a new connection.
import { z } from 'zod';
import { officerIdSchema, type SessionInfo } from '../officers/types';
import { none, type ServiceContract } from './base';

export interface ISessionService {
  /** signs this connection in; refused (unauthorized) with the same message for any bad id or password */
  signIn(officerId: string, password: string): Promise<SessionInfo>;
  /** binds a token from an earlier sign-in to this connection */
  resume(token: string): Promise<SessionInfo>;
  /** checks the signed-in officer's password again (unlocking an idle-locked window) */
  unlock(password: string): Promise<SessionInfo>;
  /** ends the session (on every window that holds it) */
  signOut(): Promise<SessionInfo>;
  current(): Promise<SessionInfo>;
}

const password = z.string().min(1).max(200);

export const sessionContract = {
  methods: {
    signIn: z.tuple([officerIdSchema, password]),
    resume: z.tuple([z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'a session token')]),
    unlock: z.tuple([password]),
    signOut: none,
    current: none,
  },
  events: [],
} as const satisfies ServiceContract;
