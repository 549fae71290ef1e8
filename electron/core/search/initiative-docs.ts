// What the search index holds about initiatives: per initiative (key = its stable id) the plan's
// text — headline, body, its theme's headline, the items of the lists it states — written by the
// plan's import, and the reader's own text — lead unit, responsible units, progress note, tags —
// written in the transaction that changes it.
import type { InitiativeFields, TextFilterColumn } from '../../../shared/domain/table';
import type { PlanDocument } from '../../../shared/domain/plan';
import type { Db } from '../db/open';
import { deleteScopeDocs, writeSearchDocs } from './documents';

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

/** (Re)writes the plan-text documents of a plan. Inside the import transaction. */
export function indexPlanText(db: Db, doc: PlanDocument): void {
  deleteScopeDocs(db, doc.meta.id);
  writeSearchDocs(db, doc.meta.id, { title: doc.meta.title }, true);
  const themeHeadline = new Map(doc.themes.map((t) => [t.id, t.headline]));
  const industries = new Map<string, string[]>();
  for (const list of doc.lists) {
    const items = industries.get(list.initiativeId) ?? [];
    items.push(...list.items.map((item) => item.text));
    industries.set(list.initiativeId, items);
  }
  for (const i of doc.initiatives) {
    writeSearchDocs(db, i.id, {
      headline: i.headline,
      body: i.body,
      theme: themeHeadline.get(i.themeId),
      industries: industries.get(i.id),
    }, true);
  }
}

/** The reader's text on an initiative, as indexed: any of these fields. */
export type ReaderTextFields = Partial<Pick<InitiativeFields, 'leadUnit' | 'responsibleUnits' | 'progressNote' | 'tags'>>;

/** (Re)writes the documents of the reader's fields of one initiative named in `fields` (a save
 *  names only those it changed; the others' documents stay as they are). */
export function indexReaderFields(db: Db, initiativeId: string, fields: ReaderTextFields): void {
  writeSearchDocs(db, initiativeId, fields);
}
