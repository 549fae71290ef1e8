// window.briefbookShell: how the desktop's menu reaches the renderer. Main sends a command name
// on one channel; this object hands the renderer names from APP_COMMANDS and nothing else (no
// event object, whose sender is ipcRenderer; no unknown name a compromised main frame could
// not have sent anyway). Pure: it takes the subscribe functions, so a test can pass fakes.
import { COMMAND_CHANNEL, isAppCommand, type ShellBridge } from '../../shared/api/commands';

type ChannelListener = (event: unknown, ...args: unknown[]) => void;

export interface ChannelSubscription {
  on(channel: string, listener: ChannelListener): void;
  removeListener(channel: string, listener: ChannelListener): void;
}

export function buildShell(ipc: ChannelSubscription, platform: string): ShellBridge {
  return Object.freeze({
    platform,
    onCommand(listener: Parameters<ShellBridge['onCommand']>[0]) {
      if (typeof listener !== 'function') throw new TypeError('onCommand needs a function');
      const forward: ChannelListener = (_event, name, viaShortcut) => {
        if (isAppCommand(name)) listener(name, { viaShortcut: viaShortcut === true });
      };
      ipc.on(COMMAND_CHANNEL, forward);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(COMMAND_CHANNEL, forward);
      };
    },
  });
}
