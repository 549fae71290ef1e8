// The storage status asked for as the page starts, beside the first screen's data (load-start),
// so the gate does not wait for its first render to ask: the gate's first ask takes it.
import type { StorageStatus } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';

let early: Promise<StorageStatus | null> | null = null;
/** The early answer once it has come, while it waits to be taken. */
let arrived: { status: StorageStatus | null } | null = null;

/** What the gate's ask does: the status, or null when the host cannot tell (its screens explain). */
/** `sent`: the call already on its way (first-calls.ts), else one is made. */
export async function askStorageStatus(client: ApiClient, sent?: Promise<StorageStatus>): Promise<StorageStatus | null> {
  try {
    return await (sent ?? client.call('storage.status', {}));
  } catch {
    // A host without the storage methods, or no key: the app's own screens explain.
    return null;
  }
}

export function askStorageStatusEarly(client: ApiClient, sent?: Promise<StorageStatus>): void {
  const asked = askStorageStatus(client, sent);
  early = asked;
  arrived = null;
  void asked.then((status) => {
    if (early === asked) arrived = { status };
  });
}

/** The early answer if it has already come and is not taken yet, without taking it: the gate's
 *  first render starts on it (no empty first commit and effect round before the app). */
export function arrivedStorageStatus(): { status: StorageStatus | null } | null {
  return arrived;
}

/** Settles once the early ask has (at once without one). */
export function earlyStorageStatusSettled(): Promise<void> {
  return early ? early.then(() => undefined) : Promise.resolve();
}

/** The early answer if one is waiting (once: later asks, the polls, go to the host). */
export function takeEarlyStorageStatus(): Promise<StorageStatus | null> | null {
  const taken = early;
  early = null;
  arrived = null;
  return taken;
}
