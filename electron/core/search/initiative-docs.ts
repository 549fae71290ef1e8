// What the search index holds about initiatives: per initiative (key = its stable id) the plan's
// text — headline, body, its theme's headline, the items of the lists it states — written by the
// plan's import, and the reader's own text — lead unit, responsible units, progress note, tags —
// written in the transaction that changes it.
import type { InitiativeFields, TextFilterColumn } from '../../../shared/domain/table';
import type { PlanDocument } from '../../../shared/domain/plan';
import type { Db } from '../db/open';
import { deleteScopeDocs, insertNewSearchDocs, writeSearchDocs, type NewSearchDoc } from './documents';
import { normalizeForSearch } from './normalize';
import { scoreCode } from './score';
import { refreshInitiativeSearch } from './initiative-index';

/** Fields the table's global search looks in. (List items are part of the body already.) */
export const GLOBAL_SEARCH_FIELDS = [
  'headline',
  'body',
  'theme',
  'leadUnit',
  'responsibleUnits',
  'progressNote',
  'tags',
] as const;

/** The field a per-column text filter looks in. */
export const TEXT_FILTER_FIELD: Record<TextFilterColumn, string> = {
  headline: 'headline',
  leadUnit: 'leadUnit',
  responsibleUnits: 'responsibleUnits',
  progressNote: 'progressNote',
  industries: 'industries',
};

/** (Re)writes the plan-text documents of a plan. Inside the import transaction.
 *
 * The documents are written in the order of their ids, lowest first: FTS5 keeps a
 * transaction's new entries in memory only while each rowid is above the one before, and
 * writes them out as a segment of their own at every step down. An id is its text's score code
 * and then a sequence number within the code (score.ts), so in the plan's own order (headline,
 * body, theme, … per initiative) the ids stepped down again and again: a bench plan of 50
 * initiatives became some fifty small segments, to be merged again at once (about 40% of the
 * import's time in the bench). Ordered by code, each plan is one segment. */
export function indexPlanText(db: Db, doc: PlanDocument): void {
  deleteScopeDocs(db, doc.meta.id);
  const themeHeadline = new Map(doc.themes.map((t) => [t.id, t.headline]));
  const industries = new Map<string, string[]>();
  for (const list of doc.lists) {
    const items = industries.get(list.initiativeId) ?? [];
    items.push(...list.items.map((item) => item.text));
    industries.set(list.initiativeId, items);
  }
  const docs: (NewSearchDoc & { order: number })[] = [];
  const add = (key: string, field: string, value: string | readonly string[] | undefined) => {
    if (value === undefined) return;
    const normalized = typeof value === 'string' ? [normalizeForSearch(value)] : value.map(normalizeForSearch);
    const length = normalized.reduce((n, v) => n + v.length, 0);
    // A field with no text writes no document: nothing to order.
    if (length > 0) docs.push({ key, field, normalized, code: scoreCode(field, length), order: docs.length });
  };
  add(doc.meta.id, 'title', doc.meta.title);
  for (const i of doc.initiatives) {
    add(i.id, 'headline', i.headline);
    add(i.id, 'body', i.body);
    add(i.id, 'theme', themeHeadline.get(i.themeId));
    add(i.id, 'industries', industries.get(i.id));
  }
  // Within one code the ids follow the order of writing, so the sort need only be stable.
  docs.sort((a, b) => a.code - b.code || a.order - b.order);
  insertNewSearchDocs(db, docs);
  // The plan's rows in the initiatives' search index (their sort-key rows named the plan).
  refreshInitiativeSearch(db);
}

/** The reader's text on an initiative, as indexed: any of these fields. */
export type ReaderTextFields = Partial<Pick<InitiativeFields, 'leadUnit' | 'responsibleUnits' | 'progressNote' | 'tags'>>;

/** (Re)writes the documents of the reader's fields of one initiative named in `fields` (a save
 *  names only those it changed; the others' documents stay as they are). */
export function indexReaderFields(db: Db, initiativeId: string, fields: ReaderTextFields): void {
  writeSearchDocs(db, initiativeId, fields);
  // Its document in the initiatives' search index is left named (by the record's triggers) for
  // the next page that reads the index: rewriting it here (all of its texts' tokens, about 300)
  // cost a save 0.4–0.8 ms of CPU, the bench's saves 1.7–2 ms at the median.
}
