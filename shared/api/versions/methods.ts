// Versions of a plan: a revised text imported as a new version of a plan (import.preview and
// import.commit with `versionOf`), the reader's values following their item to the new version
// by the text, and the items that could not be matched listed for the reader to assign or leave.
// Each version is a plan of its own with its own ids; earlier versions stay readable.

/** An item as the change summary and the unmatched list name it. */
export interface VersionItem {
  id: string;
  /** The numbering as printed (第一, （三）). */
  numeral: string;
  headline: string;
}

export type SuccessionHow = 'identical' | 'heading' | 'similar' | 'manual';

/** An item of the older version and the item of the new one it became. */
export interface VersionPair {
  from: VersionItem;
  to: VersionItem;
  /** 0..1; 1 for identical text. */
  score: number;
  how: Exclude<SuccessionHow, 'manual'>;
  renumbered: boolean;
  moved: boolean;
  headingEdited: boolean;
  bodyEdited: boolean;
}

/** What a new version changes against the version it revises, before anything is written. */
export interface VersionChanges {
  versionOf: { planId: string; title: string; version: number };
  counts: {
    unchanged: number;
    edited: number;
    moved: number;
    renumbered: number;
    added: number;
    removed: number;
    ambiguous: number;
    /** Items of the older version carrying the reader's values that will stay unmatched. */
    unmatchedWithValues: number;
  };
  /** Matched items that changed (edited, moved or renumbered), in the new version's order. */
  changed: VersionPair[];
  /** Items of the new version with no predecessor. */
  added: VersionItem[];
  /** Items of the older version with no successor (their values stay on them, listed).
   *  `values`: the reader's fields, tags, notes and highlights on each. */
  removed: (VersionItem & { values: number })[];
  /** Items of the new version with two candidates too close to call; left to the reader. */
  ambiguous: { item: VersionItem; candidates: (VersionItem & { score: number })[] }[];
}

/** What a version import did, in the transaction that stored it. */
export interface VersionImportResult {
  lineageId: string;
  version: number;
  /** Matched items (successions written). */
  matched: number;
  /** Items whose reader values (fields, status, tags) moved to their new item. */
  valuesMoved: number;
  /** Items of the older version left unmatched (values, if any, stay on them). */
  unmatched: number;
  /** What re-anchoring did with the highlights of the matched items (their notes move too). */
  annotations: { anchored: number; relocated: number; ambiguous: number; orphaned: number };
  /** Saved views of the table whose plan or theme filters now name the new version (revision + 1). */
  views: number;
}

export interface PlanVersion {
  planId: string;
  version: number;
  title: string;
  importedAt: string;
  fileName: string | null;
  /** The newest version of the lineage not in the trash. */
  current: boolean;
  trashed: boolean;
  itemCount: number;
  /** Items of the version before this one left unmatched at this version's import. */
  unmatched: number;
}

/** The reader's values on an item (what version.assign moves). */
export interface ItemValues {
  status: string | null;
  priority: 'high' | 'medium' | 'low' | null;
  leadUnit: string | null;
  responsibleUnits: string | null;
  deadline: string | null;
  progressNote: string | null;
  tags: string[];
  /** Revision of the item's record (0: none). */
  revision: number;
}

export interface UnmatchedItem extends VersionItem {
  /** The version it was left unmatched at. */
  planId: string;
  values: ItemValues;
  /** The reader's live notes and highlights on it (they stay on it too). */
  annotations: number;
  /** Candidates in the new version when the match was too close to call. */
  candidates: (VersionItem & { score: number })[];
  /** The reader chose to leave it unmatched (version.assign with toItemId null). */
  left: boolean;
}

export interface VersionMethods {
  /** Every version of the lineage `planId` belongs to, oldest first. */
  'version.list': { args: { planId: string }; result: PlanVersion[] };
  /** The items of the version before `planId` that were left unmatched when `planId` was
   *  imported, with the reader's values on them; and the new version's items with no predecessor
   *  (where such a value may belong). */
  'version.unmatched': { args: { planId: string }; result: { items: UnmatchedItem[]; unclaimed: VersionItem[] } };
  /** The reader assigns an unmatched item to an item of a later version (its values move there,
   *  revision + 1), or (toItemId null) leaves it unmatched. Names the revision of the item's
   *  record it was decided on; a stale one is a CONFLICT. */
  'version.assign': {
    args: { fromItemId: string; toItemId: string | null; baseRevision: number };
    /** The values where they are now: on toItemId, or (left) still on fromItemId. */
    result: { fromItemId: string; toItemId: string | null; values: ItemValues };
    conflict: ItemValues;
  };
}

export const VERSION_METHODS = ['version.list', 'version.unmatched', 'version.assign'] as const satisfies readonly (keyof VersionMethods)[];
