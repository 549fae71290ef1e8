// What the table's cells need besides their row, handed down by context so the column
// definitions stay static (built once) while the language, reading mode and stores change.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { TFunction } from 'i18next';
import type { StatusOption } from '../../../../shared/domain/table';
import type { PlanTranslation } from '../../../../shared/domain/translation';
import type { ReadingMode } from '../feature-props';
import type { EditState, EditStore, EditableField } from './edit-store';

export type UiLanguage = 'zh' | 'en';

export interface TableEnv {
  /** The table's catalogue: cells take it from here (it remembers what it resolved,
   *  i18n/remembering-t.ts) rather than each asking for it (scrolling mounts a dozen cells a row). */
  t: TFunction<'table'>;
  language: UiLanguage;
  readingMode: ReadingMode;
  translation: PlanTranslation | null;
  /** Industry (list item) text → its English rendering, when a translation is loaded. */
  industryNames: ReadonlyMap<string, string>;
  statusOptions: readonly StatusOption[];
  edits: EditStore;
  openInitiative(initiativeId: string): void;
  /** Row checkbox clicked (shift: extend the range from the last one). */
  toggleRow(initiativeId: string, range: boolean): void;
  /** Whether every matching row is selected, some are, or none. */
  selectAllState: 'all' | 'some' | 'none';
  /** Header checkbox: selects every matching row, or clears the selection. */
  toggleAll(): void;
  /** The id of the table's <datalist> of tags in use (TagSuggestions), and a call to refresh it. */
  tagListId: string;
  refreshTags(): void;
}

export const TableEnvContext = createContext<TableEnv | null>(null);

export function useTableEnv(): TableEnv {
  const env = useContext(TableEnvContext);
  if (!env) throw new Error('useTableEnv outside the initiative table');
  return env;
}

/** The edit of one field of one initiative, re-rendering when it changes. */
export function useEdit(initiativeId: string, field: EditableField): EditState | undefined {
  const { edits } = useTableEnv();
  return useSyncExternalStore(edits.subscribe, () => edits.get(initiativeId, field));
}
