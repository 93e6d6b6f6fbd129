// The roster across consoles: the authority hands its accounts (with their scrypt hashes, never a
// password) to the replicas as one retained message, again whenever the administrator changes one, so
// an officer signs in at any console — an offline laptop too — with the one password. On a replica the
// roster is read-only: officers are managed on the authority.
import { replicationTopics as T, rosterSchema, type RosterMessage } from '../../common/replication/protocol';
import type { BusClient } from '../bus/client';
import { safeJson } from './replica';
import type { ConsoleOfficers } from '../officers/index';
import { INITIAL_ADMIN_ID, spendInitialAdmin } from '../officers/initialAdmin';

export interface RosterDeps {
  client: BusClient;
  officers: ConsoleOfficers;
  consoleId: string;
  dataDir: string;
  now: () => number;
  log: (l: string) => void;
}

/** The authority's side: publish now, on every (re)connection and after every change. */
export function shareRoster(d: RosterDeps): () => void {
  const publish = () => {
    const msg: RosterMessage = { authorityId: d.consoleId, at: d.now(), officers: d.officers.repo.roster() };
    void d.client.publish(T.roster, msg, { qos: 1, retain: true }).catch(() => {});
  };
  const offs = [
    d.officers.service.onDidChangeRoster(publish),
    d.client.onDidChangeState((s) => s.connected && publish()),
  ];
  publish();
  return () => offs.forEach((f) => f());
}

/** A replica's side: take the authority's roster as it is. */
export function followRoster(d: RosterDeps): () => void {
  d.officers.service.followAuthority('');
  return d.client.subscribe(
    T.roster,
    (_t, payload) => {
      const m = rosterSchema.safeParse(safeJson(payload));
      if (!m.success) {
        d.log(`[replication] a malformed roster was ignored: ${m.error.issues[0]?.message ?? ''}`);
        return;
      }
      d.officers.service.followAuthority(m.data.authorityId);
      const changed = d.officers.repo.replaceRoster(m.data.officers, d.now());
      if (changed.length) d.log(`[replication] roster from ${m.data.authorityId}: ${changed.length} passwords changed`);
      // this console's own one-time administrator credential no longer opens anything
      if (changed.includes(INITIAL_ADMIN_ID)) spendInitialAdmin(d.dataDir, d.log);
    },
    { qos: 1 },
  );
}
