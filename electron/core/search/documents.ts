// The search index's documents: one per (key, field), e.g. an initiative's headline. The index
// keeps the tokens (tokens.ts) and the text's score code (in its id), never a copy of the text: a candidate is
// checked against the text where it lives (source-text.ts). Keys of a plan's text begin with
// its id (the plan's own documents: the id; its items': `<planId>/…`), so a plan's documents
// go by key range when it is re-imported or purged; the reader's text is rewritten whenever the
// reader changes it.
//
// Stored compactly (migration 0011): in search_doc_ids a key that is a lowercase UUID (a note's
// id) is its 16 bytes, any other key its text; a field is a small integer code (FIELD_CODES).
// SQL reading the documents goes through keyTextSql / keyValueSql / fieldNameSql / fieldListSql
// below; the view search_docs shows them as text for a person looking at the file.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { normalizeForSearch } from './normalize';
import { codeRange, ID_SEQ, scoreCode } from './score';
import { tokenColumn } from './tokens';

/** Each field's code in search_doc_ids.field. Stored: append only, and the same as migration
 *  0011's list (a test holds them equal). 0 and 1 cost no byte in a row: the commonest fields. */
export const FIELD_CODES: Readonly<Record<string, number>> = {
  note: 0,
  headline: 1,
  body: 2,
  title: 3,
  theme: 4,
  industries: 5,
  headline_en: 6,
  body_en: 7,
  leadUnit: 8,
  responsibleUnits: 9,
  progressNote: 10,
  tags: 11,
  noteTags: 12,
};

/** The code of an index field; an unknown name is a programming error. */
export function fieldCode(field: string): number {
  const code = FIELD_CODES[field];
  if (code === undefined) throw new Error(`search index: unknown field ${JSON.stringify(field)}`);
  return code;
}

/** SQL list of the codes of `fields` (for `… IN (…)`); `NULL` for none (matches nothing). */
export const fieldListSql = (fields: readonly string[]): string => (fields.length === 0 ? 'NULL' : fields.map(fieldCode).join(', '));

/** SQL: the field name of the code in `col`. */
export const fieldNameSql = (col: string): string =>
  `CASE ${col} ${Object.entries(FIELD_CODES).map(([f, c]) => `WHEN ${c} THEN '${f}'`).join(' ')} END`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID_GLOB = `'${[8, 4, 4, 4, 12].map((n) => '[0-9a-f]'.repeat(n)).join('-')}'`;

/** A key as stored: a lowercase UUID as its 16 bytes, anything else as it is. */
export function keyValue(key: string): string | Buffer {
  return UUID.test(key) ? Buffer.from(key.replaceAll('-', ''), 'hex') : key;
}

/** SQL: the stored key of the text key `text` (an SQL expression), as keyValue. */
export const keyValueSql = (text: string): string => `CASE WHEN ${text} GLOB ${UUID_GLOB} THEN unhex(replace(${text}, '-', '')) ELSE ${text} END`;

/** SQL: the text of the stored key in `col` (a UUID's 16 bytes back to its lowercase text). */
export const keyTextSql = (col: string): string =>
  `CASE WHEN typeof(${col}) = 'blob' THEN lower(substr(hex(${col}), 1, 8) || '-' || substr(hex(${col}), 9, 4) || '-' || ` +
  `substr(hex(${col}), 13, 4) || '-' || substr(hex(${col}), 17, 4) || '-' || substr(hex(${col}), 21)) ELSE ${col} END`;

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
  const stored = keyValue(key);
  for (const [field, value] of Object.entries(fields)) {
    const values = normalizedValues(value);
    const code = fieldCode(field);
    const old = fresh
      ? undefined
      : (prepared(db, 'SELECT id FROM search_doc_ids WHERE key = ? AND field = ?').get(stored, code) as
          | { id: number }
          | undefined);
    if (values.length === 0) {
      // The delete trigger removes the FTS5 entry of the old document.
      if (old) prepared(db, 'DELETE FROM search_doc_ids WHERE id = ?').run(old.id);
      continue;
    }
    const length = values.reduce((n, v) => n + v.length, 0);
    const tokens = tokenColumn(values);
    // The id carries the text's static score (score.ts). While the text's score code stays the
    // same, the document keeps its row and id and only its tokens are replaced (a save then
    // writes the pages of that one row and the index's new segment); a text whose length moves
    // it to another code takes a new id of that code, so the walk by id stays best first.
    const score = scoreCode(field, length);
    if (old) {
      const [first, end] = codeRange(score);
      if (old.id >= first && old.id < end) {
        // A contentless-delete table takes an UPDATE that gives every column (FTS5 deletes the
        // old entry by rowid and inserts the new one). Bound as BigInt: FTS5 reads a rowid
        // bound as a double as no rowid at all.
        prepared(db, 'UPDATE search_fts SET tok = ? WHERE rowid = ?').run(tokens, BigInt(old.id));
        continue;
      }
      // The delete trigger removes the FTS5 entry of the old document.
      prepared(db, 'DELETE FROM search_doc_ids WHERE id = ?').run(old.id);
    }
    // The next free id of the text's code, found at the top of the code's range of the primary key.
    const id = BigInt(nextId(db, score));
    prepared(db, 'INSERT INTO search_doc_ids (id, key, field) VALUES (?, ?, ?)').run(id, stored, code);
    prepared(db, 'INSERT INTO search_fts (rowid, tok) VALUES (?, ?)').run(id, tokens);
  }
}

