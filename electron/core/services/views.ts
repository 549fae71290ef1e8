// Saved views of the table: a name and everything the view restores (sort, filters, grouping,
// columns), validated by the router's schema before it gets here. Names are unique.
import { AppError } from '../../../shared/api/result';
import type { SavedView, TableViewState } from '../../../shared/domain/table';
import type { Db } from '../db/open';
import { COLLATORS } from '../collation/collators';

interface ViewRow {
  id: number;
  name: string;
  state_json: string;
  created_at: string;
  updated_at: string;
}

const toView = (r: ViewRow): SavedView => ({
  id: r.id,
  name: r.name,
  state: JSON.parse(r.state_json) as TableViewState,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Every saved view, by name (pinyin order). */
export function listViews(db: Db): SavedView[] {
  const rows = db.prepare('SELECT * FROM user_saved_views').all() as ViewRow[];
  return rows.map(toView).sort((a, b) => COLLATORS.pinyin.compare(a.name, b.name) || a.id - b.id);
}

/** Creates a view, or with `id` replaces that view's name and state. */
export function saveView(
  db: Db,
  view: { id?: number; name: string; state: TableViewState },
  now = new Date(),
): SavedView {
  const at = now.toISOString();
  const id = db.transaction(() => {
    const clash = db.prepare('SELECT id FROM user_saved_views WHERE name = ?').get(view.name) as { id: number } | undefined;
    if (clash && clash.id !== view.id) {
      throw new AppError('CONFLICT', `A view named “${view.name}” already exists; choose another name or update that view.`);
    }
    const state = JSON.stringify(view.state);
    if (view.id === undefined) {
      return Number(
        db
          .prepare('INSERT INTO user_saved_views (name, state_json, created_at, updated_at) VALUES (?, ?, ?, ?)')
          .run(view.name, state, at, at).lastInsertRowid,
      );
    }
    const { changes } = db
      .prepare('UPDATE user_saved_views SET name = ?, state_json = ?, updated_at = ? WHERE id = ?')
      .run(view.name, state, at, view.id);
    if (changes === 0) throw new AppError('NOT_FOUND', `No saved view with id ${view.id}`);
    return view.id;
  })();
  return toView(db.prepare('SELECT * FROM user_saved_views WHERE id = ?').get(id) as ViewRow);
}

export function deleteView(db: Db, id: number): void {
  const { changes } = db.prepare('DELETE FROM user_saved_views WHERE id = ?').run(id);
  if (changes === 0) throw new AppError('NOT_FOUND', `No saved view with id ${id}`);
}
