// Fetching tiles from a web source: a timeout per request, the body checked to be an image (Tianditu
// and many intranet servers answer an XML error with status 200), one request per tile even when a
// window and a download ask at once, and a note of whether the source was reachable.
import { sniffTile, type TileFormat } from '../../common/tiles/format';

export class TileFetchError extends Error {
  constructor(
    message: string,
    /** worth trying again later (network, 5xx, 429); false for a definite answer (404, not an image) */
    readonly retryable: boolean,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

export type Reach = 'online' | 'offline' | 'unknown';

export interface UpstreamOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  /** after a network failure, misses fail at once for this long instead of waiting on a dead link */
  offlineHoldMs?: number;
  now?: () => number;
  userAgent?: string;
}

export class Upstream {
  private readonly inflight = new Map<string, Promise<{ data: Uint8Array; format: TileFormat }>>();
  private readonly reach = new Map<string, { state: Reach; at: number; error?: string }>();
  private readonly fetchFn: typeof fetch;
  private readonly now: () => number;
  /** requests actually sent, by source (tests and diagnostics) */
  readonly sent = new Map<string, number>();

  constructor(private readonly opts: UpstreamOptions = {}) {
    this.fetchFn = opts.fetch ?? fetch;
    this.now = opts.now ?? Date.now;
  }

  reachOf(sourceId: string): { state: Reach; at: number; error?: string } {
    return this.reach.get(sourceId) ?? { state: 'unknown', at: 0 };
  }

  /** True while a recent network failure says not to try (on-demand misses only; downloads retry anyway). */
  holding(sourceId: string): boolean {
    const r = this.reach.get(sourceId);
    return !!r && r.state === 'offline' && this.now() - r.at < (this.opts.offlineHoldMs ?? 15_000);
  }

  /** One fetch per (source, tile) at a time: a second caller waits for the first. */
  get(sourceId: string, key: string, url: string): Promise<{ data: Uint8Array; format: TileFormat }> {
    const k = `${sourceId}/${key}`;
    const running = this.inflight.get(k);
    if (running) return running;
    const p = this.fetchOnce(sourceId, url).finally(() => this.inflight.delete(k));
    this.inflight.set(k, p);
    return p;
  }

  private async fetchOnce(sourceId: string, url: string): Promise<{ data: Uint8Array; format: TileFormat }> {
    this.sent.set(sourceId, (this.sent.get(sourceId) ?? 0) + 1);
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.opts.timeoutMs ?? 15_000);
    let res: Response;
    try {
      res = await this.fetchFn(url, {
        signal: ctrl.signal,
        headers: { 'user-agent': this.opts.userAgent ?? 'LianqinConsole/tiles', accept: 'image/*' },
      });
    } catch (e) {
      clearTimeout(timer);
      const why = ctrl.signal.aborted ? 'timed out' : ((e as Error).cause as Error)?.message || (e as Error).message;
      this.reach.set(sourceId, { state: 'offline', at: this.now(), error: why });
      throw new TileFetchError(`cannot reach the source: ${why}`, true);
    }
    try {
      const body = new Uint8Array(await res.arrayBuffer());
      this.reach.set(sourceId, { state: 'online', at: this.now() });
      if (res.status === 404 || res.status === 204)
        throw new TileFetchError(`the source has no such tile (${res.status})`, false, res.status);
      if (!res.ok) {
        const retry = res.status >= 500 || res.status === 429 || res.status === 408;
        throw new TileFetchError(`the source answered HTTP ${res.status}`, retry, res.status);
      }
      const format = sniffTile(body);
      if (!format) {
        const head = new TextDecoder().decode(body.subarray(0, 160)).replace(/\s+/g, ' ').trim();
        throw new TileFetchError(
          `the source answered something that is not a tile: ${head || '(empty)'}`,
          false,
          res.status,
        );
      }
      return { data: body, format };
    } finally {
      clearTimeout(timer);
    }
  }
}
