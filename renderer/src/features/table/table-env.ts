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
  /** The table's catalogue: cells take it from here, remembering (rememberingT below), rather
   *  than each asking for it (scrolling mounts a dozen cells a row). */
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

/** Options i18next reads itself (plurals, context, …): a call with any of them goes to it. */
const I18NEXT_OPTIONS = new Set(['count', 'context', 'defaultValue', 'ns', 'lng', 'lngs', 'ordinal', 'returnObjects', 'joinArrays', 'postProcess', 'interpolation', 'replace', 'keySeparator', 'nsSeparator']);
// Private-use characters: no catalogue text holds them.
const MARKER = /\uE000(\d+)\uE000/;

/**
 * The table's t, remembering: i18next's t costs tens of µs a call (the key parsed, the resource
 * looked up, the interpolation's expressions), a row's cells make a dozen calls of the same few
 * keys row after row, and the table's first rows spent about a third of their render in it. A
 * key with string options (a cell's label names its column and row) is resolved once with a
 * marker in place of each value, and each call fills the values in; a key whose text does not
 * keep the markers as they went in (a format applied to the value), or a call with options
 * i18next reads itself (count: the plural), goes to i18next every time. One per t (language).
 */
export function rememberingT(t: TFunction<'table'>): TFunction<'table'> {
  // By key and option names: the text cut at the markers (odd entries: the option's index), or
  // null for one to leave to i18next.
  const known = new Map<string, string[] | null>();
  const direct = t as unknown as (key: string, options?: Record<string, unknown>) => string;
  const call = (key: string, options?: Record<string, unknown>): string => {
    const names = options ? Object.keys(options) : [];
    if (names.some((n) => I18NEXT_OPTIONS.has(n) || typeof options![n] !== 'string')) return direct(key, options);
    const id = names.length === 0 ? key : `${key}\uE003${names.join('\uE003')}`;
    let parts = known.get(id);
    if (parts === undefined) {
      const text = direct(key, Object.fromEntries(names.map((n, i) => [n, `\uE000${i}\uE000`])));
      parts = text.split(MARKER);
      const filled = new Set(parts.filter((_, i) => i % 2 === 1));
      // The text as written (no placeholder matches these delimiters): a format or a nested key
      // would do something to the value other than put it in.
      const raw = direct(key, { interpolation: { prefix: '\uE001', suffix: '\uE002' } });
      const formats = /\{\{[^}]*,/.test(raw) || raw.includes('$t(');
      if (formats || filled.size !== names.length || parts.some((p, i) => i % 2 === 0 && p.includes('\uE000'))) parts = null;
      known.set(id, parts);
    }
    if (parts === null) return direct(key, options);
    if (parts.length === 1) return parts[0]!;
    let out = '';
    for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i]! : (options![names[Number(parts[i])]!] as string);
    return out;
  };
  return call as unknown as TFunction<'table'>;
}

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
