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
 */
export function writeSearchDocs(db: Db, key: string, fields: Record<string, FieldValue>, fresh = false): void {
  for (const [field, value] of Object.entries(fields)) {
    // The delete trigger removes the FTS5 entry of the old document.
    if (!fresh) prepared(db, 'DELETE FROM search_docs WHERE key = ? AND field = ?').run(key, field);
    const values = normalizedValues(value);
    if (values.length === 0) continue;
    const length = values.reduce((n, v) => n + v.length, 0);
    // The id carries the text's static score (score.ts): the next free one of its code, found
    // at the top of the code's range of the primary key. Bound as BigInt: FTS5 reads a rowid
    // bound as a double as no rowid at all.
    const id = BigInt(nextId(db, scoreCode(field, length)));
    prepared(db, 'INSERT INTO search_docs (id, key, field, len) VALUES (?, ?, ?, ?)').run(id, key, field, length);
    prepared(db, 'INSERT INTO search_fts (rowid, tok) VALUES (?, ?)').run(id, tokenColumn(values));
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
