// Comparing two versions of a plan, or two plans (two years' work reports), side by side: the
// items paired row by row, added and removed items marked, and inside each edited pair a
// character-level diff of headline and body that reads well in Chinese.
import type { UiLanguage } from '../common';

/** One stretch of a diff. Shown on the left: equal and delete; on the right: equal and insert. */
export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
  /** The text only changed its width (，↔, ；↔; （↔( ２↔2): a delete and an insert of the
   *  same characters in the other width, shown distinctly from a change of wording. */
  punctuationWidth?: true;
}

export interface CompareItem {
  id: string;
  /** The numbering as printed (第一, （三）). */
  numeral: string;
  headline: string;
  body: string;
  /** The headline of the theme (section) the item is under. */
  theme: string;
}

/** How a pair was made: a succession stored at a version import ('identical', 'heading',
 *  'similar', or the reader's 'manual' assignment), or matching the two texts now. */
export type PairBasis = 'identical' | 'heading' | 'similar' | 'manual';

export type CompareRowKind = 'unchanged' | 'edited' | 'added' | 'removed';

export interface CompareRow {
  kind: CompareRowKind;
  /** The item on the left (older) side; null for an added item. */
  left: CompareItem | null;
  /** The item on the right (newer) side; null for a removed item. */
  right: CompareItem | null;
  /** Paired, and out of the order the other pairs keep. */
  moved: boolean;
  /** Paired, and its numbering changed (a new （三） pushes the rest down). */
  renumbered: boolean;
  /** Diffs of an edited pair; null otherwise (or when that part did not change). */
  headlineDiff: DiffPart[] | null;
  bodyDiff: DiffPart[] | null;
  /** An edited pair whose only changes are punctuation (its width, or a mark added or removed). */
  punctuationOnly: boolean;
  /** 0..1 for a pair; null for an added or removed item. */
  score: number | null;
  basis: PairBasis | null;
}

export interface CompareSide {
  planId: string;
  title: string;
  /** Its number in its lineage of versions (1 for a plan never versioned). */
  version: number;
  itemCount: number;
}

export interface CompareCounts {
  /** Paired rows with no change at all (same text, same place, same numbering). */
  unchanged: number;
  edited: number;
  added: number;
  removed: number;
  moved: number;
  renumbered: number;
  /** Rows that are a change of any kind (what next/previous steps through). */
  changes: number;
}

export interface Comparison {
  left: CompareSide;
  right: CompareSide;
  /** 'lineage': the two are versions of one plan and pairs follow the successions stored at
   *  each version import (and the reader's assignments); 'matching': the texts were matched now. */
  basis: 'lineage' | 'matching';
  counts: CompareCounts;
  /** The right side's order, each removed item after the row of the item before it on the left. */
  rows: CompareRow[];
}

export interface CompareMethods {
  /** Compares two plans (any two, or two versions of one). Reads only. */
  'compare.plans': { args: { leftPlanId: string; rightPlanId: string }; result: Comparison };
  /** The comparison as a file: 'csv', the changed items (UTF-8 with BOM); 'html', a
   *  self-contained printable page. Headers and labels in `language`. */
  'compare.export': {
    args: { leftPlanId: string; rightPlanId: string; format: 'html' | 'csv'; language: UiLanguage };
    result: { fileName: string; content: string };
  };
}

export const COMPARE_METHODS = ['compare.plans', 'compare.export'] as const satisfies readonly (keyof CompareMethods)[];
