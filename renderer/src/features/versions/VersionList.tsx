// A plan's versions in the library (version.list): each readable (opens it), the current one
// marked, with how many items each version's import left unmatched.
import { useEffect, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { PlanVersion } from '../../../../shared/api/versions/methods';
import type { ApiClient } from '../../api/client';
import { UnmatchedList } from './UnmatchedList';
import './versions.css';

interface Props {
  client: ApiClient;
  planId: string;
  /** Bumped when the library reloads. */
  reload: number;
  onOpen(planId: string): void;
}

export function VersionList({ client, planId, reload, onOpen }: Props) {
  const { t, i18n } = useTranslation('versions');
  const { t: tCompare } = useTranslation('compare');
  const [versions, setVersions] = useState<PlanVersion[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [changed, setChanged] = useState(0);
  useEffect(() => {
    let cancelled = false;
    client.call('version.list', { planId }).then(
      (list) => !cancelled && setVersions(list),
      () => !cancelled && setVersions([]),
    );
    return () => {
      cancelled = true;
    };
  }, [client, planId, reload, changed]);
  if (!versions) return <p className="version-loading">{t('list.loading')}</p>;
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <ol className="version-versions" aria-label={t('list.label')}>
      {[...versions].reverse().map((v, i, newestFirst) => (
        <li key={v.planId} data-current={v.current || undefined}>
          <button type="button" className="version-open" title={t('list.open', { number: v.version })} onClick={() => onOpen(v.planId)}>
            {t('list.version', { number: v.version })}
          </button>
          <span className="version-meta">{date.format(new Date(v.importedAt))}</span>
          {v.fileName && <span className="version-meta">{v.fileName}</span>}
          {v.current && <span className="version-tag">{t('list.current')}</span>}
          {newestFirst[i + 1] && (
            <a
              className="version-compare"
              href={`#/compare/${newestFirst[i + 1]!.planId}/${v.planId}`}
              aria-label={tCompare('withPreviousLabel', { number: v.version, previous: newestFirst[i + 1]!.version })}
            >
              {tCompare('withPrevious')}
            </a>
          )}
          {v.trashed && <span className="version-tag version-tag-muted">{t('list.trashed')}</span>}
          {v.unmatched > 0 && (
            <button
              type="button"
              className="version-tag version-tag-attention"
              aria-expanded={open === v.planId}
              title={t('list.showUnmatched')}
              onClick={() => setOpen(open === v.planId ? null : v.planId)}
            >
              {t('list.unmatched', { count: v.unmatched })}
            </button>
          )}
          {open === v.planId && <UnmatchedList client={client} planId={v.planId} onChanged={() => setChanged((n) => n + 1)} />}
        </li>
      ))}
    </ol>
  );
}
