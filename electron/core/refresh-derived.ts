// Brings derived data up to date at startup: search documents for plans that have none (plans
// imported before the index existed) or for everything when the index format changed, and
// sort-key ranks made by another ICU (the desktop app and browser mode share a data folder but
// not an ICU). Cheap when nothing is stale: a few indexed lookups.
import type { Db } from './db/open';
import { readStamp, writeStamp } from './db/derived-state';
import { prepared } from './db/statements';
import { refreshInitiativeSortKeys } from './collation/initiative-sort-keys';
import { refreshTextSortKeys } from './collation/text-sort-keys';
import { deleteAllSearchDocs, planDocsSql } from './search/documents';
import { indexPlanText, indexReaderFields } from './search/initiative-docs';
import { indexNewAnnotations, indexTranslation } from './search/source-docs';
import { readPlanDocument } from './plan/store';
import { writeTransaction } from './db/transaction';
import { refreshInitiativeSearch } from './search/initiative-index';

/** Bump when tokens.ts, normalize.ts or initiative-docs.ts change what is indexed: every start after that
 *  rebuilds the index once. */
export const SEARCH_FORMAT = 'bigram-5-scored-ids';
const SEARCH_STAMP = 'search.format';

export interface RefreshReport {
  plansIndexed: string[];
  readerDocsIndexed: number;
  sortKeysRanked: boolean;
  textKeysRanked: boolean;
}

export function refreshDerivedData(db: Db): RefreshReport {
  const report: RefreshReport = { plansIndexed: [], readerDocsIndexed: 0, sortKeysRanked: false, textKeysRanked: false };
  writeTransaction(db, () => {
    const formatChanged = readStamp(db, SEARCH_STAMP) !== SEARCH_FORMAT;
    if (formatChanged) deleteAllSearchDocs(db);
    const unindexed = (
      prepared(
        db,
        `SELECT p.id AS id FROM plans p WHERE NOT EXISTS (SELECT 1 FROM search_doc_ids d WHERE ${planDocsSql('d.key', 'p.id')}) ORDER BY p.id`,
      ).all() as { id: string }[]
    ).map((r) => r.id);
    for (const planId of unindexed) {
      const doc = readPlanDocument(db, planId);
      if (doc && doc.initiatives.length > 0) {
        indexPlanText(db, doc);
        indexTranslation(db, planId);
        report.plansIndexed.push(planId);
      }
    }
    if (formatChanged) {
      report.readerDocsIndexed = reindexReaderFields(db) + reindexAnnotations(db);
      // The initiatives' search index holds the same tokens: written again too. (What saves
      // left named is not written here: the idle-time maintenance or a page does.)
      prepared(db, 'INSERT INTO initiative_search_stale (plan, key) SELECT 1, plan_id FROM initiative_plan_totals WHERE n > 0 AND plan_id NOT IN (SELECT key FROM initiative_search_stale WHERE plan = 1)').run();
      refreshInitiativeSearch(db);
      writeStamp(db, SEARCH_STAMP, SEARCH_FORMAT);
    }
  });
  report.sortKeysRanked = refreshInitiativeSortKeys(db);
  report.textKeysRanked = refreshTextSortKeys(db);
  return report;
}

function reindexReaderFields(db: Db): number {
  const states = prepared(
    db,
    `SELECT initiative_id AS id, lead_unit AS leadUnit, responsible_units AS responsibleUnits,
       progress_note AS progressNote FROM user_initiative_state`,
  ).all() as { id: string; leadUnit: string | null; responsibleUnits: string | null; progressNote: string | null }[];
  const tags = new Map<string, string[]>();
  for (const r of prepared(db, 'SELECT initiative_id AS id, tag FROM user_initiative_tags ORDER BY rowid').all() as {
    id: string;
    tag: string;
  }[]) {
    tags.set(r.id, [...(tags.get(r.id) ?? []), r.tag]);
  }
  const ids = new Set([...states.map((s) => s.id), ...tags.keys()]);
  const byId = new Map(states.map((s) => [s.id, s]));
  for (const id of ids) {
    const s = byId.get(id);
    indexReaderFields(db, id, {
      leadUnit: s?.leadUnit ?? null,
      responsibleUnits: s?.responsibleUnits ?? null,
      progressNote: s?.progressNote ?? null,
      tags: tags.get(id) ?? [],
    });
  }
  return ids.size;
}

function reindexAnnotations(db: Db): number {
  const ids = prepared(db, 'SELECT id FROM user_annotations WHERE deleted_at IS NULL -- search: plucked').pluck().all() as string[];
  // The index was emptied (formatChanged): every note is new to it.
  indexNewAnnotations(db, ids);
  return ids.length;
}

/** Repair: empties the search index and writes it again from the texts where they live. */
export function rebuildSearchIndex(db: Db): RefreshReport {
  writeTransaction(db, () => writeStamp(db, SEARCH_STAMP, 'rebuild'));
  return refreshDerivedData(db);
}
