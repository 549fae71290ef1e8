// The numbers a reader wants first: how many initiatives, how much is done, what is moving,
// what has a deadline and what is late.
import { useTranslation } from '../../i18n/ui-text';
import type { Summary } from './dashboard-model';
import type { Formatters } from './format';

interface Props {
  summary: Summary;
  formatters: Formatters;
}

export function SummaryTiles({ summary, formatters }: Props) {
  const { t } = useTranslation('dashboard');
  const n = formatters.number;
  const tiles = [
    { key: 'initiatives', label: t('tiles.initiatives'), value: n(summary.initiatives) },
    {
      key: 'done',
      label: t('tiles.done'),
      value: formatters.percent(summary.doneShare),
      detail: t('tiles.doneOf', { done: n(summary.done), total: n(summary.initiatives) }),
      progress: summary.doneShare,
    },
    { key: 'in-progress', label: t('tiles.inProgress'), value: n(summary.inProgress) },
    { key: 'with-deadline', label: t('tiles.withDeadline'), value: n(summary.withDeadline) },
    { key: 'overdue', label: t('tiles.overdue'), value: n(summary.overdue), alert: summary.overdue > 0 },
  ];
  return (
    <>
      <h3 className="dashboard-visually-hidden">{t('tiles.label')}</h3>
      <dl className="dashboard-tiles">
        {tiles.map((tile) => (
          <div key={tile.key} className={`dashboard-tile dashboard-tile-${tile.key}${tile.alert ? ' dashboard-tile-alert' : ''}`}>
            <dt className="dashboard-tile-label">{tile.label}</dt>
            <dd className="dashboard-tile-value">{tile.value}</dd>
            {tile.detail ? <dd className="dashboard-tile-detail">{tile.detail}</dd> : null}
            {tile.progress !== undefined ? (
              <dd className="dashboard-tile-meter" aria-hidden="true">
                <span className="dashboard-tile-meter-fill" style={{ width: `${Math.round(tile.progress * 100)}%` }} />
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </>
  );
}
