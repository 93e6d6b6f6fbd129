// The embedded broker: Aedes (MQTT 3.1.1) on 127.0.0.1, for a console that runs without an external
// broker. Clients must connect with protocol level 4 (Aedes refuses MQTT 5).
import net from 'node:net';
import { Aedes } from 'aedes';

export interface EmbeddedBroker {
  readonly url: string;
  readonly port: number;
  /** clients connected right now */
  clientCount(): number;
  close(): Promise<void>;
}

export interface EmbeddedBrokerOptions {
  /** 0 picks a free port */
  port: number;
  host?: string;
  log?: (line: string) => void;
}

export async function startEmbeddedBroker(opts: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
  const host = opts.host ?? '127.0.0.1';
  // queueLimit bounds what a slow client may owe; concurrency bounds in-flight inbound messages
  const aedes = await Aedes.createBroker({ concurrency: 200, queueLimit: 2_000, connectTimeout: 10_000 });
  aedes.on('clientError', (client, err) => opts.log?.(`[bus] broker: client ${client?.id ?? '?'}: ${err.message}`));
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    aedes.handle(socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as net.AddressInfo).port;
  const url = `mqtt://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed = false;
  return {
    url,
    port,
    clientCount: () => aedes.connectedClients,
    async close() {
      if (closed) return;
      closed = true;
      const serverClosed = new Promise<void>((r) => server.close(() => r()));
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => aedes.close(() => r()));
      await serverClosed;
    },
  };
}
