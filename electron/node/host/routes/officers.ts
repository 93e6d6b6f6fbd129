// Sign-in over HTTP for scripts, wall controllers and the platforms (a bearer token per session), the
// roster for the administrator, and versioned commands on an incident as the signed-in officer.
import type http from 'node:http';
import { z } from 'zod';
import { incidentSchema, commandSchema } from '../../../common/dispatch/types';
import { mayIssue } from '../../../common/dispatch/roles';
import { ServiceError } from '../../../common/errors';
import {
  actorOf,
  officerEntrySchema,
  officerInputSchema,
  officerSchema,
  signInSchema,
  type Officer,
} from '../../../common/officers/types';
import type { DispatchService } from '../../dispatch/service';
import type { SessionService } from '../../officers/service';
import { bearerOf } from '../access';
import { route, type RouteDef } from '../router';

const errorSchema = z.object({ error: z.string(), param: z.string().nullable() });
const errors = {
  401: { description: 'no token, or a token that is unknown or expired', schema: errorSchema },
};

function signedIn(session: SessionService, req: http.IncomingMessage): Officer {
  const o = session.officerForToken(bearerOf(req));
  if (!o) throw new ServiceError('unauthorized', 'sign in first: Authorization: Bearer <token from POST /api/session>');
  const { expiresAt: _e, ...officer } = o;
  return officer;
}

const sourceOf = (req: http.IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

export function officerRoutes(deps: { session: SessionService; dispatch: DispatchService }): RouteDef[] {
  const { session, dispatch } = deps;
  return [
    route({
      method: 'POST',
      path: '/api/session',
      tag: 'session',
      summary: 'Sign in with officer id and password: a bearer token for the other calls (14 h)',
      body: { schema: signInSchema },
      responses: {
        200: {
          description: 'signed in',
          schema: z.object({ token: z.string(), officer: officerSchema, expiresAt: z.number().int() }),
        },
        400: { description: 'officerId or password missing or malformed', schema: errorSchema },
        401: {
          description: 'wrong officer id or password, or locked for a while after repeated failures',
          schema: errorSchema,
        },
      },
      async handle({ body, req }) {
        const s = await session.authenticate(body.officerId, body.password, sourceOf(req));
        return { status: 200, body: s };
      },
    }),
    route({
      method: 'GET',
      path: '/api/session',
      tag: 'session',
      summary: 'The officer a bearer token signs in',
      responses: { 200: { description: 'the officer', schema: officerSchema }, ...errors },
      async handle({ req }) {
        return { status: 200, body: signedIn(session, req) };
      },
    }),
    route({
      method: 'DELETE',
      path: '/api/session',
      tag: 'session',
      summary: 'Sign out: the bearer token stops working',
      responses: { 204: { description: 'signed out' }, ...errors },
      async handle({ req }) {
        signedIn(session, req);
        session.endSession(bearerOf(req)!);
        return { status: 204 };
      },
    }),
    route({
      method: 'GET',
      path: '/api/officers',
      tag: 'session',
      summary: 'The roster: every officer, their role, whether a password is set (administrator)',
      responses: {
        200: { description: 'the roster', schema: z.array(officerEntrySchema) },
        ...errors,
        403: { description: 'not an administrator', schema: errorSchema },
      },
      async handle({ req }) {
        return { status: 200, body: session.listOfficers(signedIn(session, req)) };
      },
    }),
    route({
      method: 'POST',
      path: '/api/officers',
      tag: 'session',
      summary:
        'Add an officer or change one (administrator): name, role, department for a liaison, password ' +
        '(at least 10 characters; absent: unchanged). A new password ends the officer’s sessions.',
      body: { schema: officerInputSchema },
      responses: {
        200: { description: 'updated', schema: officerEntrySchema },
        201: { description: 'added', schema: officerEntrySchema },
        400: { description: 'a field is missing or invalid (named in `param`)', schema: errorSchema },
        ...errors,
        403: { description: 'not an administrator', schema: errorSchema },
        422: { description: 'an administrator may not demote or deactivate themselves', schema: errorSchema },
      },
      async handle({ body, req }) {
        const r = await session.upsertOfficer(body, signedIn(session, req));
        return { status: r.created ? 201 : 200, body: r.officer };
      },
    }),
    route({
      method: 'POST',
      path: '/api/incidents/{id}/commands',
      tag: 'incidents',
      summary:
        'A versioned command on an incident as the signed-in officer (the role decides what it may issue): ' +
        '{ command, expectedVersion }, command as in the dispatch contract, e.g. { type: "triage", grade, tier }',
      params: z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'an incident id') }),
      body: { schema: z.object({ command: commandSchema, expectedVersion: z.number().int().min(1) }).strict() },
      responses: {
        200: { description: 'the incident after the command', schema: incidentSchema },
        400: {
          description: 'the command or the version is missing or invalid (named in `param`)',
          schema: errorSchema,
        },
        ...errors,
        403: { description: 'the officer’s role may not issue this command on this incident', schema: errorSchema },
        404: { description: 'no such incident', schema: errorSchema },
        409: {
          description:
            'the incident changed since that version: who changed it, to what, and when (in `details.current`)',
          schema: errorSchema,
        },
        422: {
          description: 'refused by a dispatch rule (wrong state, ticket quality); `details` says which',
          schema: errorSchema,
        },
      },
      async handle({ params, body, req }) {
        const actor = actorOf(signedIn(session, req));
        const i = await dispatch.get(params.id);
        if (!i) throw new ServiceError('not-found', `no incident ${params.id}`, { field: 'id' });
        // a role that may not issue the command is refused as such, whatever version it saw
        const why = mayIssue(actor, body.command.type, i);
        if (why) throw new ServiceError('forbidden', why, { rule: 'not-permitted' });
        return { status: 200, body: await dispatch.command(params.id, body.expectedVersion, body.command, actor) };
      },
    }),
  ];
}
