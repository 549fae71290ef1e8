// Startup failures become one plain sentence, never a stack trace.
import { describe, expect, it } from 'vitest';
import { DatabaseFromFutureError } from '../../electron/core/db/errors';
import { StartupError, startupErrorMessage } from '../../electron/main/startup-error';

describe('startup error message', () => {
  it('shows a database from the future with its own plain message', () => {
    const err = new DatabaseFromFutureError('/d/briefbook.sqlite3', 9, 2);
    expect(startupErrorMessage(err, true)).toBe(err.message);
  });

  it('shows a StartupError as written', () => {
    expect(startupErrorMessage(new StartupError('Run this first.'), false)).toBe('Run this first.');
  });

  it('explains a native module built for the wrong ABI', () => {
    const err = new Error("The module '/x/better_sqlite3.node'\nwas compiled against a different Node.js version using\nNODE_MODULE_VERSION 115. This version of Node.js requires\nNODE_MODULE_VERSION 150.");
    expect(startupErrorMessage(err, false)).toContain('npm run native:electron');
    expect(startupErrorMessage(err, true)).toMatch(/reinstall/i);
  });

  it('gives anything else as one line without a stack', () => {
    const err = new Error('ENOENT: no such file or directory, open \'/r/plans/x.txt\'');
    const message = startupErrorMessage(err, true);
    expect(message).toBe("Briefbook could not start: ENOENT: no such file or directory, open '/r/plans/x.txt'.");
    expect(message).not.toContain('\n');
    expect(message).not.toMatch(/\bat .*:\d+:\d+/);
    expect(startupErrorMessage('odd', true)).toBe('Briefbook could not start: odd.');
    expect(startupErrorMessage(new Error('done.'), true)).toBe('Briefbook could not start: done.');
  });
});
