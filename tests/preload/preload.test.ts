// The preload exposes exactly two objects: window.briefbook, with one function per contract
// method, each forwarding to ipcRenderer.invoke on that method's channel; and
// window.briefbookShell, which passes the menu's commands (names from APP_COMMANDS only) to
// the renderer and tells it the platform. Neither hands out ipcRenderer or an IPC event.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APP_COMMANDS, COMMAND_CHANNEL, SHELL_GLOBAL, type ShellBridge } from '../../shared/api/commands';
import { API_METHODS, BRIDGE_GLOBAL, ipcChannel } from '../../shared/api/contract';
import { buildBridge } from '../../electron/preload/bridge';
import { buildShell } from '../../electron/preload/shell';
import { fakeElectron, resetFakeElectron } from '../main/fake-electron';

vi.mock('electron', async () => (await import('../main/fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

async function exposed() {
  vi.resetModules(); // run the preload entry afresh; the mocked electron module is kept
  const electron = await fakeElectron();
  await import('../../electron/preload/index');
  const calls = electron.contextBridge.exposeInMainWorld.mock.calls;
  const global = (name: string) => calls.find(([n]) => n === name)?.[1];
  return { electron, bridge: global(BRIDGE_GLOBAL) as Record<string, (args: unknown) => Promise<unknown>>, shell: global(SHELL_GLOBAL) as ShellBridge };
}

describe('preload', () => {
  it('exposes exactly two objects: the API bridge and the shell', async () => {
    const { electron } = await exposed();
    const names = electron.contextBridge.exposeInMainWorld.mock.calls.map(([name]) => name);
    expect(names).toEqual([BRIDGE_GLOBAL, SHELL_GLOBAL]);
  });

  it('the bridge has one key per contract method, and only those', async () => {
    const { bridge } = await exposed();
    expect(Object.keys(bridge).toSorted()).toEqual([...API_METHODS].toSorted());
  });

  it('the shell has exactly onCommand and platform', async () => {
    const { shell } = await exposed();
    expect(Object.keys(shell).toSorted()).toEqual(['onCommand', 'platform']);
    expect(typeof shell.onCommand).toBe('function');
    expect(shell.platform).toBe(process.platform);
    expect(Object.isFrozen(shell)).toBe(true);
  });

  it('exposes functions and plain values only: no ipcRenderer, no Node', async () => {
    const { electron, bridge, shell } = await exposed();
    const { ipcRenderer } = electron;
    for (const value of [...Object.values(bridge), ...Object.values(shell)]) {
      expect(['function', 'string']).toContain(typeof value);
      for (const forbidden of [ipcRenderer, ipcRenderer.invoke, ipcRenderer.on, ipcRenderer.removeListener]) expect(value).not.toBe(forbidden);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('each bridge function invokes its method’s channel with the arguments and returns the reply', async () => {
    const { electron, bridge } = await exposed();
    const { ipcRenderer } = electron;
    for (const method of API_METHODS) {
      ipcRenderer.invoke.mockClear();
      const args = { probe: method };
      const reply = await bridge[method]!(args);
      expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(method), args);
      expect(reply).toEqual({ ok: true, value: { channel: ipcChannel(method), args } });
    }
  });

  it('the shell passes every app command main sends on the command channel, and nothing else', async () => {
    const { electron, shell } = await exposed();
    const heard: unknown[][] = [];
    shell.onCommand((...args: unknown[]) => heard.push(args));
    const event = { sender: electron.ipcRenderer };
    for (const command of APP_COMMANDS) electron.ipcRenderer.emit(COMMAND_CHANNEL, event, command, false);
    // Only the name and how it was given reach the renderer: never the event (its sender is ipcRenderer).
    expect(heard).toEqual(APP_COMMANDS.map((c) => [c, { viaShortcut: false }]));
  });

  it('the shell says whether a command came by its shortcut, reading anything but true as a click', async () => {
    const { electron, shell } = await exposed();
    const listener = vi.fn();
    shell.onCommand(listener);
    electron.ipcRenderer.emit(COMMAND_CHANNEL, {}, 'find', true);
    electron.ipcRenderer.emit(COMMAND_CHANNEL, {}, 'find', 'yes');
    electron.ipcRenderer.emit(COMMAND_CHANNEL, {}, 'find');
    expect(listener.mock.calls).toEqual([
      ['find', { viaShortcut: true }],
      ['find', { viaShortcut: false }],
      ['find', { viaShortcut: false }],
    ]);
  });

  it('the shell ignores unknown names, non-strings and other channels', async () => {
    const { electron, shell } = await exposed();
    const listener = vi.fn();
    shell.onCommand(listener);
    const event = {};
    for (const bogus of ['quit', 'print ', 'constructor', '__proto__', '', 42, null, undefined, { name: 'print' }, ['print']]) {
      electron.ipcRenderer.emit(COMMAND_CHANNEL, event, bogus);
    }
    electron.ipcRenderer.emit('briefbook:other', event, 'print');
    expect(listener).not.toHaveBeenCalled();
  });

  it('unsubscribing stops the commands and removes the IPC listener; twice is harmless', async () => {
    const { electron, shell } = await exposed();
    const kept = vi.fn();
    const dropped = vi.fn();
    shell.onCommand(kept);
    const unsubscribe = shell.onCommand(dropped);
    expect(electron.ipcRenderer.listenerCount(COMMAND_CHANNEL)).toBe(2);
    unsubscribe();
    unsubscribe();
    expect(electron.ipcRenderer.listenerCount(COMMAND_CHANNEL)).toBe(1);
    electron.ipcRenderer.emit(COMMAND_CHANNEL, {}, 'find');
    expect(dropped).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledExactlyOnceWith('find', { viaShortcut: false });
  });

  it('onCommand refuses a listener that is not a function', async () => {
    const { electron, shell } = await exposed();
    expect(() => shell.onCommand('print' as never)).toThrow(TypeError);
    expect(electron.ipcRenderer.listenerCount(COMMAND_CHANNEL)).toBe(0);
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

describe('buildShell', () => {
  it('subscribes on the command channel only, with whatever subscribe functions it is given', () => {
    const on = vi.fn();
    const removeListener = vi.fn();
    const shell = buildShell({ on, removeListener }, 'win32');
    expect(shell.platform).toBe('win32');
    const listener = vi.fn();
    const stop = shell.onCommand(listener);
    expect(on).toHaveBeenCalledExactlyOnceWith(COMMAND_CHANNEL, expect.any(Function));
    const forward = on.mock.calls[0]![1] as (event: unknown, name: unknown, viaShortcut: unknown) => void;
    forward({}, 'view.table', true);
    expect(listener).toHaveBeenCalledExactlyOnceWith('view.table', { viaShortcut: true });
    stop();
    expect(removeListener).toHaveBeenCalledExactlyOnceWith(COMMAND_CHANNEL, forward);
  });
});
