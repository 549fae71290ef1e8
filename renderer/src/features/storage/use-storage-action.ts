// One storage action at a time (restore, move aside, back up, check): what is running and the
// message of the last failure, in the backend's words.
import { useCallback, useState } from 'react';

export interface StorageAction {
  busy: string | null;
  error: string | null;
  run<T>(name: string, work: () => Promise<T>): Promise<T | undefined>;
}

export function useStorageAction(): StorageAction {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(name: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(name);
    setError(null);
    try {
      return await work();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      return undefined;
    } finally {
      setBusy(null);
    }
  }, []);
  return { busy, error, run };
}
