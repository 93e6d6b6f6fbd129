// A local tile server for tests and benchmarks: XYZ tiles at /xyz/{z}/{x}/{y}.png, the same tiles over
// WMTS KVP GetTile at /wmts (with a capabilities document), every request counted per tile. Tiles are
// small real PNGs whose colour depends on (z, x, y), so a test can tell which tile it got.
import http from 'node:http';
import { encodePng } from '../../electron/node/tiles/schematic/png';

export interface TileServer {
  url: string;
  /** requests per tile key 'z/x/y' */
  counts: Map<string, number>;
  total(): number;
  /** make the next n requests for a tile fail with this status (500, 503, 404…) */
  failNext(key: string, n: number, status?: number): void;
  /** answer every tile request after this delay */
  delayMs: number;
  /** answer everything with a broken connection (the network is down) */
  down: boolean;
  /** answer tiles with an XML error body and status 200 (as Tianditu does for a bad key) */
  xmlErrors: boolean;
  capabilities: string;
  /** answer with 64×64 noise PNGs (~16 KB, about a real street tile) instead of tiny ones */
  bigTiles: boolean;
  close(): Promise<void>;
}

export function tilePng(z: number, x: number, y: number): Buffer {
  const px = new Uint8Array(8 * 8 * 4);
  for (let i = 0; i < px.length; i += 4) px.set([(z * 17) & 255, x & 255, y & 255, 255], i);
  return encodePng(px, 8, 8);
}

/** A 64×64 tile of noise seeded by its address: compresses about as badly as a real map tile. */
export function bigTilePng(z: number, x: number, y: number): Buffer {
  const px = new Uint8Array(64 * 64 * 4);
  let h = (z * 73856093) ^ (x * 19349663) ^ (y * 83492791);
  for (let i = 0; i < px.length; i++) {
    h = (h * 1103515245 + 12345) >>> 0;
    px[i] = i % 4 === 3 ? 255 : h >>> 24;
  }
  return encodePng(px, 64, 64);
}

export async function startTileServer(port = 0): Promise<TileServer> {
  const failures = new Map<string, { n: number; status: number }>();
  const state: Omit<TileServer, 'url' | 'close'> = {
    counts: new Map(),
    total: () => [...state.counts.values()].reduce((a, b) => a + b, 0),
    failNext: (key, n, status = 500) => failures.set(key, { n, status }),
    delayMs: 0,
    down: false,
    xmlErrors: false,
    capabilities: '',
    bigTiles: false,
  };
  const server = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    if (state.down) return req.socket.destroy();
    let key: string | null = null;
    const m = /^\/xyz\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(u.pathname);
    if (m) key = `${m[1]}/${m[2]}/${m[3]}`;
    if (u.pathname === '/wmts') {
      const q = Object.fromEntries([...u.searchParams].map(([k, v]) => [k.toUpperCase(), v]));
      if (q.REQUEST === 'GetCapabilities') {
        res.writeHead(200, { 'content-type': 'application/xml' });
        return res.end(state.capabilities);
      }
      if (q.REQUEST === 'GetTile') key = `${q.TILEMATRIX.replace(/^.*:/, '')}/${q.TILECOL}/${q.TILEROW}`;
    }
    if (!key) {
      res.writeHead(404);
      return res.end();
    }
    state.counts.set(key, (state.counts.get(key) ?? 0) + 1);
    const answer = () => {
      const f = failures.get(key);
      if (f && f.n > 0) {
        f.n--;
        res.writeHead(f.status);
        return res.end('failure');
      }
      if (state.xmlErrors) {
        res.writeHead(200, { 'content-type': 'text/xml' });
        return res.end(
          '<?xml version="1.0"?><ows:ExceptionReport><ows:Exception>bad key</ows:Exception></ows:ExceptionReport>',
        );
      }
      const [z, x, y] = key.split('/').map(Number);
      res.writeHead(200, { 'content-type': 'image/png' });
      res.end(state.bigTiles ? bigTilePng(z, x, y) : tilePng(z, x, y));
    };
    if (state.delayMs > 0) setTimeout(answer, state.delayMs);
    else answer();
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return Object.assign(state, {
    url,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  }) as TileServer;
}
