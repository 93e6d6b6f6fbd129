// Several consoles, one board, as a window sees it: which console decides, how far behind this one
// is, what its officers did that is not sent yet, and the refused requests they must redo.
import { z } from 'zod';
import type { ReplicationStatus } from '../replication/protocol';
import { none, type EventSource, type ServiceContract } from './base';

export type { ReplicationStatus };

/** one of this console's requests to the authority, as the officer should see it */
export interface OutboxItem {
  requestId: string;
  kind: 'report' | 'act';
  incidentId: string;
  /** e.g. "triage+dispatch" or "report" */
  summary: string;
  createdAt: number;
  state: 'pending' | 'done' | 'conflict' | 'failed';
  tries: number;
  /** why the authority refused it (conflicts name who changed what and when) */
  error: { code: string; message: string; details?: unknown } | null;
  settledAt: number | null;
}

export interface IReplicationService {
  status(): Promise<ReplicationStatus>;
  /** unsent and refused requests, then what settled in the last hour (newest first) */
  outbox(): Promise<OutboxItem[]>;
  /** the officer has seen a refused request (and redone it): it leaves the conflict count */
  dismiss(requestId: string): Promise<void>;
  onDidChangeStatus: EventSource<ReplicationStatus>;
}

export const replicationContract = {
  methods: {
    status: none,
    outbox: none,
    dismiss: z.tuple([z.string().min(1).max(40)]),
  },
  events: ['onDidChangeStatus'],
} as const satisfies ServiceContract;
