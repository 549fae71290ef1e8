// The table as it goes on paper when the reader prints it (print-all.ts): a real <table> of every
// row in scope, in the current sort, with the visible columns as plain text. A real <thead> is
// what Chromium repeats at the top of every printed page (a grid of divs styled as a table is
// not repeated), so a long printout keeps its column names on each sheet. Drawn only while
// printing; the screen keeps its virtual grid.
import { useTranslation } from '../../i18n/ui-text';
import type { TableColumnId } from '../../../../shared/domain/table';
import { COLUMN_SPECS } from './column-specs';
import type { PageCache } from './page-cache';
import { cellText, type RowTextEnv } from './row-text';

interface Props {
  cache: PageCache;
  /** Rows in scope (at most PRINT_ROW_LIMIT are printed). */
  count: number;
  total: number;
  /** False when `total` is the core's estimate (a common term's search): the caption says "about". */
  totalExact: boolean;
  columns: TableColumnId[];
  env: RowTextEnv;
}

export function PrintTable({ cache, count, total, totalExact, columns, env }: Props) {
  const { t, i18n } = useTranslation('table');
  const grouped = (n: number) => n.toLocaleString(i18n.language);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const row = cache.rowAt(i);
    if (row) rows.push(row);
  }
  return (
    <table className="itable-print">
      {count < total && <caption>{t(totalExact ? 'print.limited' : 'print.limitedAbout', { shown: grouped(count), total: grouped(total) })}</caption>}
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col" data-fit={COLUMN_SPECS[c]?.printFit || undefined}>
              {t(`columns.${c}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            {columns.map((c) => (
              <td key={c} data-fit={COLUMN_SPECS[c]?.printFit || undefined}>
                {cellText(row, c, env)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
