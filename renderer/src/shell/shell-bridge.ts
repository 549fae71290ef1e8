// The desktop shell's window.briefbookShell when the preload put it there (absent in browser
// mode), and whether shortcuts use Command (macOS) or Control.
import { SHELL_GLOBAL, type ShellBridge } from '../../../shared/api/commands';

export function getShellBridge(win: Window = window): ShellBridge | null {
  const shell = (win as unknown as Record<string, unknown>)[SHELL_GLOBAL];
  if (typeof shell !== 'object' || shell === null) return null;
  return typeof (shell as ShellBridge).onCommand === 'function' ? (shell as ShellBridge) : null;
}

/** True on macOS: CmdOrCtrl means Command there. The desktop host says so; a browser is asked. */
export function isMacPlatform(win: Window = window): boolean {
  const shell = getShellBridge(win);
  if (shell) return shell.platform === 'darwin';
  return /^Mac|^iP(hone|ad|od)/.test(win.navigator.platform);
}
