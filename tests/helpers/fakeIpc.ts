// An in-memory ipcMain/ipcRenderer pair with Electron's semantics where they matter here:
// arguments are structured-cloned, invoke round-trips a promise, events carry sender and senderFrame.
import type { IpcEventLike, IpcMainLike, WebContentsLike } from '../../electron/main/ipcServe';
import type { IpcRendererLike } from '../../electron/preload/bridge';

type MainListener = (event: IpcEventLike, ...args: unknown[]) => unknown;

export class FakeIpcMain implements IpcMainLike {
  handlers = new Map<string, MainListener>();
  listeners = new Map<string, MainListener[]>();
  handle(ch: string, l: MainListener) {
    this.handlers.set(ch, l);
  }
  removeHandler(ch: string) {
    this.handlers.delete(ch);
  }
  on(ch: string, l: MainListener) {
    this.listeners.set(ch, [...(this.listeners.get(ch) ?? []), l]);
    return this;
  }
  removeAllListeners(ch: string) {
    this.listeners.delete(ch);
    return this;
  }
}

let nextId = 1;

/** One renderer frame (a window) connected to a FakeIpcMain. */
export class FakeWindow implements WebContentsLike {
  readonly id = nextId++;
  private destroyed = false;
  private destroyedListeners: (() => void)[] = [];
  private rendererListeners = new Map<string, ((e: unknown, ...a: unknown[]) => void)[]>();
  readonly ipcRenderer: IpcRendererLike;

  constructor(
    private readonly main: FakeIpcMain,
    public frameUrl = 'lianqin://app/index.html',
  ) {
    const event = (): IpcEventLike => ({ sender: this, senderFrame: { url: this.frameUrl } });
    this.ipcRenderer = {
      invoke: async (ch, ...args) => {
        const h = this.main.handlers.get(ch);
        if (!h) throw new Error(`No handler registered for '${ch}'`);
        return structuredClone(await h(event(), ...structuredClone(args)));
      },
      send: (ch, ...args) => {
        for (const l of this.main.listeners.get(ch) ?? []) l(event(), ...structuredClone(args));
      },
      on: (ch, l) => {
        this.rendererListeners.set(ch, [...(this.rendererListeners.get(ch) ?? []), l]);
        return this.ipcRenderer;
      },
    };
  }
  send(ch: string, ...args: unknown[]) {
    if (this.destroyed) throw new Error('Object has been destroyed');
    const cloned = structuredClone(args);
    for (const l of this.rendererListeners.get(ch) ?? []) l({}, ...cloned);
  }
  isDestroyed() {
    return this.destroyed;
  }
  once(_e: 'destroyed', l: () => void) {
    this.destroyedListeners.push(l);
    return this;
  }
  destroy() {
    this.destroyed = true;
    this.destroyedListeners.forEach((l) => l());
  }
}
