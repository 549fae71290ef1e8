// The packet being built, kept for the page's life outside the view, so switching to the table
// to pick rows (or to any other view) and back loses nothing. The table's "Add to packet…"
// puts its selected rows here as a source; the builder picks it up when shown.
import type { Packet, PacketDefinition, PacketSource } from '../../../../shared/api/packets/methods';

export interface Draft {
  /** The saved packet this draft edits (null: a new packet). */
  saved: Packet | null;
  definition: PacketDefinition;
}

export function newDefinition(title: string): PacketDefinition {
  return {
    cover: { title, subtitle: '', preparedFor: '', preparedBy: '', date: null, marking: '' },
    sources: [],
    order: [],
    excluded: [],
    options: {
      language: 'zh',
      highlights: true,
      notes: 'margin',
      fields: true,
      summary: true,
      ruledSpace: 'none',
      paper: 'A4',
      orientation: 'portrait',
    },
  };
}

let current: Draft | null = null;
const listeners = new Set<() => void>();

export const draftStore = {
  get: (): Draft | null => current,
  set(next: Draft | null): void {
    current = next;
    for (const listener of listeners) listener();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Whether the draft differs from what is saved (a new packet counts once it has content). */
export function isDirty(draft: Draft): boolean {
  if (!draft.saved) return draft.definition.sources.length > 0;
  return JSON.stringify(draft.definition) !== JSON.stringify(draft.saved.definition);
}

/**
 * Adds hand-picked items (the table's selection) to the packet being built, or starts a new
 * one with them; items already picked by hand are not added twice. Picking a left-out item
 * again brings it back: the reader asked for it, so it comes off the left-out list.
 */
export function addItemsToDraft(itemIds: readonly string[], untitled: string): void {
  const draft = current ?? { saved: null, definition: newDefinition(untitled) };
  const sources = [...draft.definition.sources];
  const picked = sources.findIndex((s) => s.kind === 'items');
  if (picked >= 0) {
    const existing = sources[picked] as Extract<PacketSource, { kind: 'items' }>;
    const seen = new Set(existing.itemIds);
    sources[picked] = { kind: 'items', itemIds: [...existing.itemIds, ...itemIds.filter((id) => !seen.has(id))] };
  } else if (itemIds.length > 0) sources.push({ kind: 'items', itemIds: [...new Set(itemIds)] });
  const asked = new Set(itemIds);
  const excluded = (draft.definition.excluded ?? []).filter((id) => !asked.has(id));
  draftStore.set({ ...draft, definition: { ...draft.definition, sources, excluded } });
}
