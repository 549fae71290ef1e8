// Saved views of the table: a name and everything the view restores (sort, filters, grouping,
// columns), validated by the router's schema before it gets here. Names are unique. Each view
// is a record with a revision: a change or deletion names the revision it was made on, and a
// stale one is refused with the view as stored now (null if it was deleted).
import { AppError, StaleWriteError } from '../../../shared/api/result';
import type { SavedView, TableViewState } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { writeTransaction } from '../db/transaction';
import { COLLATORS } from '../collation/collators';

interface ViewRow {
  id: number;
  name: string;
  state_json: string;
  created_at: string;
  updated_at: string;
  revision: number;
}

const toView = (r: ViewRow): SavedView => ({
  id: r.id,
  name: r.name,
  state: JSON.parse(r.state_json) as TableViewState,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  revision: r.revision,
});

/** Every saved view, by name (pinyin order). */
export function listViews(db: Db): SavedView[] {
  const rows = prepared(db, 'SELECT * FROM user_saved_views').all() as ViewRow[];
  return rows.map(toView).sort((a, b) => COLLATORS.pinyin.compare(a.name, b.name) || a.id - b.id);
}

function readView(db: Db, id: number): SavedView | null {
  const row = prepared(db, 'SELECT * FROM user_saved_views WHERE id = ?').get(id) as ViewRow | undefined;
  return row ? toView(row) : null;
}

function checkRevision(db: Db, method: string, id: number, baseRevision: number): void {
  const current = readView(db, id);
  if (current?.revision === baseRevision) return;
  throw new StaleWriteError(
    current
      ? `${method}: the view “${current.name}” was changed elsewhere (it is at revision ${current.revision}, ` +
          `this change was made on revision ${baseRevision}); nothing was saved.`
      : `${method}: the view with id ${id} was deleted elsewhere; nothing was saved.`,
    current,
  );
}

/** Creates a view (no id, baseRevision 0), or with `id` replaces that view's name and state. */
export function saveView(
  db: Db,
  view: { id?: number; baseRevision: number; name: string; state: TableViewState },
  now = new Date(),
): SavedView {
  const at = now.toISOString();
  return writeTransaction(db, () => {
    if (view.id !== undefined) checkRevision(db, 'view.save', view.id, view.baseRevision);
    const clash = prepared(db, 'SELECT id FROM user_saved_views WHERE name = ?').get(view.name) as { id: number } | undefined;
    if (clash && clash.id !== view.id) {
      throw new AppError('CONFLICT', `A view named “${view.name}” already exists; choose another name or update that view.`);
    }
    const state = JSON.stringify(view.state);
    let id = view.id;
    if (id === undefined) {
      id = Number(
        prepared(db, 'INSERT INTO user_saved_views (name, state_json, created_at, updated_at, revision) VALUES (?, ?, ?, ?, 1)')
          .run(view.name, state, at, at).lastInsertRowid,
      );
    } else {
      prepared(db, 'UPDATE user_saved_views SET name = ?, state_json = ?, updated_at = ?, revision = revision + 1 WHERE id = ?')
        .run(view.name, state, at, id);
    }
    return readView(db, id)!;
  });
}

export function deleteView(db: Db, id: number, baseRevision: number): void {
  writeTransaction(db, () => {
    checkRevision(db, 'view.delete', id, baseRevision);
    prepared(db, 'DELETE FROM user_saved_views WHERE id = ?').run(id);
  });
}
