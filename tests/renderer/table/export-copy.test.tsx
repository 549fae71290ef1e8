// Row selection (shared with other features), copy of the selected rows as TSV + HTML, and the
// CSV export of the current view through table.exportCsv and a download.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  TableSelectionProvider,
  createTableSelectionStore,
  useTableSelection,
} from '../../../renderer/src/features/table/selection-store';
import { toHtml, toTsv } from '../../../renderer/src/features/table/clipboard';
import { fail } from '../fake-bridge';
import { createFakeTable } from './fake-table';
import { lastQuery, renderTable, resetTable, rowOf, rowsShown, sortButton } from './render-table';

const writeText = vi.fn<(text: string) => Promise<void>>();

beforeEach(() => {
  writeText.mockReset().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});

afterEach(() => {
  resetTable();
  vi.restoreAllMocks();
});

const check = (shortId: string, shift = false) =>
  fireEvent.click(within(rowOf(shortId)).getByRole('checkbox', { name: `选择 ${shortId}` }), { shiftKey: shift });

describe('initiative table: selection', () => {
  it('selects rows, extends a range with Shift, and shares the selection through the store', async () => {
    const { selection } = renderTable();
    await rowsShown(15);
    check('T1·I2');
    check('T2·I2', true);
    await waitFor(() => expect(Object.keys(selection.get())).toEqual(['hz-2024/T1/I2', 'hz-2024/T1/I3', 'hz-2024/T2/I1', 'hz-2024/T2/I2']));
    expect(rowOf('T1·I3').getAttribute('aria-selected')).toBe('true');
    expect(rowOf('T1·I1').getAttribute('aria-selected')).toBe('false');
    expect(screen.getByText('已选 4 项')).toBeTruthy();
    check('T1·I3');
    await waitFor(() => expect(Object.keys(selection.get())).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: '取消选择' }));
    expect(selection.get()).toEqual({});
  });

  it('selects every matching row from the header checkbox, across pages not loaded', async () => {
    const { selection, fake } = renderTable();
    await rowsShown(15);
    fireEvent.click(screen.getByRole('button', { name: '筛选：状态' }));
    fireEvent.click(await within(screen.getByRole('dialog', { name: '筛选：状态' })).findByRole('checkbox', { name: /^进行中/ }));
    await rowsShown(3);
    const all = screen.getByRole('checkbox', { name: '选择全部符合条件的举措' }) as HTMLInputElement;
    fireEvent.click(all);
    await waitFor(() => expect(Object.keys(selection.get())).toEqual(['hz-2024/T1/I1', 'hz-2024/T2/I1', 'hz-2024/T5/I2']));
    expect(all.checked).toBe(true);
    // The ids came from the core with the same query, in large pages.
    expect(lastQuery(fake)).toMatchObject({ filters: { statuses: ['in_progress'] }, offset: 0, limit: 500, facets: false });
    fireEvent.click(all);
    expect(selection.get()).toEqual({});
  });

  it('lets another feature read the selection with useTableSelection', async () => {
    const store = createTableSelectionStore();
    function Reader() {
      return <output>{useTableSelection().join(',')}</output>;
    }
    render(
      <TableSelectionProvider store={store}>
        <Reader />
      </TableSelectionProvider>,
    );
    store.set({ 'hz-2024/T1/I1': true, 'hz-2024/T3/I3': true });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('hz-2024/T1/I1,hz-2024/T3/I3'));
  });
});

