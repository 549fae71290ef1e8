// The search view's test harness: a fake api client that records every call and answers from
// a function, and the view mounted with its providers (Chinese UI, a fresh query cache).
import { QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { vi } from 'vitest';
import type { ApiClient } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { SearchView } from '../../../renderer/src/features/search/SearchView';
import { SearchUiProvider, useSearchUiState } from '../../../renderer/src/features/search/search-ui';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { ReadingContext, readingOf } from '../../../renderer/src/reading/reading-context';

export type Call = { method: string; args: Record<string, unknown> };

export function fakeClient(answer: (method: string, args: Record<string, unknown>) => unknown) {
  const calls: Call[] = [];
  const client = {
    call: (method: string, args: Record<string, unknown>) => {
      calls.push({ method, args });
      try {
        return Promise.resolve(answer(method, args));
      } catch (err) {
        return Promise.reject(err);
      }
    },
  } as unknown as ApiClient;
  return { client, calls };
}

export const base = (method: string): unknown => {
  if (method === 'library.list') return [];
  if (method === 'status.options') return { options: [], revision: 0 };
  if (method === 'tags.list') return [];
  if (method === 'search.recent') return [{ text: '人才', at: '2026-01-01T00:00:00Z' }];
  if (method === 'search.saved.list') return [];
  if (method === 'search.remember') return null;
  throw new Error(`unexpected ${method}`);
};

/** The view mounted; toggle() takes it away or brings it back (as the reader leaving the view
 *  for a result and returning: the shell's search state and the query cache stay). */
/** fullWidth: the reader's "full-width punctuation" setting, as the shell passes it down. */
export function show(client: ApiClient, onOpenResult = vi.fn(), language: 'zh' | 'en' = 'zh', fullWidth = false) {
  let setShown: (f: (shown: boolean) => boolean) => void = () => undefined;
  function Harness() {
    const ui = useSearchUiState();
    const [shown, set] = useState(true);
    setShown = set;
    return <SearchUiProvider value={ui}>{shown && <SearchView client={client} outline={null} onOpenResult={onOpenResult} />}</SearchUiProvider>;
  }
  render(
    <I18nProvider i18n={createI18n(language)}>
      <QueryClientProvider client={createQueryClient()}>
        <ReadingContext.Provider value={readingOf('zh', { status: 'missing' }, fullWidth)}>
          <Harness />
        </ReadingContext.Provider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return {
    box: screen.getByRole('combobox', { name: language === 'zh' ? '搜索全部计划、译文和笔记' : 'Search every plan, translation and note' }),
    onOpenResult,
    toggle: () => act(() => setShown((s) => !s)),
  };
}

