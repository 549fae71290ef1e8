// The library's state and its writes, in one hook the view renders from. Every write names the
// revision of the entry it was made on; a stale one comes back as a conflict the reader
// resolves in the conflict dialog (keep theirs, overwrite with mine on the stored revision, or
// go back to editing), and nothing changes until they choose. After a write that changes which
// plans are in the library (trash, restore, delete) the app is told, so its current plan
// follows. The lists come through the query cache (['library', 'entries']); every write (and an
// import, which `version` counts) invalidates the plans, the library, the table and the
// dashboard.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import { StaleWriteError } from '../../api/api-call-error';
import type { ApiClient } from '../../api/client';
import { afterLibraryChange } from '../../api/invalidate';

export type WriteKind = 'rename' | 'tags' | 'trash' | 'restore' | 'purge';

/** A write the core refused as stale, waiting for the reader's choice. */
export interface LibraryConflict {
  kind: WriteKind;
  /** The entry as the reader saw it when writing. */
  mine: LibraryEntry;
  /** The entry as stored now. */
  theirs: LibraryEntry;
  /** What the reader asked for: the new title or tags (for rename and tags). */
  patch: { title?: string | null; tags?: string[] };
}

export type LibraryLoad = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: unknown };

export interface Library {
  load: LibraryLoad;
  plans: LibraryEntry[];
  trash: LibraryEntry[];
  /** Plan ids with a write in flight. */
  busy: ReadonlySet<string>;
  /** The last write that failed for another reason than a conflict, by plan. */
  failures: ReadonlyMap<string, string>;
  conflict: LibraryConflict | null;
  /** A rename the reader chose to go back to after a conflict: the row reopens its editor with it. */
  reopen: { planId: string; title: string | null } | null;
  reload(): void;
  rename(entry: LibraryEntry, title: string | null): Promise<void>;
  setTags(entry: LibraryEntry, tags: string[]): Promise<void>;
  moveToTrash(entry: LibraryEntry): Promise<void>;
  restore(entry: LibraryEntry): Promise<void>;
  purge(entry: LibraryEntry): Promise<void>;
  keepTheirs(): void;
  overwrite(): Promise<void>;
  editAgain(): void;
  reopened(): void;
}

/** The entry as stored now, when a write was refused as stale (null: not a stale write, or the plan is gone). */
function conflictOf(err: unknown): LibraryEntry | null {
  return err instanceof StaleWriteError && err.method.startsWith('library.') ? ((err.current as LibraryEntry | null) ?? null) : null;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

const NONE: LibraryEntry[] = [];

export function useLibrary(client: ApiClient, onPlansChanged: () => void, version = 0): Library {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failures, setFailures] = useState<ReadonlyMap<string, string>>(new Map());
  const [conflict, setConflict] = useState<LibraryConflict | null>(null);
  const [reopen, setReopen] = useState<Library['reopen']>(null);
  const changed = useRef(onPlansChanged);
  useEffect(() => {
    changed.current = onPlansChanged;
  });

  const entries = useQuery({
    queryKey: ['library', 'entries'],
    queryFn: async () => {
      const [active, trashed] = await Promise.all([client.call('library.list', {}), client.call('library.list', { trash: true })]);
      return { active, trashed };
    },
  });
  const load: LibraryLoad = entries.data
    ? { status: 'ready' }
    : entries.error && !entries.isFetching
      ? { status: 'error', error: entries.error }
      : { status: 'loading' };

  // A plan imported (the Shell counts them): everything that lists plans is stale.
  const seenVersion = useRef(version);
  useEffect(() => {
    if (seenVersion.current === version) return;
    seenVersion.current = version;
    void afterLibraryChange(queryClient);
  }, [queryClient, version]);

  const refresh = useCallback(() => afterLibraryChange(queryClient), [queryClient]);
  const { refetch } = entries;
  const reload = useCallback(() => void refetch(), [refetch]);

  const mark = (planId: string, on: boolean) =>
    setBusy((prev) => {
      const next = new Set(prev);
      if (on) next.add(planId);
      else next.delete(planId);
      return next;
    });
  const fail = (planId: string, message: string | null) =>
    setFailures((prev) => {
      const next = new Map(prev);
      if (message === null) next.delete(planId);
      else next.set(planId, message);
      return next;
    });

  /** Runs one write on `entry` at `baseRevision`; a stale one becomes the pending conflict. */
  const write = async (
    kind: WriteKind,
    entry: LibraryEntry,
    baseRevision: number,
    patch: LibraryConflict['patch'],
  ): Promise<void> => {
    const planId = entry.id;
    mark(planId, true);
    fail(planId, null);
    try {
      if (kind === 'rename' || kind === 'tags') await client.call('library.update', { planId, baseRevision, patch });
      else if (kind === 'trash')
        await client.call('library.trash', { planId, baseRevision, ...(entry.readerValues > 0 ? { confirm: true } : {}) });
      else if (kind === 'restore') await client.call('library.restore', { planId, baseRevision });
      else await client.call('library.purge', { planId, baseRevision });
      await refresh();
      if (kind === 'trash' || kind === 'restore' || kind === 'purge') changed.current();
    } catch (err) {
      const theirs = conflictOf(err);
      if (theirs) setConflict({ kind, mine: entry, theirs, patch });
      else fail(planId, messageOf(err));
    } finally {
      mark(planId, false);
    }
  };

  const resolve = () => {
    setConflict(null);
    void refresh();
  };

  return {
    load,
    plans: entries.data?.active ?? NONE,
    trash: entries.data?.trashed ?? NONE,
    busy,
    failures,
    conflict,
    reopen,
    reload,
    rename: (entry, title) => write('rename', entry, entry.revision, { title }),
    setTags: (entry, tags) => write('tags', entry, entry.revision, { tags }),
    moveToTrash: (entry) => write('trash', entry, entry.revision, {}),
    restore: (entry) => write('restore', entry, entry.revision, {}),
    purge: (entry) => write('purge', entry, entry.revision, {}),
    keepTheirs: resolve,
    overwrite: async () => {
      if (!conflict) return;
      setConflict(null);
      // Mine again, now on the revision the dialog showed as stored.
      await write(conflict.kind, { ...conflict.mine, revision: conflict.theirs.revision }, conflict.theirs.revision, conflict.patch);
    },
    editAgain: () => {
      if (conflict?.kind === 'rename') setReopen({ planId: conflict.mine.id, title: conflict.patch.title ?? null });
      resolve();
    },
    reopened: () => setReopen(null),
  };
}
