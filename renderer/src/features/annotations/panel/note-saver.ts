// What the note editor saves and when, apart from React so its rules can be tested on their own.
//
// - Typing saves itself a short while after the reader stops (DEBOUNCE_MS), never while an input
//   method is composing (pinyin letters are not the reader's text yet): only the text as it was
//   outside a composition is ever sent.
// - "Saved" is said only once the core answered, i.e. after SQLite committed; a save in flight
//   is followed by one more if the reader typed meanwhile. Saves go one after another, each on
//   the revision the one before left.
// - A draft (a note not stored yet) becomes an annotation on its first save, created with the
//   UUID it was given, so a retried create cannot make a second copy.
// - A save refused as stale keeps both texts and waits for the reader to choose; another failure
//   keeps the text and offers a retry. Nothing typed is dropped until the core has it.
import { StaleWriteError } from '../../../api/api-call-error';
import type { Annotation, AnnotationPatch, HighlightColor, NewAnnotation } from '../../../../../shared/api/annotations/methods';

export const DEBOUNCE_MS = 600;

/** The writes whose stale refusal carries the note as stored now. */
const STALE_ON = ['annotation.update', 'annotation.create'] as const;

export interface NoteWrites {
  create(annotation: NewAnnotation): Promise<Annotation>;
  update(args: { id: string; baseRevision: number; patch: AnnotationPatch }): Promise<Annotation>;
}

/** idle: nothing to save; pending: typed, about to be saved; saving: sent; saved: committed. */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error' | 'conflict';

export interface NoteConflict {
  /** The text the reader tried to save. */
  mine: string;
  /** The note as stored now (null: it no longer exists). */
  theirs: Annotation | null;
}

export interface NoteState {
  /** What the text area shows (may include a composition in progress). */
  body: string;
  tags: readonly string[];
  color: HighlightColor | null;
  status: SaveStatus;
  error: string | null;
  conflict: NoteConflict | null;
  /** The stored note (null while it is a draft not saved yet). */
  record: Annotation | null;
}

type Start = { record: Annotation } | { draft: NewAnnotation };

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

