// Electron accelerator strings ("CmdOrCtrl+F", "Alt+Down") matched against DOM key events, so
// browser mode answers the same shortcuts as the desktop menu (shared/api/commands.ts).
import { COMMAND_ACCELERATORS, type AppCommand } from '../../../shared/api/commands';

export interface KeyChord {
  /** CmdOrCtrl: Command on macOS, Control elsewhere. */
  primary: boolean;
  alt: boolean;
  shift: boolean;
  /** The key as the accelerator names it, e.g. "F", "1", ",", "Down". */
  key: string;
}

export type KeyEventLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>;

export function parseAccelerator(accelerator: string): KeyChord {
  const parts = accelerator.split('+');
  // "CmdOrCtrl+Plus" style names aside, the key is the last part; a literal "+" would be "Plus".
  const key = parts.pop() ?? '';
  const mods = new Set(parts.map((p) => p.toLowerCase()));
  return {
    primary: mods.has('cmdorctrl') || mods.has('commandorcontrol'),
    alt: mods.has('alt') || mods.has('option'),
    shift: mods.has('shift'),
    key,
  };
}

/** DOM KeyboardEvent.key for accelerator key names that differ. */
const NAMED_KEYS: Readonly<Record<string, string>> = { Up: 'ArrowUp', Down: 'ArrowDown', Left: 'ArrowLeft', Right: 'ArrowRight' };

/** The physical key (KeyboardEvent.code) of a printable accelerator key, for layouts whose keys type other characters. */
function codeOf(key: string): string | null {
  if (/^[A-Z]$/i.test(key)) return `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return `Digit${key}`;
  const punctuation: Record<string, string> = {
    ',': 'Comma',
    '.': 'Period',
    '[': 'BracketLeft',
    ']': 'BracketRight',
    '/': 'Slash',
    '\\': 'Backslash',
  };
  return punctuation[key] ?? null;
}

export function matchesChord(chord: KeyChord, event: KeyEventLike, isMac: boolean): boolean {
  const primary = isMac ? event.metaKey : event.ctrlKey;
  const other = isMac ? event.ctrlKey : event.metaKey;
  if (primary !== chord.primary || other || event.altKey !== chord.alt || event.shiftKey !== chord.shift) return false;
  const wanted = NAMED_KEYS[chord.key] ?? chord.key;
  if (event.key.toLowerCase() === wanted.toLowerCase()) return true;
  // On a Russian or AZERTY keyboard Ctrl+F types "а" and Ctrl+1 types "&": fall back to the
  // physical key, but never when the key typed is another Latin letter (AZERTY's A is where Q is).
  if (/^[a-z]$/i.test(event.key)) return false;
  const code = codeOf(chord.key);
  return code !== null && event.code === code;
}

const CHORDS: ReadonlyArray<[AppCommand, KeyChord]> = Object.entries(COMMAND_ACCELERATORS).map(
  ([command, accelerator]) => [command as AppCommand, parseAccelerator(accelerator)],
);

/** The command whose shortcut this key event is, if any. */
export function commandForKey(event: KeyEventLike, isMac: boolean): AppCommand | null {
  return CHORDS.find(([, chord]) => matchesChord(chord, event, isMac))?.[0] ?? null;
}
