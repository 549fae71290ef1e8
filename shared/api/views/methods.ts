// Saved views of the table: a name and the table's state, kept in the reader's database.
import type { SavedView, TableViewState } from '../../domain/table';
import type { NoArgs } from '../common';

export interface ViewMethods {
  'view.list': { args: NoArgs; result: SavedView[] };
  /** Without id: creates a view (baseRevision 0). With id: replaces that view. */
  'view.save': {
    args: { id?: number; baseRevision: number; name: string; state: TableViewState };
    result: SavedView;
    /** null: the view was deleted meanwhile. */
    conflict: SavedView | null;
  };
  'view.delete': { args: { id: number; baseRevision: number }; result: null; conflict: SavedView | null };
}

export const VIEW_METHODS = ['view.list', 'view.save', 'view.delete'] as const satisfies readonly (keyof ViewMethods)[];