export class NoteSaver {
  private record: Annotation | null;
  private draft: NewAnnotation;
  private body: string;
  /** The text as it was the last time no composition was in progress: what a save sends. */
  private stable: string;
  private tags: readonly string[];
  private color: HighlightColor | null;
  /** What the core has stored (the record's values, or the draft's before its first save). */
  private saved: { body: string; tags: readonly string[]; color: HighlightColor | null };
  private composing = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private status: SaveStatus = 'idle';
  private error: string | null = null;
  private conflict: NoteConflict | null = null;
  private snapshot: NoteState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly writes: NoteWrites,
    start: Start,
    private readonly delayMs = DEBOUNCE_MS,
  ) {
    if ('record' in start) {
      this.record = start.record;
      const { id, kind, planId, itemId, target, color, body, tags } = start.record;
      this.draft = { id, kind, planId, itemId, target, color, body, tags };
    } else {
      this.record = null;
      this.draft = start.draft;
    }
    const from = this.record ?? this.draft;
    this.body = this.stable = from.body;
    this.tags = from.tags;
    this.color = from.color;
    this.saved = this.record ? { body: from.body, tags: from.tags, color: from.color } : { body: '', tags: [], color: from.color };
    this.snapshot = this.makeSnapshot();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): NoteState => this.snapshot;

  /** The reader typed (or an input method updated its composition). */
  type(body: string): void {
    this.body = body;
    if (!this.composing) {
      this.stable = body;
      this.schedule();
    }
    this.notify();
  }

  compositionStart(): void {
    this.composing = true;
    this.clearTimer();
  }

  /** The input method committed: its text is the reader's now. */
  compositionEnd(body: string): void {
    this.composing = false;
    this.type(body);
  }

  setTags(tags: readonly string[]): void {
    this.tags = tags;
    this.notify();
    void this.flush();
  }

  setColor(color: HighlightColor): void {
    this.color = color;
    this.notify();
    void this.flush();
  }

  /** Whether something the reader did is not committed yet. */
  hasUnsaved(): boolean {
    return this.inFlight !== null || this.status === 'conflict' || this.status === 'error' || this.changes() !== null;
  }

  /** Saves now whatever waits (the editor closes, the page goes away). Resolves when committed or refused. */
  flush(): Promise<void> {
    this.clearTimer();
    return this.save();
  }

  /** Sends again what failed. */
  retry(): Promise<void> {
    if (this.status !== 'error') return Promise.resolve();
    this.status = 'pending';
    this.error = null;
    this.notify();
    return this.save();
  }

  /** Conflict: the stored text stays; the editor shows it. */
  keepTheirs(): void {
    const conflict = this.takeConflict();
    if (!conflict) return;
    if (conflict.theirs) this.adopt(conflict.theirs, true);
    this.status = conflict.theirs ? 'saved' : 'idle';
    this.notify();
  }

  /** Conflict: mine is saved over theirs (on their revision; yet another change is a conflict again). */
  overwrite(): Promise<void> {
    return this.resolveWith((mine) => mine);
  }

  /** Conflict: theirs, then mine below it, both kept in one note. */
  keepBoth(): Promise<void> {
    return this.resolveWith((mine, theirs) => (theirs && theirs.trim() !== '' ? `${theirs.trimEnd()}\n\n${mine}` : mine));
  }

  /** Conflict: back to editing mine, now on top of theirs (saved with the next pause in typing). */
  editAgain(): void {
    const conflict = this.takeConflict();
    if (!conflict) return;
    this.rebase(conflict.theirs);
    this.status = 'pending';
    this.schedule();
    this.notify();
  }

  dispose(): void {
    this.clearTimer();
    this.listeners.clear();
  }

  private resolveWith(merge: (mine: string, theirs: string | null) => string): Promise<void> {
    const conflict = this.takeConflict();
    if (!conflict) return Promise.resolve();
    this.rebase(conflict.theirs);
    this.body = this.stable = merge(conflict.mine, conflict.theirs?.body ?? null);
    this.status = 'pending';
    this.notify();
    return this.save();
  }

  /** Continues on top of the stored note; if it is gone for good, mine is saved as a new note. */
  private rebase(theirs: Annotation | null): void {
    if (theirs) {
      this.adopt(theirs, false);
    } else {
      this.record = null;
      this.draft = { ...this.draft, id: crypto.randomUUID() };
      this.saved = { body: '', tags: [], color: this.draft.color };
    }
  }

  private adopt(record: Annotation, showIt: boolean): void {
    this.record = record;
    this.saved = { body: record.body, tags: record.tags, color: record.color };
    if (showIt) {
      this.body = this.stable = record.body;
      this.tags = record.tags;
      this.color = record.color;
    }
  }

  private takeConflict(): NoteConflict | null {
    const conflict = this.conflict;
    this.conflict = null;
    return conflict;
  }

  private changes(): AnnotationPatch | null {
    const patch: AnnotationPatch = {};
    if (this.stable !== this.saved.body) patch.body = this.stable;
    if (!sameTags(this.tags, this.saved.tags)) patch.tags = [...this.tags];
    if (this.color !== this.saved.color && this.color !== null) patch.color = this.color;
    return Object.keys(patch).length > 0 ? patch : null;
  }

  private schedule(): void {
    this.clearTimer();
    if (this.changes() !== null && this.status !== 'conflict') {
      if (this.status !== 'saving') this.status = 'pending';
      this.timer = setTimeout(() => {
        this.timer = null;
        void this.save();
      }, this.delayMs);
    }
  }

  private save(): Promise<void> {
    // One save at a time: the next one goes on the revision this one leaves.
    if (this.inFlight) return this.inFlight.then(() => this.save());
    if (this.status === 'conflict' || this.status === 'error') return Promise.resolve();
    const patch = this.changes();
    if (!patch) return Promise.resolve();
    // A draft nobody wrote anything in stays a draft: an empty note is not worth storing.
    if (!this.record && this.draft.kind === 'note' && this.stable.trim() === '' && this.tags.length === 0) return Promise.resolve();
    const sent = { body: this.stable, tags: this.tags, color: this.color };
    const request = this.record
      ? this.writes.update({ id: this.record.id, baseRevision: this.record.revision, patch })
      : this.writes.create({ ...this.draft, body: sent.body, tags: [...sent.tags], color: sent.color });
    this.status = 'saving';
    this.error = null;
    this.notify();
    const done = request.then(
      (record) => {
        this.inFlight = null;
        this.record = record;
        this.saved = { body: record.body, tags: record.tags, color: record.color };
        // Typed meanwhile: that is saved next, and only then is the note "saved".
        if (this.changes() !== null) {
          this.status = 'pending';
          if (this.timer === null && !this.composing) this.schedule();
        } else {
          this.status = 'saved';
        }
        this.notify();
      },
      (err: unknown) => {
        this.inFlight = null;
        if (err instanceof StaleWriteError && (STALE_ON as readonly string[]).includes(err.method)) {
          this.status = 'conflict';
          this.conflict = { mine: sent.body, theirs: (err.current ?? null) as Annotation | null };
          this.error = err.message;
        } else {
          this.status = 'error';
          this.error = err instanceof Error ? err.message : String(err);
        }
        this.notify();
      },
    );
    this.inFlight = done;
    return done;
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private makeSnapshot(): NoteState {
    return {
      body: this.body,
      tags: this.tags,
      color: this.color,
      status: this.status,
      error: this.error,
      conflict: this.conflict,
      record: this.record,
    };
  }

  private notify(): void {
    this.snapshot = this.makeSnapshot();
    for (const listener of this.listeners) listener();
  }
}
