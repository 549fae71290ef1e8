// The IPC binding: every contract method is mounted once, and only our own window's main
// frame, showing our own origin, reaches the router.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel } from '../../shared/api/contract';
import type { Router } from '../../electron/core/api/router';
import { mountRouter, trustedSenderCheck } from '../../electron/main/ipc';
import { resetFakeElectron, fakeElectron, FakeFrame, FakeWebContents } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).fakeElectronModule());
afterEach(resetFakeElectron);

async function setup() {
  const electron = await fakeElectron();
  const win = new electron.BrowserWindow({});
  await win.loadURL('app://briefbook/index.html');
  const router = { dispatch: vi.fn(async (method: string, args: unknown) => ({ ok: true as const, value: { method, args } })) };
  const unmount = mountRouter(
    electron.ipcMain as unknown as IpcMain,
    router as Router,
    trustedSenderCheck(() => win as unknown as BrowserWindow),
  );
  const call = (channel: string, event: { sender: unknown; senderFrame: unknown }, args?: unknown) =>
    electron.ipcMain.handlers.get(channel)!(event as unknown as IpcMainInvokeEvent, args);
  const trusted = () => ({ sender: win.webContents, senderFrame: win.webContents.mainFrame });
  return { electron, win, router, unmount, call, trusted };
}

describe('IPC binding', () => {
  it('registers every API method exactly once, on its channel', async () => {
    const { electron } = await setup();
    const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
    expect(channels.toSorted()).toEqual(API_METHODS.map(ipcChannel).toSorted());
    expect(new Set(channels).size).toBe(API_METHODS.length);
  });

  it('answers a trusted sender with the router’s result', async () => {
    const { call, trusted, router } = await setup();
    const result = await call(ipcChannel('plan.get'), trusted(), { planId: 'hz-2024' });
    expect(result).toEqual({ ok: true, value: { method: 'plan.get', args: { planId: 'hz-2024' } } });
    expect(router.dispatch).toHaveBeenCalledExactlyOnceWith('plan.get', { planId: 'hz-2024' });
  });

  it('forwards each channel to its own method', async () => {
    const { call, trusted, router } = await setup();
    for (const method of API_METHODS) await call(ipcChannel(method), trusted(), {});
    expect(router.dispatch.mock.calls.map(([m]) => m)).toEqual([...API_METHODS]);
  });

  it('refuses untrusted senders with FORBIDDEN and never calls the router', async () => {
    const { win, call, router, electron } = await setup();
    const main = win.webContents.mainFrame;
    const other = new electron.BrowserWindow({});
    await other.loadURL('app://briefbook/index.html');
    const cases: Record<string, { sender: unknown; senderFrame: unknown }> = {
      'a foreign page': { sender: win.webContents, senderFrame: Object.assign(new FakeFrame('https://evil.example/'), { routingId: main.routingId, processId: main.processId }) },
      'a lookalike host': { sender: win.webContents, senderFrame: new FakeFrame('app://briefbook.evil/index.html') },
      'a missing frame': { sender: win.webContents, senderFrame: null },
      'a subframe of our page': { sender: win.webContents, senderFrame: new FakeFrame('app://briefbook/index.html', main, main.processId) },
      'a subframe claiming the main frame’s ids': {
        sender: win.webContents,
        senderFrame: Object.assign(new FakeFrame('app://briefbook/index.html', main), { routingId: main.routingId, processId: main.processId }),
      },
      'another window': { sender: other.webContents, senderFrame: other.webContents.mainFrame },
      'an unknown web contents': { sender: new FakeWebContents('app://briefbook/index.html'), senderFrame: new FakeFrame('app://briefbook/index.html') },
      'a different frame of our contents': { sender: win.webContents, senderFrame: new FakeFrame('app://briefbook/index.html', null, 999) },
    };
    for (const [name, event] of Object.entries(cases)) {
      const result = await call(ipcChannel('settings.set'), event, { key: 'ui.theme', value: 'dark' });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect((result as { error: { message: string } }).error.message, name).toMatch(/\w/);
    }
    expect(router.dispatch).not.toHaveBeenCalled();
  });

  it('refuses calls once the page navigated away or the window is gone', async () => {
    const { win, call, router, trusted } = await setup();
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await call(ipcChannel('app.info'), trusted(), {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    win.webContents.mainFrame.url = 'app://briefbook/index.html';
    win.close();
    expect(await call(ipcChannel('app.info'), trusted(), {})).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(router.dispatch).not.toHaveBeenCalled();
  });

  it('turns a throwing router into an INTERNAL result instead of a rejected invoke', async () => {
    const { call, trusted, router } = await setup();
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    router.dispatch.mockRejectedValueOnce(new Error('boom'));
    expect(await call(ipcChannel('plan.list'), trusted(), {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    quiet.mockRestore();
  });

  it('unmounts every channel it mounted', async () => {
    const { electron, unmount } = await setup();
    unmount();
    expect(electron.ipcMain.handlers.size).toBe(0);
  });
});
