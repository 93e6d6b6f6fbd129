/// <reference types="vite/client" />
import type { PreloadBridge } from '../../electron/common/rpc/ipcTransport';

declare global {
  interface Window {
    /** present only inside Electron (preload) */
    lianqin?: PreloadBridge;
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
