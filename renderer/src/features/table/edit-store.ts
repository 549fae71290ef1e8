// The reader's in-place edits, per initiative and field, kept above the virtualized rows: a
// row that scrolls out of view and back (or re-renders with fresh data) still shows what was
// typed, the save in flight, or the failed save with its message. Nothing typed is dropped
// until the core has stored it.
//
// Each save names the revision of the row it was made on. Saves of one initiative go one after
// another, each on the revision the one before it left, so the reader's own quick edits never
// collide; a save refused as stale (another window or process stored a change first) becomes a
// conflict the reader resolves (features/conflicts): keep theirs, overwrite with mine, or edit.
import { isStaleWrite } from '../../api/api-call-error';
import type { InitiativeFields, InitiativeRow } from '../../../../shared/domain/table';

export type EditableField = keyof InitiativeFields;
export type FieldValue<F extends EditableField = EditableField> = InitiativeFields[F];

/** editing: typed, not committed; saving: sent; saved: stored (shown briefly); error: not
 *  stored; conflict: not stored because the row changed elsewhere (the reader chooses). */
export type EditPhase = 'editing' | 'saving' | 'saved' | 'error' | 'conflict';

export interface EditState {
  value: FieldValue;
  phase: EditPhase;
  error?: string;
}

export interface SaveFailure {
  initiativeId: string;
  shortId: string;
  field: EditableField;
  message: string;
}

/** An edit refused as stale: the reader's value and the row as stored now. */
export interface EditConflict {
  key: string;
  field: EditableField;
  mine: FieldValue;
  current: InitiativeRow;
}

export type SaveRow = (initiativeId: string, baseRevision: number, patch: Partial<InitiativeFields>) => Promise<InitiativeRow>;

const SAVED_SHOWN_MS = 1800;

export const editKey = (initiativeId: string, field: EditableField): string => `${initiativeId}\u0000${field}`;

export function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return (a ?? null) === (b ?? null);
}

export class EditStore {
  private readonly edits = new Map<string, EditState>();
  private readonly listeners = new Set<() => void>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Newest revision the core answered with, per initiative. */
  private readonly revisions = new Map<string, number>();
  /** The save in flight per initiative: the next one waits for it. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly conflictList: EditConflict[] = [];
  /** The newest failure, for the table's alert line. */
  lastFailure: SaveFailure | null = null;
  version = 0;

  private onSaved: (row: InitiativeRow) => void = () => undefined;

  constructor(private readonly save: SaveRow) {}

