// The reader's annotations: highlights anchored to a passage of an item's text, and Markdown
// notes on a highlight, an item or a whole plan. Every annotation carries a revision; a write
// names the revision it was made on and a stale one is refused with the record as stored now.
// Deleting moves an annotation to the trash (deletedAt set); only emptying the trash removes it.
import type { AnchorStatus, TextSelectors } from '../../domain/anchoring';
import type { NoArgs } from '../common';

export type AnnotationKind = 'highlight' | 'note';

/** The part of an item a highlight's selectors are counted in. */
export type AnnotatedPart = 'headline' | 'body';

/** The text a highlight was made in: the Chinese original or its English rendering. */
export type AnnotatedLanguage = 'zh' | 'en';

/** The highlight colours; the reader names what each one means (e.g. 重点 / question / action). */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/**
 * Where a highlight sits: a passage of one part of one item, in one language, described by W3C
 * Web Annotation selectors against that part's canonical text (offsets in code points). The
 * canonical text of a part is, for zh, the item's `headline` or `body` as stored; for en, the
 * translation's headline, or its body sentences joined with one space.
 */
export interface AnnotationTarget {
  itemId: string;
  part: AnnotatedPart;
  language: AnnotatedLanguage;
  selectors: TextSelectors;
}

/** How a highlight's passage was found in the current text of its item. */
export interface AnnotationAnchor {
  status: AnchorStatus;
  /** For `relocated`: the quote as it was when the reader made the highlight. */
  previousQuote?: string;
}

export interface Annotation {
  /** A UUID, kept across export and import. */
  id: string;
  kind: AnnotationKind;
  planId: string;
  /** null: a note on the plan as a whole. */
  itemId: string | null;
  /** Highlights only (null for notes). */
  target: AnnotationTarget | null;
  /** Highlights only (null for notes). */
  anchor: AnnotationAnchor | null;
  /** Highlights only (null for notes). */
  color: HighlightColor | null;
  /** Markdown; '' for a highlight without a note. */
  body: string;
  /** Normalised like the item tags (NFC, trimmed, no zero-width characters). */
  tags: string[];
  createdAt: string;
  modifiedAt: string;
  revision: number;
  /** Set while the annotation is in the trash. */
  deletedAt: string | null;
}

/** An annotation with what a list needs to name where it is. */
export interface AnnotationEntry extends Annotation {
  planTitle: string;
  /** null for a plan note. */
  itemNumeral: string | null;
  itemHeadline: string | null;
}

/** One saved state of an annotation, newest first in a history. */
export interface AnnotationRevision {
  revision: number;
  body: string;
  color: HighlightColor | null;
  tags: string[];
  savedAt: string;
  /** What made this state: the reader's edit, a restore of an earlier state, an import, a re-anchoring. */
  reason: 'edit' | 'restore' | 'import' | 'reanchor' | 'tag-rename' | 'trash' | 'untrash';
}

export type AnnotationSort = 'text' | 'modified' | 'created';

export interface AnnotationQuery {
  planId?: string;
  itemId?: string;
  kind?: AnnotationKind;
  color?: HighlightColor;
  tag?: string;
  anchor?: AnchorStatus;
  /** true: only the trash; false or absent: only annotations not in the trash. */
  trashed?: boolean;
  /** 'text': plan, then item reading order, then position in the text (the panel's order). */
  sort?: AnnotationSort;
  /** At most 500 (default 200). */
  limit?: number;
  offset?: number;
}

export interface AnnotationPage {
  entries: AnnotationEntry[];
  /** How many match the query in all. */
  total: number;
}

export interface NewAnnotation {
  /** A UUID the renderer made, so a retried create cannot make a second copy. */
  id: string;
  kind: AnnotationKind;
  planId: string;
  itemId: string | null;
  target: AnnotationTarget | null;
  color: HighlightColor | null;
  body: string;
  tags: string[];
}

export interface AnnotationPatch {
  body?: string;
  color?: HighlightColor;
  tags?: string[];
}

/** The names the reader gave the colours (absent: the colour is unnamed). */
export type ColorNames = Partial<Record<HighlightColor, string>>;

export interface AnnotationMethods {
  'annotation.list': { args: AnnotationQuery; result: AnnotationPage };
  'annotation.get': { args: { id: string }; result: Annotation };
  /** Creating an id that exists with the same content returns it unchanged (a retried save). */
  'annotation.create': { args: NewAnnotation; result: Annotation; conflict: Annotation | null };
  'annotation.update': {
    args: { id: string; baseRevision: number; patch: AnnotationPatch };
    result: Annotation;
    /** null: the annotation was removed from the trash meanwhile. */
    conflict: Annotation | null;
  };
  /** Moves to the trash. */
  'annotation.delete': { args: { id: string; baseRevision: number }; result: Annotation; conflict: Annotation | null };
  /** Takes out of the trash. */
  'annotation.restore': { args: { id: string; baseRevision: number }; result: Annotation; conflict: Annotation | null };
  /** Removes every annotation in the trash for good. */
  'annotation.emptyTrash': { args: NoArgs; result: { removed: number } };
  /** Every saved state, newest first. */
  'annotation.history': { args: { id: string }; result: AnnotationRevision[] };
  /** Makes an earlier state the current one (a new revision; nothing in the history is lost). */
  'annotation.restoreRevision': {
    args: { id: string; baseRevision: number; revision: number };
    result: Annotation;
    conflict: Annotation | null;
  };
  'annotation.colorNames': { args: NoArgs; result: ColorNames };
  'annotation.setColorNames': { args: { names: ColorNames }; result: ColorNames };
  /** Renames a tag on every item and annotation; renaming onto an existing tag merges the two. */
  'tags.rename': { args: { from: string; to: string }; result: { items: number; annotations: number } };
}

export const ANNOTATION_METHODS = [
  'annotation.list',
  'annotation.get',
  'annotation.create',
  'annotation.update',
  'annotation.delete',
  'annotation.restore',
  'annotation.emptyTrash',
  'annotation.history',
  'annotation.restoreRevision',
  'annotation.colorNames',
  'annotation.setColorNames',
  'tags.rename',
] as const satisfies readonly (keyof AnnotationMethods)[];
