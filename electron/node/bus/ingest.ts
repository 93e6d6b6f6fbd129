// Counters for every adapter that validates messages at the edge (DJI, MAVLink, sensors…): accepted,
// rejected by reason, and the last rejection for whoever investigates.
import type { IngestSourceStats, IngestStats } from '../../common/bus/payloads';

export class IngestCounters {
  private readonly sources = new Map<string, IngestSourceStats>();

  constructor(private readonly now: () => number = Date.now) {}

  private of(source: string): IngestSourceStats {
    let s = this.sources.get(source);
    if (!s) {
      s = { accepted: 0, rejected: 0, byReason: {}, lastRejection: null };
      this.sources.set(source, s);
    }
    return s;
  }

  /** makes a source appear (with zeros) before its first message */
  declare(source: string): void {
    this.of(source);
  }

  accept(source: string): void {
    this.of(source).accepted++;
  }

  reject(source: string, reason: string, detail: string, topic: string): void {
    const s = this.of(source);
    s.rejected++;
    s.byReason[reason] = (s.byReason[reason] ?? 0) + 1;
    s.lastRejection = { reason, detail: detail.slice(0, 300), topic: topic.slice(0, 200), at: this.now() };
  }

  snapshot(): IngestStats {
    const out: IngestStats = {};
    for (const [k, v] of this.sources) out[k] = { ...v, byReason: { ...v.byReason } };
    return out;
  }
}
