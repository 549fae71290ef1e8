// Writes and reads plan content. Importing replaces a plan's own rows in one transaction and
// never touches user_* tables (see migration 0001 for why they cannot cascade). The same
// transaction writes what is derived from the plan's text: its sort-key rows and its search
// documents (the old ones go with the old plan rows, by cascade).
import { createHash } from 'node:crypto';
import type { Db } from '../db/open';
import { insertSortKeyRows } from '../collation/initiative-sort-keys';
import { indexPlanText } from '../search/initiative-docs';
import type { ListItem, PlanDocument, PlanList, PlanMeta } from '../../../shared/domain/plan';
import { writeTransaction } from '../db/transaction';
import { prepared } from '../db/statements';

/** Stores a plan document as it is, ids included. They should be under the plan's id
 *  (`<planId>/…`), as the importer's and a version import's always are: the search index takes a
 *  plan's documents by that key range (a purge, an import again) and search everywhere reads an
 *  item's plan off it. Documents of an id elsewhere are left behind when the plan is purged, and
 *  importing the plan again then fails on them; tests store such plans on purpose (the table's
 *  search_stray_keys). */
export function importPlan(db: Db, doc: PlanDocument, sourceText: string, now = new Date()): void {
  const sha = createHash('sha256').update(sourceText, 'utf8').digest('hex');
  writeTransaction(db, () => {
    prepared(db, 'DELETE FROM plans WHERE id = ?').run(doc.meta.id);
    writePlanContent(db, doc, sha, now.toISOString());
  });
}

/**
 * The rows every plan has, whatever its source: the plan, its themes, initiatives and lists,
 * their sort-key rows and search documents. Inside the caller's write transaction, on a plan
 * id that has no rows yet.
 */
export function writePlanContent(db: Db, doc: PlanDocument, sha: string, importedAt: string): void {
  const { meta } = doc;
  const insertTheme = prepared(db, 'INSERT INTO themes (id, plan_id, ordinal, headline) VALUES (?, ?, ?, ?)');
  const insertInitiative = prepared(
    db,
    'INSERT INTO initiatives (id, plan_id, theme_id, ordinal, numeral, headline, body) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertList = prepared(
    db,
    'INSERT INTO plan_lists (id, plan_id, initiative_id, ordinal, label, stated_count) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertItem = prepared(db, 'INSERT INTO list_items (id, list_id, ordinal, text) VALUES (?, ?, ?, ?)');
  prepared(
    db,
    `INSERT INTO plans (id, title, column_name, published_at, source, author, editor, graphics,
      tags_json, theme_line, lead, author_note, language, source_sha256, imported_at)
    VALUES (@id, @title, @column, @publishedAt, @source, @author, @editor, @graphics,
      @tags, @themeLine, @lead, @authorNote, @language, @sha, @importedAt)`,
  ).run({ ...meta, tags: JSON.stringify(meta.tags), sha, importedAt });
  for (const t of doc.themes) insertTheme.run(t.id, meta.id, t.ordinal, t.headline);
  for (const i of doc.initiatives) {
    insertInitiative.run(i.id, meta.id, i.themeId, i.ordinal, i.numeral, i.headline, i.body);
  }
  for (const l of doc.lists) {
    insertList.run(l.id, meta.id, l.initiativeId, l.ordinal, l.label, l.statedCount);
    for (const item of l.items) insertItem.run(item.id, l.id, item.ordinal, item.text);
  }
  insertSortKeyRows(db, doc);
  indexPlanText(db, doc);
}

export function hasPlan(db: Db, planId: string): boolean {
  return db.prepare('SELECT 1 FROM plans WHERE id = ?').get(planId) !== undefined;
}

interface PlanRow {
  id: string;
  title: string;
  column_name: string | null;
  published_at: string | null;
  source: string | null;
  author: string | null;
  editor: string | null;
  graphics: string | null;
  tags_json: string;
  theme_line: string | null;
  lead: string;
  author_note: string | null;
  language: string;
}

export function readPlanMeta(db: Db, planId: string): PlanMeta | null {
  const row = prepared(db, 'SELECT * FROM plans WHERE id = ?').get(planId) as PlanRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    column: row.column_name,
    publishedAt: row.published_at,
    source: row.source,
    author: row.author,
    editor: row.editor,
    graphics: row.graphics,
    tags: JSON.parse(row.tags_json) as string[],
    themeLine: row.theme_line,
    lead: row.lead,
    authorNote: row.author_note,
    language: row.language,
  };
}

/** Lists of a plan, or only those stated in one initiative, with their items in order. */
export function readLists(db: Db, filter: { planId: string } | { initiativeId: string }): PlanList[] {
  const where = 'planId' in filter ? 'plan_id = ?' : 'initiative_id = ?';
  const key = 'planId' in filter ? filter.planId : filter.initiativeId;
  const lists = prepared(
    db,
    `SELECT id, plan_id AS planId, initiative_id AS initiativeId, ordinal, label, stated_count AS statedCount
     FROM plan_lists WHERE ${where} ORDER BY ordinal`,
  ).all(key) as Omit<PlanList, 'items'>[];
  const items = prepared(db, 'SELECT id, list_id AS listId, ordinal, text FROM list_items WHERE list_id = ? ORDER BY ordinal');
  return lists.map((l) => ({ ...l, items: items.all(l.id) as ListItem[] }));
}

/** The whole stored plan as a document, in order (used by the fidelity test and exports). */
export function readPlanDocument(db: Db, planId: string): PlanDocument | null {
  const meta = readPlanMeta(db, planId);
  if (!meta) return null;
  const themes = db
    .prepare('SELECT id, plan_id AS planId, ordinal, headline FROM themes WHERE plan_id = ? ORDER BY ordinal')
    .all(planId) as PlanDocument['themes'];
  const initiatives = db
    .prepare(
      `SELECT i.id, i.theme_id AS themeId, i.ordinal, i.numeral, i.headline, i.body
       FROM initiatives i JOIN themes t ON t.id = i.theme_id
       WHERE i.plan_id = ? ORDER BY t.ordinal, i.ordinal`,
    )
    .all(planId) as PlanDocument['initiatives'];
  return { meta, themes, initiatives, lists: readLists(db, { planId }) };
}
