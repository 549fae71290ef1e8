// The status list of the preferences dialog: loaded from the core when the dialog opens,
// edited as a draft, saved in one status.setOptions call. A save the core refuses keeps the
// draft, so the reader can fix it or undo their changes.
import { useCallback, useEffect, useState } from 'react';
import type { StatusOption } from '../../../../shared/domain/table';
import { ApiCallError } from '../../api/api-call-error';
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
  rename(index: number, language: LabelLanguage, text: string): void;
  add(): void;
  remove(index: number): void;
  move(index: number, delta: -1 | 1): void;
  /** Resolves true once the core stored the draft (false: refused, the message says why). */
  save(): Promise<boolean>;
  revert(): void;
  reload(): void;
}

export function useStatusOptions(client: ApiClient): StatusEditor {
  const [phase, setPhase] = useState<StatusEditor['phase']>('loading');
  const [saved, setSaved] = useState<StatusOption[]>([]);
  const [draft, setDraft] = useState<StatusOption[]>([]);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<StatusMessage | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    client.call('status.options', {}).then(
      (options) => {
        if (cancelled) return;
        setSaved(options);
        setDraft(options);
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

  const save = useCallback(async () => {
    const options = cleanDraft(draft);
    if (!options) {
      setMessage({ kind: 'empty' });
      return false;
    }
    setSaving(true);
    try {
      const stored = await client.call('status.setOptions', { options });
      setSaved(stored);
      setDraft(stored);
      setMessage({ kind: 'saved' });
      return true;
    } catch (err) {
      const detail = err instanceof Error ? err.message : String(err);
      setMessage(
        err instanceof ApiCallError && err.code === 'CONFLICT'
          ? { kind: 'inUse', statuses: statusesInUse(saved, draft, detail), detail }
          : { kind: 'failed', detail },
      );
      return false;
    } finally {
      setSaving(false);
    }
  }, [client, draft, saved]);

  return {
    phase,
    draft,
    saved,
    dirty: !sameOptions(draft, saved),
    saving,
    message,
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
