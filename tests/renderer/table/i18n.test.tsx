// The table in both UI languages and all three reading modes, and no hard-coded UI text (the
// pseudo-language check of tests/renderer/ui-text.ts over the table's screens).
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_OPTIONS } from '../../../shared/domain/table';
import { TRANSLATION } from '../plan-fixture';
import { collectStrings, createPseudoI18n, findUncataloguedText, fixtureDataStrings } from '../ui-text';
import { fail } from '../fake-bridge';
import { createFakeTable, fixtureRows } from './fake-table';
import { editor, headerLabels, renderTable, resetTable, rowOf, rowsShown } from './render-table';
import { formatDate } from '../../../renderer/src/features/table/date-text';

afterEach(resetTable);

describe('initiative table: languages', () => {
  it('switches its headers and controls with the UI language', async () => {
    const { i18n } = renderTable();
    await rowsShown(15);
    expect(headerLabels().slice(0, 4)).toEqual(['编号', '举措', '主题', '状态']);
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    expect(headerLabels()).toEqual(['ID', 'Initiative', 'Theme', 'Status', 'Priority', 'Lead unit', 'Deadline', 'Progress', 'Tags', 'Highlights', 'Notes', 'Industries']);
    expect(screen.getByRole('searchbox', { name: 'Search initiatives' })).toBeTruthy();
    expect(screen.getByText('15 initiatives')).toBeTruthy();
    const status = editor<HTMLSelectElement>('T1·I1', 'status');
    expect(status.getAttribute('aria-label')).toBe('Status (T1·I1)');
    expect(status.selectedOptions[0]!.textContent).toBe('In progress');
  });

  it('shows plan text in English in the English reading mode, marked as English', async () => {
    renderTable({ readingMode: 'en', translation: TRANSLATION });
    await rowsShown(15);
    const headline = within(rowOf('T3·I3')).getByRole('button', { name: TRANSLATION.initiatives['hz-2024/T3/I3']!.headline });
    expect(headline.querySelector('[lang="en"]')).not.toBeNull();
    expect(within(rowOf('T3·I3')).getByText(TRANSLATION.themes['hz-2024/T3']!).getAttribute('lang')).toBe('en');
    // Industries pair with the translation's list items by list and position (plan.get).
    const english = TRANSLATION.lists['hz-2024/L1']!.items[0]!;
    await waitFor(() => expect(rowOf('T3·I3').querySelector('[data-col="industries"]')?.textContent).toContain(english));
  });

  it('shows Chinese and English side by side in the bilingual reading mode', async () => {
    renderTable({ readingMode: 'both', translation: TRANSLATION });
    await rowsShown(15);
    const cell = rowOf('T1·I1').querySelector('[data-col="headline"]')!;
    expect([...cell.querySelectorAll('[lang]')].map((e) => [e.getAttribute('lang'), e.textContent])).toEqual([
      ['zh-CN', '建立解难题促发展政策机制'],
      ['en', TRANSLATION.initiatives['hz-2024/T1/I1']!.headline],
    ]);
  });
});

describe('initiative table: every UI string comes from the catalogue', () => {
  const data = [
    ...fixtureDataStrings(),
    ...collectStrings(fixtureRows()),
    // Status names are the reader's configuration (status.options), not catalogue text.
    ...collectStrings(DEFAULT_STATUS_OPTIONS),
    // Deadlines as English shows them are the reader's data, formatted by Intl.
    ...fixtureRows().flatMap((r) => (r.deadline ? [formatDate(r.deadline, 'en')] : [])),
    // Counts and row numbers are data too.
    ...Array.from({ length: 20 }, (_, i) => String(i)),
  ];

  for (const language of ['zh', 'en'] as const) {
    it(`renders no hard-coded text (${language} UI, panels open, grouped, with a failed save)`, async () => {
      const fake = createFakeTable({ 'initiative.update': async () => fail('INTERNAL', 'nope') });
      const { container } = renderTable({ fake, i18n: createPseudoI18n(language), readingMode: 'both', translation: TRANSLATION });
      await rowsShown(15);
      const select = editor<HTMLSelectElement>('T1·I1', 'status');
      fireEvent.change(select, { target: { value: 'done' } });
      fireEvent.keyDown(select, { key: 'Enter' });
      await screen.findByRole('alert');
      fireEvent.change(screen.getAllByRole('combobox')[0]!, { target: { value: 'status' } });
      await waitFor(() => expect(document.querySelector('.itable-group-row')).not.toBeNull());
      fireEvent.click(document.querySelector<HTMLElement>('[data-col="status"] .itable-filter-button')!);
      expect(findUncataloguedText(container, [...data, 'nope'])).toEqual([]);
      fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
      fireEvent.click(document.querySelector<HTMLElement>('.itable-toolbar .itable-popover button')!);
      expect(findUncataloguedText(container, [...data, 'nope'])).toEqual([]);
    });
  }
});
