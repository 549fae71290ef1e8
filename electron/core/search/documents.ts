// The search index's documents: one per (key, field), e.g. an initiative's headline. The index
// keeps the tokens (tokens.ts) and the text's length, never a copy of the text: a candidate is
// checked against the text where it lives (source-text.ts). Keys of a plan's text begin with
// its id (the plan's own documents: the id; its items': `<planId>/…`), so a plan's documents
// go by key range when it is re-imported or purged; the reader's text is rewritten whenever the
// reader changes it.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { normalizeForSearch } from './normalize';
import { codeRange, scoreCode } from './score';
import { tokenColumn } from './tokens';

/** Values of one field: a string, several strings (e.g. tags), or nothing. */
export type FieldValue = string | readonly string[] | null | undefined;

function normalizedValues(value: FieldValue): string[] {
  const list = value == null ? [] : typeof value === 'string' ? [value] : value;
  return list.map(normalizeForSearch).filter((v) => v !== '');
}

/**
 * Writes (or removes, when it has no text) the document of each named field of `key`.
 * Call inside the transaction that changes the text itself. `fresh` says the key has no
 * documents yet (a plan import, after deleteScopeDocs), which saves a lookup per field.
 *
 * A document that exists keeps its row and id while its score code stays the same (below): a
 * delete and an insert under a new id would also touch the (key, field) index and whichever
 * page the new row lands on.
 */
export function writeSearchDocs(db: Db, key: string, fields: Record<string, FieldValue>, fresh = false): void {
  for (const [field, value] of Object.entries(fields)) {
    const values = normalizedValues(value);
    const old = fresh
      ? undefined
      : (prepared(db, 'SELECT id, len FROM search_docs WHERE key = ? AND field = ?').get(key, field) as
          | { id: number; len: number }
          | undefined);
    if (values.length === 0) {
      // The delete trigger removes the FTS5 entry of the old document.
      if (old) prepared(db, 'DELETE FROM search_docs WHERE id = ?').run(old.id);
      continue;
    }
    const length = values.reduce((n, v) => n + v.length, 0);
    const tokens = tokenColumn(values);
    // The id carries the text's static score (score.ts). While the text's score code stays the
    // same, the document keeps its row and id and only its tokens are replaced (a save then
    // writes the pages of that one row and the index's new segment); a text whose length moves
    // it to another code takes a new id of that code, so the walk by id stays best first.
    const code = scoreCode(field, length);
    if (old) {
      const [first, end] = codeRange(code);
      if (old.id >= first && old.id < end) {
        if (old.len !== length) prepared(db, 'UPDATE search_docs SET len = ? WHERE id = ?').run(length, old.id);
        // A contentless-delete table takes an UPDATE that gives every column (FTS5 deletes the
        // old entry by rowid and inserts the new one). Bound as BigInt: FTS5 reads a rowid
        // bound as a double as no rowid at all.
        prepared(db, 'UPDATE search_fts SET tok = ? WHERE rowid = ?').run(tokens, BigInt(old.id));
        continue;
      }
      // The delete trigger removes the FTS5 entry of the old document.
      prepared(db, 'DELETE FROM search_docs WHERE id = ?').run(old.id);
    }
    // The next free id of the text's code, found at the top of the code's range of the primary key.
    const id = BigInt(nextId(db, code));
    prepared(db, 'INSERT INTO search_docs (id, key, field, len) VALUES (?, ?, ?, ?)').run(id, key, field, length);
    prepared(db, 'INSERT INTO search_fts (rowid, tok) VALUES (?, ?)').run(id, tokens);
  }
}

/** The next free id of a score code. A code whose 2^27 ids are used up (by that many writes
 *  of texts of one score) lends from the code below it: the text ranks a step lower, and the
 *  write never fails on the index. */
function nextId(db: Db, code: number): number {
  for (let c = code; c >= 0; c--) {
    const [first, end] = codeRange(c);
    const top = prepared(db, 'SELECT max(id) AS id FROM search_docs WHERE id >= ? AND id < ?').get(first, end) as { id: number | null };
    if (top.id === null) return first;
    if (top.id + 1 < end) return top.id + 1;
  }
  throw new Error('search index: no free id left for a text (every score code is full)');
}

/** Fields of a plan's own text (the reader's fields on its items are keyed by the same ids but
 *  are the reader's: they stay when the plan is re-imported or purged). */
export const PLAN_TEXT_FIELDS = ['title', 'headline', 'body', 'theme', 'industries', 'headline_en', 'body_en'] as const;

/** SQL condition: the document (key column `key`, field column `field`) is of the plan `plan`'s
 *  text (an SQL expression: its id, or an id under it; '0' follows '/'): a range of the (key,
 *  field) index. */
export const planDocsSql = (key: string, plan: string, field = key.replace(/key$/, 'field')): string =>
  `(${key} = ${plan} OR (${key} >= ${plan} || '/' AND ${key} < ${plan} || '0')) AND ${field} IN (${PLAN_TEXT_FIELDS.map((f) => `'${f}'`).join(', ')})`;

/** Removes every document of a plan's text (its title, its items' text and English). */
export function deleteScopeDocs(db: Db, planId: string): void {
  prepared(db, `DELETE FROM search_docs WHERE ${planDocsSql('key', '@plan')}`).run({ plan: planId });
}

/** Empties the whole index (before a rebuild in a new format). */
export function deleteAllSearchDocs(db: Db): void {
  db.exec(`DELETE FROM search_docs; INSERT INTO search_fts (search_fts) VALUES ('delete-all');`);
}