describe('initiative table: copy selected rows', () => {
  it('fetches the selected rows and writes them as TSV with the visible columns', async () => {
    const { fake } = renderTable();
    await rowsShown(15);
    const copy = screen.getByRole('button', { name: '复制所选' }) as HTMLButtonElement;
    expect(copy.disabled).toBe(true);
    check('T3·I3');
    check('T1·I1');
    fireEvent.click(copy);
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1));
    expect(fake.calls.filter((c) => c.method === 'table.rows').map((c) => c.args)).toEqual([{ ids: ['hz-2024/T3/I3', 'hz-2024/T1/I1'] }]);
    const lines = writeText.mock.calls[0]![0].split('\n').map((l) => l.split('\t'));
    expect(lines[0]).toEqual(['编号', '举措', '主题', '状态', '优先级', '牵头单位', '完成时限', '进展', '标签', '划线', '笔记', '产业']);
    expect(lines[1]!.slice(0, 10)).toEqual([
      'T3·I3',
      '大力发展战略性新兴产业,布局未来产业',
      '在顺应大势中把握培育发展新质生产力',
      '关注中',
      '高',
      '',
      '',
      '已列入年度重点',
      '新质生产力',
      '3',
    ]);
    expect(lines[1]![11]).toMatch(/^新一代信息技术、新能源、/);
    expect(lines[2]!.slice(0, 6)).toEqual(['T1·I1', '建立解难题促发展政策机制', '在深化改革中破除制约高质量发展的体制机制障碍', '进行中', '高', '市发改委']);
    expect(screen.getByRole('status').textContent).toContain('已复制 2 行');
  });

  it('neutralises cells a spreadsheet would run as formulas, in TSV and HTML', () => {
    const table = { header: ['进展'], rows: [['=HYPERLINK("x")'], ['-1'], ['a\tb\nc'], ['<b>&']] };
    expect(toTsv(table)).toBe('进展\n\'=HYPERLINK("x")\n\'-1\na b c\n<b>&');
    expect(toHtml(table)).toBe(
      '<table><thead><tr><th>进展</th></tr></thead><tbody><tr><td>\'=HYPERLINK(&quot;x&quot;)</td></tr><tr><td>\'-1</td></tr><tr><td>a\tb\nc</td></tr><tr><td>&lt;b&gt;&amp;</td></tr></tbody></table>',
    );
  });

  it('says so when copying fails', async () => {
    writeText.mockRejectedValue(new Error('clipboard blocked'));
    renderTable();
    await rowsShown(15);
    check('T1·I1');
    fireEvent.click(screen.getByRole('button', { name: '复制所选' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('无法复制：clipboard blocked'));
  });
});

describe('initiative table: CSV export', () => {
  it('exports the current view with the visible columns in order and downloads the file', async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:briefbook/1';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    const { fake } = renderTable();
    await rowsShown(15);
    // Hide a column, move another, sort and filter: the export follows all of it.
    fireEvent.click(screen.getByRole('button', { name: '列' }));
    const menu = screen.getByRole('dialog', { name: '显示与排列列' });
    fireEvent.click(within(menu).getByRole('checkbox', { name: '主题' }));
    fireEvent.click(within(menu).getByRole('button', { name: '左移 优先级' }));
    fireEvent.keyDown(menu, { key: 'Escape' });
    fireEvent.click(sortButton('优先级'));
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(clicks).toHaveLength(1));
    const args = fake.calls.find((c) => c.method === 'table.exportCsv')!.args;
    expect(args).toEqual({
      query: { planId: 'hz-2024', sort: [{ column: 'priority', desc: false }], collation: 'pinyin', search: '', filters: {}, groupBy: null },
      columns: ['shortId', 'headline', 'priority', 'status', 'leadUnit', 'deadline', 'progressNote', 'tags', 'highlightCount', 'noteCount', 'industries'],
      language: 'zh',
    });
    expect(clicks[0]!.download).toBe('initiatives.csv');
    expect(clicks[0]!.href).toBe('blob:briefbook/1');
    // UTF-8 with one byte-order mark (the core's), as spreadsheet apps need for Chinese.
    const bytes = new Uint8Array(await created[0]!.arrayBuffer());
    expect([...bytes.slice(0, 4)]).toEqual([0xef, 0xbb, 0xbf, 0x69]);
    expect(created[0]!.type).toBe('text/csv;charset=utf-8');
  });

  it('shows the error when the export fails', async () => {
    const fake = createFakeTable({ 'table.exportCsv': async () => fail('INTERNAL', 'out of memory') });
    renderTable({ fake });
    await rowsShown(15);
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('无法导出：out of memory'));
  });
});
