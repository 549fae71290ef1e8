// The status list of the preferences dialog: loaded from the core when the dialog opens,
// edited as a draft, saved in one status.setOptions call. A save the core refuses keeps the
// draft, so the reader can fix it or undo their changes. The save names the revision the list
// was loaded at; if another window saved the list meanwhile, `conflict` holds the stored list
// and the reader chooses (keep theirs, overwrite with mine, or keep editing on top of theirs).
import { useCallback, useEffect, useState } from 'react';
import type { StatusOption, StatusOptionsRecord } from '../../../../shared/domain/table';
import { ApiCallError, isStaleWrite } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';
import { addStatus, cleanDraft, moveStatus, removeStatus, renameStatus, sameOptions, statusesInUse, type LabelLanguage } from './status-draft';

export type StatusMessage =
  | { kind: 'saved' }
  | { kind: 'empty' }
  | { kind: 'inUse'; statuses: StatusOption[]; detail: string }
  | { kind: 'failed'; detail: string };

export interface StatusEditor {
  phase: 'loading' | 'ready' | 'loadFailed';
  draft: StatusOption[];
  saved: StatusOption[];
  dirty: boolean;
  saving: boolean;
  message: StatusMessage | null;
  /** The list as stored now, after a save was refused as stale; null otherwise. */
  conflict: { theirs: StatusOptionsRecord; mine: StatusOption[] } | null;
  keepTheirs(): void;
  overwrite(): Promise<void>;
  editAgain(): void;
  rename(index: number, language: LabelLanguage, text: string): void;
  add(): void;
  remove(index: number): void;
  move(index: number, delta: -1 | 1): void;
  /** Resolves true once the core stored the draft (false: refused or stale, the message or the
   *  conflict says why). */
  save(): Promise<boolean>;
  revert(): void;
  reload(): void;
}

export function useStatusOptions(client: ApiClient): StatusEditor {
  const [phase, setPhase] = useState<StatusEditor['phase']>('loading');
  const [saved, setSaved] = useState<StatusOption[]>([]);
  const [revision, setRevision] = useState(0);
  const [conflict, setConflict] = useState<StatusEditor['conflict']>(null);
  const [draft, setDraft] = useState<StatusOption[]>([]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    client.call('status.options', {}).then(
      (record) => {
        if (cancelled) return;
        setSaved(record.options);
        setDraft(record.options);
        setRevision(record.revision);
        setPhase('ready');
      },
      () => {
        if (!cancelled) setPhase('loadFailed');
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, attempt]);

  const edit = useCallback((change: (draft: StatusOption[]) => StatusOption[]) => {
    setDraft(change);
    setMessage(null);
  }, []);

  const store = useCallback(async (options: StatusOption[], baseRevision: number, basis: StatusOption[]): Promise<boolean> => {
    setSaving(true);
    try {
      const stored = await client.call('status.setOptions', { options, baseRevision });
      setSaved(stored.options);
      setDraft(stored.options);
      setRevision(stored.revision);
      setMessage({ kind: 'saved' });
      return true;
    } catch (err) {
      if (isStaleWrite(err, 'status.setOptions')) {
        setConflict({ theirs: err.current, mine: options });
        return false;
      }
      const detail = err instanceof Error ? err.message : String(err);
      setMessage(
        err instanceof ApiCallError && err.code === 'CONFLICT'
          ? { kind: 'inUse', statuses: statusesInUse(basis, options, detail), detail }
          : { kind: 'failed', detail },
      );
      return false;
    } finally {
      setSaving(false);
    }
  }, [client]);

  const save = useCallback(async () => {
    const options = cleanDraft(draft);
    if (!options) {
      setMessage({ kind: 'empty' });
      return false;
    }
    return store(options, revision, saved);
  }, [draft, revision, saved, store]);

  const takeTheirs = (theirs: StatusOptionsRecord) => {
    setSaved(theirs.options);
    setRevision(theirs.revision);
    setConflict(null);
  };

  return {
    phase,
    draft,
    saved,
    dirty: !sameOptions(draft, saved),
    saving,
    message,
    conflict,
    keepTheirs: () => {
      if (!conflict) return;
      takeTheirs(conflict.theirs);
      setDraft(conflict.theirs.options);
      setMessage(null);
    },
    overwrite: async () => {
      if (!conflict) return;
      takeTheirs(conflict.theirs);
      await store(conflict.mine, conflict.theirs.revision, conflict.theirs.options);
    },
    editAgain: () => {
      if (!conflict) return;
      takeTheirs(conflict.theirs);
      setDraft(conflict.mine);
    },
    rename: (index, language, text) => edit((d) => renameStatus(d, index, language, text)),
    add: () => edit((d) => addStatus(d, saved)),
    remove: (index) => edit((d) => removeStatus(d, index)),
    move: (index, delta) => edit((d) => moveStatus(d, index, delta)),
    save,
    revert: () => {
      setDraft(saved);
      setMessage(null);
    },
    reload: () => {
      setPhase('loading');
      setAttempt((n) => n + 1);
    },
  };
}
