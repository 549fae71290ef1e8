// The search index's documents: one per (key, field), e.g. an initiative's headline, with its
// normalized text kept beside the FTS5 entry for the final exact check (see match.ts).
// Plan text is written with `scope` = its plan, so it goes when the plan is re-imported; the
// reader's text has no scope and is rewritten whenever the reader changes it.
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { normalizeForSearch } from './normalize';
import { bigramColumn, unigramColumn } from './tokens';

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
export function writeSearchDocs(
  db: Db,
  scope: string | null,
  key: string,
  fields: Record<string, FieldValue>,
  fresh = false,
): void {
  for (const [field, value] of Object.entries(fields)) {
    // The delete trigger removes the FTS5 entry of the old document.
    if (!fresh) prepared(db, 'DELETE FROM search_docs WHERE key = ? AND field = ?').run(key, field);
    const values = normalizedValues(value);
    if (values.length === 0) continue;
    const { lastInsertRowid } = prepared(db, 'INSERT INTO search_docs (scope, key, field) VALUES (?, ?, ?)').run(
      scope,
      key,
      field,
    );
    prepared(db, 'INSERT INTO search_texts (id, text) VALUES (?, ?)').run(lastInsertRowid, values.join('\n'));
    prepared(db, 'INSERT INTO search_fts (rowid, bi, uni) VALUES (?, ?, ?)').run(
      lastInsertRowid,
      bigramColumn(values),
      unigramColumn(values),
    );
  }
}

/** Removes every document a plan's import wrote. */
export function deleteScopeDocs(db: Db, scope: string): void {
  prepared(db, 'DELETE FROM search_docs WHERE scope = ?').run(scope);
}

/** Empties the whole index (before a rebuild in a new format). */
export function deleteAllSearchDocs(db: Db): void {
  db.exec(`DELETE FROM search_texts; DELETE FROM search_docs; INSERT INTO search_fts (search_fts) VALUES ('delete-all');`);
}
