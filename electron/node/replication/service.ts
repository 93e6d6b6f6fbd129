// The replication service of the contract: status for the top bar (authority or replica, how far
// behind, unsent, refused) and the outbox the officer redoes refused requests from.
import type { IReplicationService, OutboxItem, ReplicationStatus } from '../../common/contract/replication';
import { ServiceError } from '../../common/errors';
import { Emitter } from '../events';
import type { OutboxEntry, OutboxRepo } from './outbox';

export interface StatusSource {
  status(): ReplicationStatus;
  onDidChangeStatus: (l: (s: ReplicationStatus) => void) => () => void;
}

const HOUR = 3_600_000;

export function outboxItem(e: OutboxEntry): OutboxItem {
  const summary = e.request.kind === 'report' ? 'report' : e.request.commands.map((c) => c.type).join('+');
  return {
    requestId: e.requestId,
    kind: e.kind,
    incidentId: e.incidentId,
    summary,
    createdAt: e.createdAt,
    state: e.state,
    tries: e.tries,
    error: e.result ? { code: e.result.code, message: e.result.message, details: e.result.details } : null,
    settledAt: e.settledAt,
  };
}

export class ReplicationService implements IReplicationService {
  private readonly changes = new Emitter<ReplicationStatus>();
  readonly onDidChangeStatus = this.changes.event;

  constructor(
    private readonly source: StatusSource,
    private readonly outboxRepo: OutboxRepo,
    private readonly now: () => number,
  ) {
    source.onDidChangeStatus((s) => this.changes.fire(s));
  }

  async status(): Promise<ReplicationStatus> {
    return this.source.status();
  }

  async outbox(): Promise<OutboxItem[]> {
    return this.outboxRepo.recent(this.now() - HOUR).map(outboxItem);
  }

  async dismiss(requestId: string): Promise<void> {
    if (!this.outboxRepo.dismiss(requestId)) {
      throw new ServiceError('not-found', `no refused request ${requestId} in this console's outbox`);
    }
    this.changes.fire(this.source.status());
  }
}
