// The CSV writer (pure) and table.exportCsv (through the router): RFC 4180 quoting, CRLF, a
// UTF-8 byte-order mark, formula neutralization, Chinese that survives the round trip, headers
// and labels in the reader's language.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { BOM, csvCell, toCsv } from '../../electron/core/csv/write-csv';
import { updateLatest } from '../helpers/core';
import type { Result } from '../../shared/api/result';
import { TABLE_COLUMNS } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';

/** A strict RFC 4180 reader (the test's own), for round trips. */
function parseCsv(text: string): string[][] {
  expect(text.startsWith(BOM)).toBe(true);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = BOM.length;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else {
      expect(ch, `bare ${JSON.stringify(ch)} outside quotes at ${i}`).not.toMatch(/[\r\n"]/);
      cell += ch;
      i++;
    }
  }
  expect(cell === '' && row.length === 0, 'the file ends with CRLF').toBe(true);
  return rows;
}

describe('the CSV writer', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('\uFEFFa,b\r\nc,d\r\n');
    expect(toCsv([])).toBe('\uFEFF');
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'line\nnext', '"line\nnext"'],
    ['a CRLF', 'line\r\nnext', '"line\r\nnext"'],
    ['nothing special', '数字经济、AI', '数字经济、AI'],
    ['null', null, ''],
    ['a number', 3, '3'],
  ])('quotes a cell with %s per RFC 4180', (_what, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['=', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+', '+1+2', "'+1+2"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a tab', '\t=1', "'\t=1"],
    ['a carriage return', '\r=1', `"'\r=1"`],
  ])('neutralizes a cell starting with %s by a leading apostrophe', (_what, value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['a zero-width space', '\u200B=HYPERLINK("http://x")'],
    ['a zero-width joiner and non-joiner', '\u200D\u200C+1'],
    ['a right-to-left mark', '\u200F-2+3'],
    ['a left-to-right override', '\u202D@SUM(A1)'],
    ['a byte-order mark', '\uFEFF=1'],
    ['a word joiner and a soft hyphen', '\u2060\u00AD=1'],
    ['an isolate', '\u2066=1\u2069'],
  ])('neutralizes a formula behind %s (invisible in the cell)', (_what, value) => {
    expect(csvCell(value).replace(/^"/, '').startsWith(`'${value.slice(0, 1)}`)).toBe(true);
  });

  it('leaves such characters alone when they are not first', () => {
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(' =1')).toBe(' =1');
    expect(csvCell('\u200B数字')).toBe('\u200B数字');
    expect(csvCell('2024-12-31')).toBe('2024-12-31');
  });

  it('round-trips Chinese, quotes, commas and line breaks', () => {
    const rows = [
      ['编号', '举措', '进展'],
      ['T1·I1', '营造市场化、法治化、国际化一流营商环境', '已完成“首轮”调研,\r\n待复核'],
      ['T3·I3', '大力发展战略性新兴产业,布局未来产业', '𠀀 emoji 😀'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
    expect(Buffer.from(toCsv(rows), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('table.exportCsv', () => {
  const temp = useTempDirs();
  let core: Core;
  beforeEach(() => {
    core = createTestCore(temp.make());
    updateLatest(core.db, 'hz-2024/T3/I3', {
      status: 'in_progress',
      priority: 'high',
      leadUnit: '市经信局',
      progressNote: '=HYPERLINK("http://evil")',
      tags: ['数字', 'AI'],
      deadline: '2024-12-31',
    });
    updateLatest(core.db, 'hz-2024/T1/I1', { status: 'done', tags: ['改革'] });
  });
  afterEach(() => core.close());

  const query = { planId: 'hz-2024', sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null };
  // One plan's view: the table hides its Plan column (table-plans.test.ts exports one).
  const columns = TABLE_COLUMNS.filter((c) => c !== 'plan');
  async function exportCsv(args: Record<string, unknown>): Promise<{ fileName: string; csv: string }> {
    const result = (await core.router.dispatch('table.exportCsv', { query, columns, language: 'zh', ...args })) as Result<{
      fileName: string;
      csv: string;
    }>;
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  it('exports the whole view in its order with Chinese headers, labels and lists', async () => {
    const { fileName, csv } = await exportCsv({});
    expect(fileName).toMatch(/^briefbook-hz-2024-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([
      '编号', '主题', '举措', '状态', '优先级', '牵头单位', '责任单位', '完成时限', '进展', '标签', '划线数', '笔记数', '最近修改', '产业',
    ]);
    expect(rows).toHaveLength(16);
    expect(rows.slice(1).map((r) => r[0])).toEqual([1, 2, 3, 4, 5].flatMap((t) => [1, 2, 3].map((i) => `T${t}·I${i}`)));
    const t3i3 = rows.find((r) => r[0] === 'T3·I3')!;
    expect(t3i3.slice(1, 11)).toEqual([
      '在顺应大势中把握培育发展新质生产力',
      '大力发展战略性新兴产业,布局未来产业',
      '进行中',
      '高',
      '市经信局',
      '',
      '2024-12-31',
      `'=HYPERLINK("http://evil")`,
      '数字、AI',
      '0',
    ]);
    expect(t3i3[13]!.split('、')).toHaveLength(17);
    expect(rows.find((r) => r[0] === 'T1·I1')![3]).toBe('已完成');
  });

  it('uses English headers, labels and separators when asked', async () => {
    const { csv } = await exportCsv({ language: 'en', columns: ['shortId', 'status', 'priority', 'tags', 'touchedAt'] });
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['ID', 'Status', 'Priority', 'Tags', 'Last modified']);
    expect(rows.find((r) => r[0] === 'T3·I3')!.slice(0, 4)).toEqual(['T3·I3', 'In progress', 'High', '数字; AI']);
  });

  it('follows the view’s filters and sort, without paging', async () => {
    const { csv } = await exportCsv({
      query: { ...query, filters: { statuses: ['done', 'in_progress'] }, sort: [{ column: 'status', desc: false }] },
      columns: ['shortId'],
    });
    expect(parseCsv(csv)).toEqual([['编号'], ['T3·I3'], ['T1·I1']]);
  });

  it('exports only the selected ids when given, in the view’s order', async () => {
    const { csv } = await exportCsv({
      ids: ['hz-2024/T5/I1', 'hz-2024/T1/I2'],
      query: { ...query, filters: { statuses: ['done'] } },
      columns: ['shortId'],
    });
    expect(parseCsv(csv)).toEqual([['编号'], ['T1·I2'], ['T5·I1']]);
  });

  it('answers NOT_FOUND naming selected ids no plan has, and BAD_REQUEST without columns', async () => {
    const unknown = await core.router.dispatch('table.exportCsv', { query, columns: ['shortId'], language: 'zh', ids: ['hz-2024/T9/I1'] });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!unknown.ok && unknown.error.message).toContain('hz-2024/T9/I1');
    const none = await core.router.dispatch('table.exportCsv', { query, columns: [], language: 'zh' });
    expect(none).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });
});
