// The IPC binding: one ipcMain.handle channel per contract method, each forwarding to the
// core router. The main process trusts no renderer claim, so every call first checks who
// sent it: only the main frame of our own window, showing our own origin, may call the API.
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { API_METHODS, ipcChannel } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import type { Router } from '../core/api/router';
import { isAppUrl } from './app-url';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/**
 * Trusted = the frame still exists, shows app://briefbook/, has no parent (not an iframe),
 * and is the main frame of the window getWindow() returns right now.
 */
export function trustedSenderCheck(getWindow: () => BrowserWindow | null | undefined): SenderCheck {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || !isAppUrl(frame.url) || frame.parent !== null) return false;
    const win = getWindow();
    if (!win || win.isDestroyed()) return false;
    const contents = win.webContents;
    if (event.sender !== contents) return false;
    const main = contents.mainFrame;
    return frame === main || (frame.processId === main.processId && frame.routingId === main.routingId);
  };
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This window is not allowed to call Briefbook.' },
};

/** Registers every contract method; returns a function that removes them again. */
export function mountRouter(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  router: Router,
  isTrustedSender: SenderCheck,
): () => void {
  const channels = API_METHODS.map((method) => {
    const channel = ipcChannel(method);
    ipcMain.handle(channel, async (event, args: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) return FORBIDDEN;
      try {
        return await router.dispatch(method, args);
      } catch (err) {
        // The router turns service errors into Results itself; this is the last line so a
        // bug there still reaches the renderer as an envelope, not as a rejected invoke.
        console.error(err);
        return { ok: false, error: { code: 'INTERNAL', message: `${method} failed unexpectedly.` } };
      }
    });
    return channel;
  });
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}
