// The storage status asked for as the page starts, beside the first screen's data (load-start),
// so the gate does not wait for its first render to ask: the gate's first ask takes it.
import type { StorageStatus } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';

let early: Promise<StorageStatus | null> | null = null;

/** What the gate's ask does: the status, or null when the host cannot tell (its screens explain). */
export async function askStorageStatus(client: ApiClient): Promise<StorageStatus | null> {
  try {
    return await client.call('storage.status', {});
  } catch {
    // A host without the storage methods, or no key: the app's own screens explain.
    return null;
  }
}

export function askStorageStatusEarly(client: ApiClient): void {
  early = askStorageStatus(client);
}

/** The early answer if one is waiting (once: later asks, the polls, go to the host). */
export function takeEarlyStorageStatus(): Promise<StorageStatus | null> | null {
  const taken = early;
  early = null;
  return taken;
}
