// What a new version changes against the version it revises (import.preview with versionOf),
// shown in the import dialog before anything is written: counts of unchanged, edited, moved,
// renumbered, added and removed items; whether any of the reader's work would be left on the
// old version; and the lists behind the counts, folded away.
import { useTranslation } from '../../i18n/ui-text';
import type { VersionChanges as Changes, VersionItem } from '../../../../shared/api/versions/methods';
import './versions.css';

const label = (i: VersionItem) => `${i.numeral}${i.headline}`;

export function VersionChanges({ changes }: { changes: Changes }) {
  const { t } = useTranslation('versions');
  const c = changes.counts;
  const chips: Array<[string, number, string?]> = [
    [t('changes.unchanged'), c.unchanged],
    [t('changes.edited'), c.edited, 'edited'],
    [t('changes.moved'), c.moved, 'edited'],
    [t('changes.renumbered'), c.renumbered],
    [t('changes.added'), c.added, 'added'],
    [t('changes.removed'), c.removed, c.unmatchedWithValues > 0 ? 'attention' : 'removed'],
    ...(c.ambiguous > 0 ? [[t('changes.ambiguous'), c.ambiguous, 'attention'] as [string, number, string]] : []),
  ];
  return (
    <section className="version-changes" aria-label={t('changes.label', { version: changes.versionOf.version })}>
      <h3>{t('changes.label', { version: changes.versionOf.version })}</h3>
      <ul className="version-counts">
        {chips.map(([name, count, tone]) => (
          <li key={name} data-tone={count > 0 ? tone : undefined} data-zero={count === 0 || undefined}>
            <span className="version-count">{count}</span>
            <span>{name}</span>
          </li>
        ))}
      </ul>
      <p className={c.unmatchedWithValues > 0 ? 'version-values version-values-kept' : 'version-values'} role="note">
        {c.unmatchedWithValues > 0 ? t('changes.withValues', { count: c.unmatchedWithValues }) : t('changes.noneWithValues')}
      </p>
      {changes.removed.length > 0 && (
        <details className="version-list" open={c.unmatchedWithValues > 0}>
          <summary>
            {t('changes.removedList')} <span className="version-list-count">{changes.removed.length}</span>
          </summary>
          <ul>
            {changes.removed.map((i) => (
              <li key={i.id} data-values={i.values > 0 || undefined}>
                <span className="version-item">{label(i)}</span>
                {i.values > 0 && <span className="version-note">{t('changes.values', { count: i.values })}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
      {changes.ambiguous.length > 0 && (
        <details className="version-list" open>
          <summary>
            {t('changes.ambiguousList')} <span className="version-list-count">{changes.ambiguous.length}</span>
          </summary>
          <ul>
            {changes.ambiguous.map((a) => (
              <li key={a.item.id}>
                <span className="version-item">{label(a.item)}</span>
                <span className="version-note">{t('changes.between', { candidates: a.candidates.map(label).join(' / ') })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {changes.changed.length > 0 && (
        <details className="version-list">
          <summary>
            {t('changes.changedList')} <span className="version-list-count">{changes.changed.length}</span>
          </summary>
          <ul>
            {changes.changed.map((p) => (
              <li key={p.to.id}>
                <span className="version-item">
                  {label(p.from)}
                  {label(p.from) !== label(p.to) && <> → {label(p.to)}</>}
                </span>
                <span className="version-note">{t(`changes.how.${p.how}`, { score: Math.round(p.score * 100) })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      {changes.added.length > 0 && (
        <details className="version-list">
          <summary>
            {t('changes.addedList')} <span className="version-list-count">{changes.added.length}</span>
          </summary>
          <ul>
            {changes.added.map((i) => (
              <li key={i.id}>
                <span className="version-item">{label(i)}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
