// The items a version import left unmatched (version.unmatched), with the reader's values on
// them: the reader assigns each to an item of the new version (its values move there, a new
// revision) or leaves it on the old version (version.assign). Nothing here is decided for them:
// the candidates shown first are the matching's own, too close to call.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { UnmatchedItem, VersionItem } from '../../../../shared/api/versions/methods';
import { PRIORITY_LABELS } from '../../../../shared/i18n/table-columns';
import type { StatusOption } from '../../../../shared/domain/table';
import type { ApiClient } from '../../api/client';
import './versions.css';
import { Select } from '../../components/Select';

interface Props {
  client: ApiClient;
  /** The version whose import left them unmatched. */
  planId: string;
  onChanged(): void;
}

const label = (i: VersionItem) => `${i.numeral}${i.headline}`;

/** The reader's values as they see them: status and priority by their labels. */
function valuesText(item: UnmatchedItem, statuses: readonly StatusOption[], language: 'zh' | 'en'): string[] {
  const v = item.values;
  const status = v.status && (statuses.find((o) => o.key === v.status)?.label[language] ?? v.status);
  const priority = v.priority && PRIORITY_LABELS[language][v.priority];
  return [status, priority, v.leadUnit, v.responsibleUnits, v.deadline, v.progressNote, ...v.tags].filter((x): x is string => !!x);
}

export function UnmatchedList({ client, planId, onChanged }: Props) {
  const { t, i18n } = useTranslation('versions');
  const language = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [statuses, setStatuses] = useState<StatusOption[]>([]);
  useEffect(() => {
    client.call('status.options', {}).then((r) => setStatuses(r.options), () => undefined);
  }, [client]);
  const [data, setData] = useState<{ items: UnmatchedItem[]; unclaimed: VersionItem[] } | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    client.call('version.unmatched', { planId }).then(setData, (err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  }, [client, planId]);
  useEffect(load, [load]);

  const assign = async (item: UnmatchedItem, toItemId: string | null) => {
    setError(null);
    try {
      await client.call('version.assign', { fromItemId: item.id, toItemId, baseRevision: item.values.revision });
      onChanged();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
    load();
  };

  if (!data) return <p className="version-loading">{t('list.loading')}</p>;
  return (
    <div className="version-unmatched">
      {error && (
        <p className="version-error" role="alert">
          {error}
        </p>
      )}
      <ul aria-label={t('unmatched.label')}>
        {data.items.map((item) => {
          const values = valuesText(item, statuses, language);
          const options = [...item.candidates, ...data.unclaimed.filter((u) => !item.candidates.some((c) => c.id === u.id))];
          const selected = choice[item.id] ?? options[0]?.id ?? '';
          return (
            <li key={item.id} data-left={item.left || undefined}>
              <span className="version-item">{label(item)}</span>
              <span className="version-note">
                {[
                  values.length > 0 && t('unmatched.values', { values: values.join(language === 'zh' ? '、' : ', ') }),
                  item.annotations > 0 && t('unmatched.annotations', { count: item.annotations }),
                ]
                  .filter(Boolean)
                  .join(language === 'zh' ? '；' : '; ') || t('unmatched.none')}
              </span>
              {item.left ? (
                <span className="version-tag version-tag-muted">{t('unmatched.left')}</span>
              ) : (
                <span className="version-assign">
                  {options.length > 0 && (
                    <>
                      <Select
                        aria-label={t('unmatched.target', { item: label(item) })}
                        value={selected}
                        onChange={(e) => setChoice({ ...choice, [item.id]: e.target.value })}
                      >
                        {options.map((o) => (
                          <option key={o.id} value={o.id}>
                            {label(o)}
                          </option>
                        ))}
                      </Select>
                      <button type="button" className="version-button" onClick={() => void assign(item, selected)}>
                        {t('unmatched.assign')}
                      </button>
                    </>
                  )}
                  <button type="button" className="version-button" onClick={() => void assign(item, null)}>
                    {t('unmatched.leave')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
