// The renderer's one service client. Inside Electron it uses the preload bridge (IPC); in a browser it
// uses the host's WebSocket. Nothing else in the renderer knows which.
import { ref } from 'vue';
import { createServiceClient, type ServiceClient } from '../../../electron/common/rpc/client';
import { BRIDGE_KEY, createIpcTransport } from '../../../electron/common/rpc/ipcTransport';
import { createWsTransport, type WebSocketLike } from '../../../electron/common/rpc/wsTransport';
import { sessionToken } from './sessionToken';

let client: ServiceClient | null = null;
/** connection status for the banner; IPC is always connected */
export const connected = ref(true);

export function useClient(): ServiceClient {
  if (client) return client;
  const bridge = window[BRIDGE_KEY as 'lianqin'];
  if (bridge) {
    client = createServiceClient(createIpcTransport(bridge));
  } else {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    // a (re)connecting window brings its session along, before it subscribes again
    const resume = (u: string) => {
      const token = sessionToken.get();
      return token ? `${u}?resume=${encodeURIComponent(token)}` : u;
    };
    const t = createWsTransport(url, (u) => new WebSocket(resume(u)) as unknown as WebSocketLike);
    connected.value = false;
    t.onStatus((c) => {
      connected.value = c;
    });
    client = createServiceClient(t);
  }
  return client;
}
