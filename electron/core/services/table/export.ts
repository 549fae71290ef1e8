// table.exportCsv: the current view (its order and filters, no paging) — or only the selected
// ids, in the view's order — as a CSV file's text, with headers, statuses and priorities in the
// reader's language. The plan's own text is exported as stored.
import type { UiLanguage } from '../../../../shared/api/contract';
import type { InitiativeRow, StatusOption, TableColumnId } from '../../../../shared/domain/table';
import { EXPORT_COLUMN_LABELS, PRIORITY_LABELS } from '../../../../shared/i18n/table-columns';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { toCsv } from '../../csv/write-csv';
import { pageSql } from './query-sql';
import { ensureSortRanks, prepareQuery, tableRows, type RowQuery } from './query';
import { readRows } from './rows';
import { readTransaction } from '../../db/transaction';

const LIST_SEPARATOR: Record<UiLanguage, string> = { zh: '、', en: '; ' };
const CHUNK = 500;

function cellOf(
  row: InitiativeRow,
  column: TableColumnId,
  language: UiLanguage,
  statusLabel: Map<string, StatusOption['label']>,
): string | number | null {
  switch (column) {
    case 'shortId':
      return row.shortId;
    case 'plan':
      return row.planTitle;
    case 'theme':
      return row.themeHeadline;
    case 'headline':
      return row.headline;
    case 'status':
      return row.status === null ? null : (statusLabel.get(row.status)?.[language] ?? row.status);
    case 'priority':
      return row.priority === null ? null : PRIORITY_LABELS[language][row.priority];
    case 'tags':
      return row.tags.join(LIST_SEPARATOR[language]);
    case 'industries':
      return row.industries.join(LIST_SEPARATOR[language]);
    default:
      return row[column];
  }
}

/** Local calendar date, YYYY-MM-DD. */
function localDate(now: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

export function exportCsv(
  db: Db,
  args: { query: RowQuery; columns: TableColumnId[]; language: UiLanguage; ids?: string[] },
  now = new Date(),
): { fileName: string; csv: string } {
  const { query, columns, language, ids } = args;
  const lines: (string | number | null)[][] = [columns.map((c) => EXPORT_COLUMN_LABELS[language][c])];
  ensureSortRanks(db);
  readTransaction(db, () => {
    const { scope, order, statusOptions } = prepareQuery(db, query, ids);
    const labels = new Map(statusOptions.map((o) => [o.key, o.label]));
    const all = pageSql(scope, order, null);
    const ordered = (prepared(db, all.sql).all(...all.params) as { id: string }[]).map((r) => r.id);
    if (ids) {
      const found = new Set(ordered);
      const missing = [...new Set(ids)].filter((id) => !found.has(id));
      if (missing.length) tableRows(db, missing.slice(0, 1000)); // throws NOT_FOUND naming them
    }
    for (let at = 0; at < ordered.length; at += CHUNK) {
      for (const row of readRows(db, ordered.slice(at, at + CHUNK))) {
        lines.push(columns.map((c) => cellOf(row, c, language, labels)));
      }
    }
  });
  return { fileName: `briefbook-${query.planId ?? 'all-plans'}-${localDate(now)}.csv`, csv: toCsv(lines) };
}
