// The previews the core holds between import.preview and import.commit, in memory only (a
// preview is nothing the reader has saved): keyed by the caller's previewId, at most a few at a
// time, each forgotten after a while. A preview still being read holds the AbortController that
// stops its worker. Committed ids are remembered a while longer, so a second commit of the same
// preview is refused as such instead of as an unknown id.
import type { ImportedDocument } from '../../../../shared/domain/document';

export type PreviewEntry =
  | { state: 'reading'; fileName: string; since: number; controller: AbortController }
  | { state: 'ready'; fileName: string; since: number; document: ImportedDocument };

export interface PreviewLimits {
  /** Previews held at once (reading or ready). */
  maxPreviews: number;
  /** A preview not committed within this many ms is forgotten. */
  ttlMs: number;
}

export const PREVIEW_LIMITS: PreviewLimits = { maxPreviews: 4, ttlMs: 30 * 60_000 };
const MAX_COMMITTED = 100;

export class PreviewStore {
  private readonly entries = new Map<string, PreviewEntry>();
  private readonly committed = new Map<string, { planId: string; since: number }>();

  constructor(
    readonly limits: PreviewLimits,
    readonly now: () => number,
  ) {}

  /** Forgets what has expired; a preview still being read is stopped. */
  sweep(): void {
    const cutoff = this.now() - this.limits.ttlMs;
    for (const [id, entry] of this.entries) {
      if (entry.since < cutoff) this.drop(id);
    }
    for (const [id, c] of this.committed) if (c.since < cutoff) this.committed.delete(id);
  }

  get(id: string): PreviewEntry | undefined {
    return this.entries.get(id);
  }

  committedAs(id: string): string | undefined {
    return this.committed.get(id)?.planId;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The oldest ready preview, the one to forget when room is needed. */
  oldestReady(): string | undefined {
    let oldest: [string, number] | undefined;
    for (const [id, e] of this.entries) if (e.state === 'ready' && (!oldest || e.since < oldest[1])) oldest = [id, e.since];
    return oldest?.[0];
  }

  set(id: string, entry: PreviewEntry): void {
    this.entries.set(id, entry);
  }

  /** Forgets a preview; one still being read is stopped. */
  drop(id: string): void {
    const entry = this.entries.get(id);
    this.entries.delete(id);
    if (entry?.state === 'reading') entry.controller.abort();
  }

  markCommitted(id: string, planId: string): void {
    this.entries.delete(id);
    this.committed.set(id, { planId, since: this.now() });
    while (this.committed.size > MAX_COMMITTED) this.committed.delete(this.committed.keys().next().value!);
  }

  /** Stops every worker still reading (the core is closing). */
  clear(): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
  }
}
