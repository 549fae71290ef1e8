// The item's reader fields at the top of the panel, edited with the table's own cells and edit
// store (features/table): the same editing keys, the same save phases, the same revision checks
// and the same conflict dialog. The row comes from table.rows and is kept in the query cache; a
// save updates it there and invalidates what shows these fields elsewhere (table, dashboard).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import type { ApiClient } from '../../../api/client';
import { afterInitiativeSave } from '../../../api/invalidate';
import { EditConflicts } from '../../conflicts/EditConflicts';
import { DeadlineCell } from '../../table/cells/DeadlineCell';
import { PriorityCell } from '../../table/cells/PriorityCell';
import { StatusCell } from '../../table/cells/StatusCell';
import { TagsCell } from '../../table/cells/TagsCell';
import { TextCell } from '../../table/cells/TextCell';
import { EditStore } from '../../table/edit-store';
import { TableEnvContext, type TableEnv } from '../../table/table-env';
import { useStatusOptions } from '../../table/use-status-options';
import { useTagSuggestions } from '../../table/use-tag-suggestions';
import '../../table/table.css';

export const rowKey = (itemId: string) => ['table', 'row', itemId] as const;

const NOTHING = () => undefined;
const NO_NAMES: ReadonlyMap<string, string> = new Map();

export function ReaderFields({ client, itemId }: { client: ApiClient; itemId: string }) {
  const { t, i18n } = useTranslation('annotationPanel');
  const queryClient = useQueryClient();
  const row = useQuery({
    queryKey: rowKey(itemId),
    queryFn: () => client.call('table.rows', { ids: [itemId] }).then((rows): InitiativeRow | null => rows[0] ?? null),
  });
  const statusOptions = useStatusOptions(client);
  const suggestions = useTagSuggestions(client);
  const [edits] = useState(
    () => new EditStore((initiativeId, baseRevision, patch) => client.call('initiative.update', { initiativeId, baseRevision, patch })),
  );
  useEffect(() => {
    edits.setOnSaved((saved) => {
      queryClient.setQueryData(rowKey(saved.id), saved);
      // That initiative, the table (rows, counts, facets), the dashboard, the tags in use.
      void afterInitiativeSave(queryClient, saved.id);
    });
  }, [edits, queryClient]);
  useEffect(() => () => edits.dispose(), [edits]);
  useSyncExternalStore(edits.subscribe, edits.getVersion);
  const tagListId = `${useId()}-tags`;
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const { t: tTable } = useTranslation('table');
  const env = useMemo<TableEnv>(
    () => ({
      t: tTable,
      language,
      readingMode: 'zh',
      translation: null,
      industryNames: NO_NAMES,
      statusOptions,
      edits,
      openInitiative: NOTHING,
      toggleRow: NOTHING,
      selectAllState: 'none',
      toggleAll: NOTHING,
      tagListId,
      refreshTags: suggestions.refresh,
    }),
    [tTable, language, statusOptions, edits, tagListId, suggestions.refresh],
  );

  let body: ReactNode;
  if (row.isPending) body = <p className="apanel-muted">{t('fieldsLoading')}</p>;
  else if (row.isError) body = <p className="apanel-error">{t('fieldsFailed', { message: row.error.message })}</p>;
  else if (!row.data) body = null;
  else {
    const r = row.data;
    body = (
      <dl className="apanel-fields">
        <Field label={t('status')}>
          <StatusCell row={r} />
        </Field>
        <Field label={t('priority')}>
          <PriorityCell row={r} />
        </Field>
        <Field label={t('leadUnit')}>
          <TextCell row={r} field="leadUnit" />
        </Field>
        <Field label={t('deadline')}>
          <DeadlineCell row={r} />
        </Field>
        <Field label={t('progress')}>
          <TextCell row={r} field="progressNote" />
        </Field>
        <Field label={t('tags')}>
          <TagsCell row={r} />
        </Field>
      </dl>
    );
  }
  return (
    <TableEnvContext.Provider value={env}>
      <section className="apanel-section" aria-label={t('fields')}>
        {body}
      </section>
      <EditConflicts edits={edits} statusOptions={statusOptions} />
      <datalist id={tagListId}>
        {suggestions.tags.map((tag) => (
          <option key={tag.tag} value={tag.tag} />
        ))}
      </datalist>
    </TableEnvContext.Provider>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="apanel-field">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
