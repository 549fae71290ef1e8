// How an annotation in an imported file meets the one with its id here (README.md, "Import").
import type { Annotation } from '../../../../shared/api/annotations/methods';

export type MergeDecision = 'add' | 'update' | 'unchanged' | 'keptLocal';

/** The same annotation in the same place: kind, plan and item never change for an id. */
export function sameIdentity(local: Annotation, incoming: Annotation): boolean {
  return local.kind === incoming.kind && local.planId === incoming.planId && local.itemId === incoming.itemId;
}

/** A target as one string, its keys in one order. */
function targetKey(a: Annotation): string {
  if (!a.target) return '';
  const { itemId, part, language, selectors: s } = a.target;
  return JSON.stringify([itemId, part, language, s.quote.exact, s.quote.prefix, s.quote.suffix, s.position.start, s.position.end]);
}

/** Everything the reader (or a re-anchoring) can change, compared. */
export function sameState(a: Annotation, b: Annotation): boolean {
  return (
    a.body === b.body &&
    a.color === b.color &&
    a.deletedAt === b.deletedAt &&
    a.tags.length === b.tags.length &&
    a.tags.every((t, i) => t === b.tags[i]) &&
    targetKey(a) === targetKey(b) &&
    (a.anchor?.status ?? null) === (b.anchor?.status ?? null) &&
    (a.anchor?.previousQuote ?? null) === (b.anchor?.previousQuote ?? null)
  );
}

/** Which state is newer: the higher revision, then the later modification; a tie is local's. */
function fileIsNewer(local: Annotation, incoming: Annotation): boolean {
  if (incoming.revision !== local.revision) return incoming.revision > local.revision;
  return Date.parse(incoming.modifiedAt) > Date.parse(local.modifiedAt);
}

export function decideMerge(local: Annotation | null, incoming: Annotation): MergeDecision {
  if (!local) return 'add';
  if (sameState(local, incoming)) return 'unchanged';
  return fileIsNewer(local, incoming) ? 'update' : 'keptLocal';
}
