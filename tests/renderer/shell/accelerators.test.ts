// Accelerator strings matched against DOM key events: the browser-mode half of the shared
// shortcut table.
import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, COMMAND_ACCELERATORS } from '../../../shared/api/commands';
import { commandForKey, matchesChord, parseAccelerator, type KeyEventLike } from '../../../renderer/src/shell/accelerators';

const key = (k: string, mods: Partial<KeyEventLike> = {}, code = ''): KeyEventLike => ({
  key: k,
  code,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('accelerators', () => {
  it('parses modifiers and the key', () => {
    expect(parseAccelerator('CmdOrCtrl+,')).toEqual({ primary: true, alt: false, shift: false, key: ',' });
    expect(parseAccelerator('Alt+Down')).toEqual({ primary: false, alt: true, shift: false, key: 'Down' });
    expect(parseAccelerator('CmdOrCtrl+Shift+F')).toEqual({ primary: true, alt: false, shift: true, key: 'F' });
  });

  it('CmdOrCtrl is Control off macOS and Command on macOS, never both', () => {
    const chord = parseAccelerator('CmdOrCtrl+F');
    expect(matchesChord(chord, key('f', { ctrlKey: true }), false)).toBe(true);
    expect(matchesChord(chord, key('f', { metaKey: true }), false)).toBe(false);
    expect(matchesChord(chord, key('f', { metaKey: true }), true)).toBe(true);
    expect(matchesChord(chord, key('f', { ctrlKey: true }), true)).toBe(false);
    expect(matchesChord(chord, key('f', { ctrlKey: true, metaKey: true }), false)).toBe(false);
  });

  it('extra or missing modifiers do not match', () => {
    const chord = parseAccelerator('CmdOrCtrl+2');
    expect(matchesChord(chord, key('2'), false)).toBe(false);
    expect(matchesChord(chord, key('2', { ctrlKey: true, shiftKey: true }), false)).toBe(false);
    expect(matchesChord(chord, key('2', { ctrlKey: true, altKey: true }), false)).toBe(false);
  });

  it('maps every shortcut of the table to its command', () => {
    expect(commandForKey(key('f', { ctrlKey: true }), false)).toBe('find');
    expect(commandForKey(key('F', { ctrlKey: true }), false)).toBe('find'); // Caps Lock
    expect(commandForKey(key('p', { ctrlKey: true }), false)).toBe('print');
    expect(commandForKey(key(',', { metaKey: true }), true)).toBe('preferences');
    expect(commandForKey(key('1', { ctrlKey: true }), false)).toBe('view.read');
    expect(commandForKey(key('2', { ctrlKey: true }), false)).toBe('view.table');
    expect(commandForKey(key('3', { ctrlKey: true }), false)).toBe('view.dashboard');
    expect(commandForKey(key('ArrowDown', { altKey: true }), false)).toBe('initiative.next');
    expect(commandForKey(key('ArrowUp', { altKey: true }), true)).toBe('initiative.previous');
    expect(commandForKey(key('\\', { ctrlKey: true }), false)).toBe('outline.toggle');
    expect(commandForKey(key('\\', { metaKey: true }), true)).toBe('outline.toggle');
    expect(commandForKey(key('g', { ctrlKey: true }), false)).toBeNull();
    expect(commandForKey(key('ArrowDown'), false)).toBeNull();
    // The table names only commands that exist.
    for (const command of Object.keys(COMMAND_ACCELERATORS)) expect(APP_COMMANDS).toContain(command);
  });

  it('falls back to the physical key on layouts that type other characters', () => {
    expect(commandForKey(key('а', { ctrlKey: true }, 'KeyF'), false)).toBe('find'); // Russian
    expect(commandForKey(key('&', { ctrlKey: true }, 'Digit1'), false)).toBe('view.read'); // AZERTY
    expect(commandForKey(key('#', { ctrlKey: true }, 'Backslash'), false)).toBe('outline.toggle'); // German
    // AZERTY's A sits where QWERTY has Q: a Latin letter is taken as typed, not by position.
    expect(commandForKey(key('a', { ctrlKey: true }, 'KeyF'), false)).toBeNull();
  });
});
