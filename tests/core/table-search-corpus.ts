// The corpus the table's search paths are checked on (table-search-walk, table-search-candidates):
// generated plans imported into a real core, some rows given the reader's fields, one plan in
// the trash, and the same rows as the JavaScript model (table-model.ts) holds them.
import type { Core } from '../../electron/core/core';
import { writeTransaction } from '../../electron/core/db/transaction';
import { importPlan } from '../../electron/core/plan/store';
import { libraryEntry, trashPlan } from '../../electron/core/services/library/library';
import { readRows } from '../../electron/core/services/table/rows';
import type { InitiativeFields } from '../../shared/domain/table';
import { articleText, generatePlan } from '../bench/corpus';
import { updateLatest } from '../helpers/core';
import type { ModelPlan, ModelRow, ModelTheme } from './table-model';

export const SEARCH_CORPUS_SHAPE = { plans: 40, themesPerPlan: 5, initiativesPerTheme: 10 };
/** The plan put in the trash: its rows are in no page. */
export const TRASHED_PLAN = 'bench-000003';

export interface SearchModel {
  rows: ModelRow[];
  themes: ModelTheme[];
  plans: ModelPlan[];
}

/** Imports the corpus, gives every seventh row (by id) the fields `fields(n)` names, trashes
 *  TRASHED_PLAN and returns the model of what is left. */
export function loadSearchCorpus(core: Core, fields: (n: number) => Partial<InitiativeFields>): SearchModel {
  for (let index = 0; index < SEARCH_CORPUS_SHAPE.plans; index++) {
    const doc = generatePlan(7, index, SEARCH_CORPUS_SHAPE);
    importPlan(core.db, doc, articleText(doc));
  }
  const ids = (core.db.prepare("SELECT id FROM initiatives WHERE id LIKE 'bench-%' ORDER BY id").all() as { id: string }[]).map((x) => x.id);
  writeTransaction(core.db, () => {
    ids.forEach((id, n) => {
      if (n % 7 === 0) updateLatest(core.db, id, fields(n));
    });
  });
  trashPlan(core.db, TRASHED_PLAN, libraryEntry(core.db, TRASHED_PLAN)!.revision, true);
  const bodies = core.db.prepare('SELECT id, body FROM initiatives').all() as { id: string; body: string }[];
  const body = new Map(bodies.map((b) => [b.id, b.body]));
  return {
    rows: readRows(core.db, bodies.map((b) => b.id))
      .filter((row) => row.planId !== TRASHED_PLAN)
      .map((row) => ({ ...row, body: body.get(row.id)! })),
    themes: core.db.prepare('SELECT id, plan_id AS planId, ordinal, headline FROM themes').all() as ModelTheme[],
    plans: core.db.prepare('SELECT id, title FROM plans').all() as ModelPlan[],
  };
}
