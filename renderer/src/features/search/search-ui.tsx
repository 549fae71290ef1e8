// What the app shell shares with search: the find bar of the item being read (open or not, what
// it looks for; a search result opens it pre-filled) and the search everywhere view's query
// and filters, kept while the reader opens a result and comes back. The view owns its text and
// filters as its own state and leaves them here, outside React's state: a keystroke re-renders
// the search view, never the whole shell.
import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchFilters } from '../../../../shared/api/search/methods';

export interface FindState {
  open: boolean;
  text: string;
  /** Bumped on every openFind(), so Ctrl+F on an open bar focuses it again. */
  request: number;
}

export interface EverywhereQuery {
  text: string;
  filters: SearchFilters;
}

export interface SearchUi {
  find: FindState;
  /** Opens the find bar (with `text` when given, e.g. from a search result) and focuses it. */
  openFind(text?: string): void;
  closeFind(): void;
  setFindText(text: string): void;
  /** The search everywhere view's text and filters as it left them (read when it opens). */
  readEverywhere(): EverywhereQuery;
  /** Kept for the next time the view opens; re-renders nothing. */
  keepEverywhere(next: EverywhereQuery): void;
  /** Bumped when Ctrl+Shift+F asks for the search box again. */
  focusRequest: number;
  requestFocus(): void;
}

const NOOP: SearchUi = {
  find: { open: false, text: '', request: 0 },
  openFind: () => undefined,
  closeFind: () => undefined,
  setFindText: () => undefined,
  readEverywhere: () => ({ text: '', filters: {} }),
  keepEverywhere: () => undefined,
  focusRequest: 0,
  requestFocus: () => undefined,
};

const SearchUiContext = createContext<SearchUi>(NOOP);

/** The state, owned by the app shell (its commands open the find bar) and handed to SearchUiProvider. */
export function useSearchUiState(): SearchUi {
  const [find, setFind] = useState<FindState>(NOOP.find);
  const everywhere = useRef<EverywhereQuery>(NOOP.readEverywhere());
  const [focusRequest, setFocusRequest] = useState(0);
  const value = useMemo<SearchUi>(
    () => ({
      find,
      openFind: (text) => setFind((f) => ({ open: true, text: text ?? f.text, request: f.request + 1 })),
      closeFind: () => setFind((f) => ({ ...f, open: false })),
      setFindText: (text) => setFind((f) => ({ ...f, text })),
      readEverywhere: () => everywhere.current,
      keepEverywhere: (next) => {
        everywhere.current = next;
      },
      focusRequest,
      requestFocus: () => setFocusRequest((n) => n + 1),
    }),
    [find, focusRequest],
  );
  return value;
}

export function SearchUiProvider({ value, children }: { value: SearchUi; children: ReactNode }) {
  return <SearchUiContext.Provider value={value}>{children}</SearchUiContext.Provider>;
}

export function useSearchUi(): SearchUi {
  return useContext(SearchUiContext);
}
