// The reader's saved searches: a name and the query (text and filters) it re-runs. Names are
// unique. Each is a record with a revision, like the table's saved views: a change or deletion
// names the revision it was made on, and a stale one is refused with the search as stored now
// (null if it was deleted).
import { AppError, StaleWriteError } from '../../../../shared/api/result';
import type { SavedSearch, SearchQuery } from '../../../../shared/api/search/methods';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { writeTransaction } from '../../db/transaction';
import { COLLATORS } from '../../collation/collators';

interface SavedRow {
  id: number;
  name: string;
  query_json: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

type SavedQuery = Pick<SearchQuery, 'text' | 'filters'>;

const toSaved = (r: SavedRow): SavedSearch => ({
  id: r.id,
  name: r.name,
  query: JSON.parse(r.query_json) as SavedQuery,
  revision: r.revision,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every saved search, by name (pinyin order). */
export function listSavedSearches(db: Db): SavedSearch[] {
  const rows = prepared(db, 'SELECT * FROM user_saved_searches').all() as SavedRow[];
  return rows.map(toSaved).sort((a, b) => COLLATORS.pinyin.compare(a.name, b.name) || a.id - b.id);
}

function readSaved(db: Db, id: number): SavedSearch | null {
  const row = prepared(db, 'SELECT * FROM user_saved_searches WHERE id = ?').get(id) as SavedRow | undefined;
  return row ? toSaved(row) : null;
}

function checkRevision(db: Db, method: string, id: number, baseRevision: number): void {
  const current = readSaved(db, id);
  if (current?.revision === baseRevision) return;
  throw new StaleWriteError(
    current
      ? `${method}: the saved search “${current.name}” was changed elsewhere (it is at revision ${current.revision}, ` +
          `this change was made on revision ${baseRevision}); nothing was saved.`
      : `${method}: the saved search with id ${id} was deleted elsewhere; nothing was saved.`,
    current,
  );
}

/** Creates a saved search (no id, baseRevision 0), or with `id` replaces that one's name and query. */
export function saveSearch(
  db: Db,
  s: { id?: number; baseRevision: number; name: string; query: SavedQuery },
  now = new Date(),
): SavedSearch {
  const at = now.toISOString();
  return writeTransaction(db, () => {
    if (s.id !== undefined) checkRevision(db, 'search.saved.save', s.id, s.baseRevision);
    else if (s.baseRevision !== 0) {
      throw new AppError('BAD_REQUEST', `search.saved.save: a new saved search is made on revision 0, not ${s.baseRevision}.`);
    }
    const clash = prepared(db, 'SELECT id FROM user_saved_searches WHERE name = ?').get(s.name) as { id: number } | undefined;
    if (clash && clash.id !== s.id) {
      throw new AppError('CONFLICT', `A saved search named “${s.name}” already exists; choose another name or update that search.`);
    }
    const json = JSON.stringify({ text: s.query.text, filters: s.query.filters });
    let id = s.id;
    if (id === undefined) {
      id = Number(
        prepared(db, 'INSERT INTO user_saved_searches (name, query_json, created_at, updated_at, revision) VALUES (?, ?, ?, ?, 1)').run(
          s.name,
          json,
          at,
          at,
        ).lastInsertRowid,
      );
    } else {
      prepared(db, 'UPDATE user_saved_searches SET name = ?, query_json = ?, updated_at = ?, revision = revision + 1 WHERE id = ?').run(
        s.name,
        json,
        at,
        id,
      );
    }
    return readSaved(db, id)!;
  });
}

export function deleteSavedSearch(db: Db, id: number, baseRevision: number): void {
  writeTransaction(db, () => {
    checkRevision(db, 'search.saved.delete', id, baseRevision);
    prepared(db, 'DELETE FROM user_saved_searches WHERE id = ?').run(id);
  });
}
