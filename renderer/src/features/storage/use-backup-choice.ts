// The backups to offer and the one chosen, for the recovery screen and the restore dialog; and
// the restore of the chosen one. The newest backup is chosen at first, skipping a file kept
// from an earlier restore, which is rarely what the reader wants back.
import { useEffect, useState } from 'react';
import type { BackupInfo, StorageStatus } from '../../../../shared/api/storage/methods';
import type { ApiClient } from '../../api/client';
import type { StorageAction } from './use-storage-action';

export interface BackupChoice {
  backups: BackupInfo[] | null;
  selected: string | null;
  select(name: string): void;
  /** Restores the chosen backup; resolves to the new status, or undefined when it failed. */
  restore(): Promise<StorageStatus | undefined>;
}

export function useBackupChoice(client: ApiClient, action: StorageAction): BackupChoice {
  const [backups, setBackups] = useState<BackupInfo[] | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    client.call('storage.backups', {}).then(
      (list) => {
        if (cancelled) return;
        setBackups(list);
        setSelected(list.find((b) => b.reason !== 'before-restore')?.name ?? list[0]?.name ?? null);
      },
      () => !cancelled && setBackups([]),
    );
    return () => {
      cancelled = true;
    };
  }, [client]);

  return {
    backups,
    selected,
    select: setSelected,
    restore: async () => (selected ? action.run('restore', () => client.call('storage.restore', { name: selected })) : undefined),
  };
}
