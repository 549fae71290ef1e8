// The sandboxed preload (bundled to one CommonJS file, out/preload/index.cjs). It exposes two
// objects: window.briefbook, whose functions forward API calls to ipcMain, and
// window.briefbookShell, which hands the renderer the commands of the native menu. The
// renderer gets no ipcRenderer, no Node and no other global.
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL } from '../../shared/api/contract';
import { SHELL_GLOBAL } from '../../shared/api/commands';
import { buildBridge } from './bridge';
import { buildShell } from './shell';

contextBridge.exposeInMainWorld(
  BRIDGE_GLOBAL,
  // Wrapped so the renderer can never reach ipcRenderer itself through the function.
  buildBridge((channel, args) => ipcRenderer.invoke(channel, args)),
);

contextBridge.exposeInMainWorld(
  SHELL_GLOBAL,
  // Only on/removeListener are passed in, bound here, never exposed; the platform is a plain string.
  buildShell(
    {
      on: (channel, listener) => ipcRenderer.on(channel, listener),
      removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
    },
    process.platform,
  ),
);
