// The message bus as the UI sees it: whether the broker is connected (shown on every window) and what
// the edge adapters accepted and rejected.
import type { BrokerStatus, IngestStats } from '../bus/payloads';
import { none, type EventSource, type ServiceContract } from './base';

export interface IBusService {
  status(): Promise<BrokerStatus>;
  ingestStats(): Promise<IngestStats>;
  onDidChangeStatus: EventSource<BrokerStatus>;
}

export const busContract = {
  methods: { status: none, ingestStats: none },
  events: ['onDidChangeStatus'],
} as const satisfies ServiceContract;