  /** What to do with each row the core stored (the table shows it and refreshes the view). */
  setOnSaved(onSaved: (row: InitiativeRow) => void): void {
    this.onSaved = onSaved;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getVersion = (): number => this.version;

  get(initiativeId: string, field: EditableField): EditState | undefined {
    return this.edits.get(editKey(initiativeId, field));
  }

  /** Keeps what the reader is typing (not saved yet). */
  change(initiativeId: string, field: EditableField, value: FieldValue): void {
    const key = editKey(initiativeId, field);
    this.clearTimer(key);
    this.edits.set(key, { value, phase: 'editing' });
    this.notify();
  }

  /** Drops an uncommitted edit (Escape): the cell shows the stored value again. */
  cancel(initiativeId: string, field: EditableField): void {
    const key = editKey(initiativeId, field);
    const edit = this.edits.get(key);
    if (!edit || edit.phase === 'saving') return;
    this.edits.delete(key);
    if (this.lastFailure?.initiativeId === initiativeId && this.lastFailure.field === field) this.lastFailure = null;
    this.notify();
  }

  /**
   * Saves `value` unless it equals what is stored; the edit stays until the core answers.
   * A value already sent (or already refused) is not sent again unless `retry` (a blur after
   * Enter must not save twice; Enter on a failed edit tries again).
   */
  async commit(row: InitiativeRow, field: EditableField, value: FieldValue, retry = false): Promise<void> {
    const key = editKey(row.id, field);
    const existing = this.edits.get(key);
    if (existing && existing.phase !== 'editing' && sameValue(existing.value, value)) {
      if (existing.phase === 'saving' || existing.phase === 'saved' || !retry) return;
    }
    this.clearTimer(key);
    // Back to the stored value: nothing to save, unless an earlier save is still on its way.
    if (sameValue(value, row[field]) && existing?.phase !== 'saving') {
      this.edits.delete(key);
      this.notify();
      return;
    }
    const edit: EditState = { value, phase: 'saving' };
    this.edits.set(key, edit);
    this.dropConflict(key);
    this.notify();
    const send = () => this.save(row.id, Math.max(row.revision, this.revisions.get(row.id) ?? 0), { [field]: value });
    const previous = this.queues.get(row.id);
    // Sent at once when nothing of this initiative is on its way; else right after it.
    const sending = previous ? previous.catch(() => undefined).then(send) : send();
    this.queues.set(row.id, sending);
    void sending.then(
      () => this.settle(row.id, sending),
      () => this.settle(row.id, sending),
    );
    try {
      const saved = await sending;
      this.known(saved);
      // A newer edit of the same field replaced this one meanwhile: leave it alone.
      if (this.edits.get(key) !== edit) {
        this.onSaved(saved);
        return;
      }
      this.edits.set(key, { value: saved[field], phase: 'saved' });
      if (this.lastFailure?.initiativeId === row.id && this.lastFailure.field === field) this.lastFailure = null;
      this.onSaved(saved);
      this.timers.set(
        key,
        setTimeout(() => {
          this.timers.delete(key);
          if (this.edits.get(key)?.phase === 'saved') {
            this.edits.delete(key);
            this.notify();
          }
        }, SAVED_SHOWN_MS),
      );
      this.notify();
    } catch (err) {
      if (this.edits.get(key) !== edit) return;
      if (isStaleWrite(err, 'initiative.update')) {
        // The revision is not taken over here: a save queued behind this one was made without
        // seeing theirs either, and must meet the same refusal.
        this.edits.set(key, { value, phase: 'conflict', error: err.message });
        this.conflictList.push({ key, field, mine: value, current: err.current });
        this.notify();
        return;
      }
      const message = err instanceof Error ? err.message : String(err);
      this.edits.set(key, { value, phase: 'error', error: message });
      this.lastFailure = { initiativeId: row.id, shortId: row.shortId, field, message };
      this.notify();
    }
  }

  /** Edits refused as stale, oldest first, until the reader resolves them. */
  conflicts(): readonly EditConflict[] {
    return this.conflictList;
  }

  /** Theirs stays: the edit is dropped and the row shows what is stored. */
  keepTheirs(conflict: EditConflict): void {
    this.dropConflict(conflict.key);
    this.edits.delete(conflict.key);
    this.known(conflict.current);
    this.onSaved(conflict.current);
    this.notify();
  }

  /** Mine is saved again, this time on the revision that was current at the conflict (another
   *  change since then is again a conflict). */
  overwrite(conflict: EditConflict): Promise<void> {
    this.dropConflict(conflict.key);
    this.known(conflict.current);
    this.onSaved(conflict.current);
    return this.commit(conflict.current, conflict.field, conflict.mine, true);
  }

  /** Back to editing mine, now on top of theirs: the row shows what is stored, the cell what I typed. */
  editAgain(conflict: EditConflict): void {
    this.dropConflict(conflict.key);
    this.edits.set(conflict.key, { value: conflict.mine, phase: 'editing' });
    this.known(conflict.current);
    this.onSaved(conflict.current);
    this.notify();
  }

  dismissFailure(): void {
    this.lastFailure = null;
    this.notify();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }

  private settle(initiativeId: string, done: Promise<unknown>): void {
    if (this.queues.get(initiativeId) === done) this.queues.delete(initiativeId);
  }

  private known(row: InitiativeRow): void {
    this.revisions.set(row.id, Math.max(row.revision, this.revisions.get(row.id) ?? 0));
  }

  private dropConflict(key: string): void {
    const at = this.conflictList.findIndex((c) => c.key === key);
    if (at >= 0) this.conflictList.splice(at, 1);
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  private notify(): void {
    this.version++;
    for (const listener of this.listeners) listener();
  }
}
