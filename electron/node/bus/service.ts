// The bus service of the contract: broker state and ingest counters, read from the running bus.
import type { IBusService } from '../../common/contract/bus';
import type { BrokerStatus, IngestStats } from '../../common/bus/payloads';
import type { Bus } from './index';

export class BusService implements IBusService {
  readonly onDidChangeStatus;

  constructor(private readonly bus: Bus) {
    this.onDidChangeStatus = bus.client.onDidChangeState;
  }

  async status(): Promise<BrokerStatus> {
    return this.bus.status();
  }

  async ingestStats(): Promise<IngestStats> {
    return this.bus.ingest.snapshot();
  }
}
