// The sandboxed preload (bundled to one CommonJS file, out/preload/index.cjs). It exposes one
// object, window.briefbook, whose functions forward to ipcMain; the renderer gets no
// ipcRenderer, no Node and no other global.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/api/contract';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  // Wrapped so the renderer can never reach ipcRenderer itself through the function.
  buildBridge((channel, args) => ipcRenderer.invoke(channel, args)),
);
