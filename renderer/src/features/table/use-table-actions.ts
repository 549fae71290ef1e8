// Copy the selected rows (fetched by id, so rows scrolled far away are included) and export
// the current view to CSV (the core writes the CSV: same columns, order, query and language).
import { useCallback, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { InitiativeRow, TableColumnId } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';
import { writeTable } from './clipboard';
import { downloadCsv } from './download';
import { cellText, type RowTextEnv } from './row-text';
import type { UiLanguage } from './table-env';
import type { TableQueryBase } from './view-state';

const ROWS_PER_CALL = 1000;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function useTableActions(
  client: ApiClient,
  announce: (message: string) => void,
  fail: (message: string) => void,
) {
  const { t } = useTranslation('table');
  const [exporting, setExporting] = useState(false);

  const copyRows = useCallback(
    async (ids: string[], columns: TableColumnId[], env: RowTextEnv) => {
      try {
        const rows: InitiativeRow[] = [];
        // table.rows takes at most ROWS_PER_CALL ids a call.
        for (let at = 0; at < ids.length; at += ROWS_PER_CALL) {
          rows.push(...(await client.call('table.rows', { ids: ids.slice(at, at + ROWS_PER_CALL) })));
        }
        await writeTable({
          header: columns.map((c) => t(`columns.${c}`)),
          rows: rows.map((row) => columns.map((c) => cellText(row, c, env))),
        });
        announce(t('selection.copied', { count: rows.length }));
      } catch (err) {
        fail(t('selection.copyFailed', { message: messageOf(err) }));
      }
    },
    [client, t, announce, fail],
  );

  const exportCsv = useCallback(
    async (query: TableQueryBase, columns: TableColumnId[], language: UiLanguage) => {
      setExporting(true);
      try {
        const { fileName, csv } = await client.call('table.exportCsv', { query, columns, language });
        downloadCsv(fileName, csv);
        announce(t('selection.exported', { fileName }));
      } catch (err) {
        fail(t('selection.exportFailed', { message: messageOf(err) }));
      } finally {
        setExporting(false);
      }
    },
    [client, t, announce, fail],
  );

  return { copyRows, exportCsv, exporting };
}
