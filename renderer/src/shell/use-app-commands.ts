// Runs the app's commands (shared/api/commands.ts) with the handlers App passes. On the
// desktop they come from the native menu through window.briefbookShell (the menu owns the
// shortcuts there); in browser mode this hook listens for the same shortcuts itself. Either
// way a shortcut never fires while the reader types in a field, except Find, Print and
// Preferences, and a command without a handler (or whose handler returns false) leaves the
// key to the browser.
import { useLayoutEffect, useRef } from 'react';
import { COMMANDS_WHILE_TYPING, isCommandAvailable, type AppCommand } from '../../../shared/api/commands';
import { commandForKey } from './accelerators';
import { DEFAULT_COMMAND_HANDLERS } from './default-commands';
import { getShellBridge, isMacPlatform } from './shell-bridge';
import { isTextEntry } from './text-entry';

/** A handler returns false when it could not act (e.g. no search box): the browser then keeps the key. */
export type CommandHandler = () => void | boolean;
export type CommandHandlers = Partial<Record<AppCommand, CommandHandler>>;

const worksWhileTyping = (command: AppCommand) => (COMMANDS_WHILE_TYPING as readonly AppCommand[]).includes(command);

export function useAppCommands(handlers: CommandHandlers, win: Window = window): void {
  // The latest handlers, without re-subscribing on every render. Taken as the render is
  // committed (a layout effect), not in a passive effect, which React may run a task later: a
  // key pressed in between, as soon as the screen showed the new data, ran the handlers of the
  // render before it (Alt+↓ pressed as the outline appeared found no outline).
  const latest = useRef(handlers);
  useLayoutEffect(() => {
    latest.current = handlers;
  });

  // Listening starts as the first render is committed too, for the same reason: a shortcut
  // pressed as the first screen appeared, before a passive effect ran, went unheard.
  useLayoutEffect(() => {
    const handlerFor = (command: AppCommand) =>
      isCommandAvailable(command) ? (latest.current[command] ?? DEFAULT_COMMAND_HANDLERS[command]) : undefined;
    const typing = () => isTextEntry(win.document.activeElement);

    const shell = getShellBridge(win);
    if (shell) {
      return shell.onCommand((command, origin) => {
        if (origin.viaShortcut && typing() && !worksWhileTyping(command)) return;
        handlerFor(command)?.();
      });
    }

    const isMac = isMacPlatform(win);
    const onKeyDown = (event: KeyboardEvent) => {
      // An input method composing (Chinese pinyin) owns every key until it commits.
      if (event.defaultPrevented || event.isComposing || event.keyCode === 229) return;
      const command = commandForKey(event, isMac);
      if (!command) return;
      if (isTextEntry(event.target) && !worksWhileTyping(command)) return;
      const handler = handlerFor(command);
      if (handler && handler() !== false) event.preventDefault();
    };
    win.addEventListener('keydown', onKeyDown);
    return () => win.removeEventListener('keydown', onKeyDown);
  }, [win]);
}
