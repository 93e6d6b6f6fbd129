// Preload (sandboxed): exposes only invoke/subscribe on allow-listed channels through contextBridge.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_KEY } from '../common/rpc/ipcTransport';
import { createPreloadBridge } from './bridge';

contextBridge.exposeInMainWorld(BRIDGE_KEY, createPreloadBridge(ipcRenderer));
