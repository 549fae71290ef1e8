// The preload exposes exactly one object, window.briefbook, with one function per contract
// method, each forwarding to ipcRenderer.invoke on that method's channel.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, BRIDGE_GLOBAL, ipcChannel } from '../../shared/api/contract';
import { buildBridge } from '../../electron/preload/bridge';
import { fakeElectron } from '../main/fake-electron';

vi.mock('electron', async () => (await import('../main/fake-electron')).fakeElectronModule());

async function exposed() {
  const electron = await fakeElectron();
  await import('../../electron/preload/index');
  return electron;
}

describe('preload', () => {
  it('exposes exactly one object, under BRIDGE_GLOBAL', async () => {
    const { contextBridge } = await exposed();
    expect(contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, bridge] = contextBridge.exposeInMainWorld.mock.calls[0]!;
    expect(name).toBe(BRIDGE_GLOBAL);
    expect(Object.keys(bridge as object).toSorted()).toEqual([...API_METHODS].toSorted());
  });

  it('exposes functions only: no ipcRenderer, no Node', async () => {
    const { contextBridge, ipcRenderer } = await exposed();
    const bridge = contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, unknown>;
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('each function invokes its method’s channel with the arguments and returns the reply', async () => {
    const { contextBridge, ipcRenderer } = await exposed();
    const bridge = contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<string, (args: unknown) => Promise<unknown>>;
    for (const method of API_METHODS) {
      ipcRenderer.invoke.mockClear();
      const args = { probe: method };
      const reply = await bridge[method]!(args);
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(method), args);
      expect(reply).toEqual({ ok: true, value: { channel: ipcChannel(method), args } });
    }
  });
});

describe('buildBridge', () => {
  it('builds one forwarding function per method from any invoke function', async () => {
    const invoke = vi.fn(async (channel: string) => ({ ok: true, value: channel }));
    const bridge = buildBridge(invoke);
    expect(await bridge['plan.get']({ planId: 'hz-2024' })).toEqual({ ok: true, value: ipcChannel('plan.get') });
    expect(invoke).toHaveBeenCalledExactlyOnceWith('briefbook:plan.get', { planId: 'hz-2024' });
    expect(Object.keys(bridge)).toEqual([...API_METHODS]);
  });
});
