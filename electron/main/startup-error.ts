// Turns a startup failure into one plain message for an error box. A reader cannot act on a
// stack trace; they can act on "open it with a newer Briefbook" or "reinstall".
import { DatabaseProblemError } from '../core/db/errors';

/** A failure whose message is already written for the user. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export function startupErrorMessage(err: unknown, isPackaged: boolean): string {
  if (err instanceof StartupError || err instanceof DatabaseProblemError) return oneLine(err.message);
  const message = err instanceof Error ? err.message : String(err);
  if (/NODE_MODULE_VERSION/.test(message)) {
    return isPackaged
      ? 'Briefbook’s database module does not match this version of Briefbook. Please reinstall Briefbook.'
      : 'Briefbook’s database module was built for a different Electron version: run "npm run native:electron" and start again.';
  }
  return `Briefbook could not start: ${oneLine(message) || 'an unknown error occurred'}.`.replace(/\.\.$/, '.');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
