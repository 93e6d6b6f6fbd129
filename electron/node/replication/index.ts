// Replication as a console part: its own MQTT client with a persistent session (fixed client id,
// clean start off: the broker keeps what this console missed while away), the authority or the
// replica role, and the replication service. The authority is the centre's host (the default);
// every other console starts with `--replication replica`.
import type { Db } from '../../../native/sqlite/open';
import type { Bus } from '../bus/index';
import { BusClient } from '../bus/client';
import type { Ledger } from '../dispatch/ledger';
import type { DispatchService } from '../dispatch/service';
import { Authority } from './authority';
import { OutboxRepo } from './outbox';
import { Replica } from './replica';
import { followRoster, shareRoster } from './roster';
import { ReplicationService } from './service';
import type { ConsoleOfficers } from '../officers/index';

export type ReplicationMode = 'authority' | 'replica';
export const REPLICATION_MODES: readonly ReplicationMode[] = ['authority', 'replica'];

export interface ReplicationDeps {
  db: Db;
  bus: Bus;
  ledger: Ledger;
  dispatch: DispatchService;
  consoleId: string;
  now: () => number;
  newId: () => string;
  log: (l: string) => void;
  /** the roster: shared by the authority, followed by replicas */
  officers: ConsoleOfficers;
  dataDir: string;
}

export interface ReplicationOptions {
  mode?: ReplicationMode;
  /** how long an officer on a replica waits for the authority before a command is kept as unsent */
  answerTimeoutMs?: number;
  /** how often a replica with unsent work tries again */
  retryMs?: number;
}

export interface ConsoleReplication {
  readonly name: 'replication';
  readonly mode: ReplicationMode;
  readonly client: BusClient;
  readonly authority: Authority | null;
  readonly replica: Replica | null;
  readonly service: ReplicationService;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createReplication(d: ReplicationDeps, opts: ReplicationOptions = {}): ConsoleReplication {
  const mode = opts.mode ?? 'authority';
  const client = new BusClient({
    clientId: `lianqin-repl-${d.consoleId}`,
    clean: false,
    embedded: false,
    log: d.log,
    now: d.now,
  });
  const outbox = new OutboxRepo(d.db);
  const base = { client, ledger: d.ledger, dispatch: d.dispatch, consoleId: d.consoleId, now: d.now, log: d.log };
  const authority = mode === 'authority' ? new Authority({ ...base, db: d.db }) : null;
  const replica =
    mode === 'replica'
      ? new Replica({ ...base, outbox, newId: d.newId, answerTimeoutMs: opts.answerTimeoutMs, retryMs: opts.retryMs })
      : null;
  // a replica's officers' commands go to the authority from the first moment, seeding included
  if (replica) d.dispatch.setRoute(replica);
  const rosterDeps = {
    client,
    officers: d.officers,
    consoleId: d.consoleId,
    dataDir: d.dataDir,
    now: d.now,
    log: d.log,
  };
  let rosterOff: (() => void) | null = null;
  const source = (authority ?? replica)!;
  const service = new ReplicationService(source, outbox, d.now);
  return {
    name: 'replication',
    mode,
    client,
    authority,
    replica,
    service,
    async start() {
      source.start();
      rosterOff = mode === 'authority' ? shareRoster(rosterDeps) : followRoster(rosterDeps);
      const { url, credentials } = d.bus.connection();
      await client.start(url, credentials);
      if (!client.connected) d.log(`[replication] broker not reachable yet; ${mode} keeps retrying`);
    },
    async stop() {
      source.stop();
      rosterOff?.();
      await client.stop();
    },
  };
}