/** A document to write for a key that has none yet: its values normalized (normalizeForSearch;
 *  empty ones may be left in) and the score code of their total length. */
export interface NewSearchDoc {
  key: string;
  field: string;
  normalized: readonly string[];
  code: number;
}

/**
 * Writes documents of keys that have none yet (a plan import after deleteScopeDocs, a bulk load
 * of notes), in the order given: the same rows and ids as writeSearchDocs(…, fresh) on each in
 * turn. The caller orders them by score code (see indexPlanText), so the next free id of a code
 * is looked up once per run of that code instead of once per document, and each text is
 * normalized once.
 */
export function insertNewSearchDocs(db: Db, docs: readonly NewSearchDoc[]): void {
  const insertId = prepared(db, 'INSERT INTO search_doc_ids (id, key, field) VALUES (?, ?, ?)');
  const insertTokens = prepared(db, 'INSERT INTO search_fts (rowid, tok) VALUES (?, ?)');
  let code = -1;
  // The next id of `code`, and the end of the range it lies in (a full code lends from below).
  let next = 0;
  let end = 0;
  for (const d of docs) {
    if (d.code !== code || next >= end) {
      code = d.code;
      next = nextId(db, code);
      end = (Math.floor(next / ID_SEQ) + 1) * ID_SEQ;
    }
    // A text of ASCII punctuation alone has no tokens but is a document all the same (a needle
    // the index cannot narrow checks every text).
    if (d.normalized.every((v) => v === '')) continue;
    const id = BigInt(next++);
    insertId.run(id, keyValue(d.key), fieldCode(d.field));
    insertTokens.run(id, tokenColumn(d.normalized));
  }
}

/** The next free id of a score code. A code whose 2^27 ids are used up (by that many writes
 *  of texts of one score) lends from the code below it: the text ranks a step lower, and the
 *  write never fails on the index. */
function nextId(db: Db, code: number): number {
  for (let c = code; c >= 0; c--) {
    const [first, end] = codeRange(c);
    const top = prepared(db, 'SELECT max(id) AS id FROM search_doc_ids WHERE id >= ? AND id < ?').get(first, end) as { id: number | null };
    if (top.id === null) return first;
    if (top.id + 1 < end) return top.id + 1;
  }
  throw new Error('search index: no free id left for a text (every score code is full)');
}

/** Fields of a plan's own text (the reader's fields on its items are keyed by the same ids but
 *  are the reader's: they stay when the plan is re-imported or purged). */
export const PLAN_TEXT_FIELDS = ['title', 'headline', 'body', 'theme', 'industries', 'headline_en', 'body_en'] as const;

/** SQL condition: the document of search_doc_ids (key column `key`, field column `field`) is
 *  of the plan `plan`'s text (an SQL expression: its id, or an id under it; '0' follows '/';
 *  a UUID's bytes sort after every text): a range of the (key, field) index. */
export const planDocsSql = (key: string, plan: string, field = key.replace(/key$/, 'field')): string =>
  `(${key} = ${keyValueSql(plan)} OR (${key} >= ${plan} || '/' AND ${key} < ${plan} || '0')) AND ${field} IN (${fieldListSql(PLAN_TEXT_FIELDS)})`;

/** Removes every document of a plan's text (its title, its items' text and English). */
export function deleteScopeDocs(db: Db, planId: string): void {
  prepared(db, `DELETE FROM search_doc_ids WHERE ${planDocsSql('key', '@plan')}`).run({ plan: planId });
}

/** Moves the documents of `fields` from one key to another (the reader's fields following
 *  their record to another item); the ids, and with them the tokens, stay. */
export function moveSearchDocs(db: Db, from: string, to: string, fields: readonly string[]): void {
  prepared(db, `UPDATE search_doc_ids SET key = ? WHERE key = ? AND field IN (SELECT value FROM json_each(?))`).run(
    keyValue(to),
    keyValue(from),
    JSON.stringify(fields.map(fieldCode)),
  );
}

/** Empties the whole index (before a rebuild in a new format). */
export function deleteAllSearchDocs(db: Db): void {
  db.exec(`DELETE FROM search_doc_ids; INSERT INTO search_fts (search_fts) VALUES ('delete-all');`);
}
