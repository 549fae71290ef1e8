// The plan's context, one click away from every view: the strip under the app bar names the
// plan and its theme line; its button opens a panel with the source details, the lead and the
// author note. All of it follows the reading mode.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanMeta } from '../../../shared/domain/plan';
import { useReading } from '../reading/reading-context';
import { formatPublished, publishedDateTime } from './format';
import { PlanText } from './PlanText';
import { ReadingBody } from './ReadingBody';
import { UnofficialLabel, UnofficialNote } from './UnofficialLabel';

export const PLAN_CONTEXT_ID = 'plan-context';

export function PlanStrip({ meta, open, onToggle }: { meta: PlanMeta; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  const { showEn, translation } = useReading();
  return (
    <div className="plan-strip">
      <h1 className="plan-title">
        <PlanText zh={meta.title} en={translation?.meta.title} />
      </h1>
      {meta.themeLine && (
        <p className="theme-line">
          <span className="theme-line-label">{t('themeLine')}</span>
          <strong className="theme-line-text">
            <PlanText zh={meta.themeLine} en={translation?.meta.themeLine} />
          </strong>
        </p>
      )}
      {showEn && <UnofficialLabel />}
      <button
        type="button"
        className="plan-context-toggle"
        aria-expanded={open}
        aria-controls={PLAN_CONTEXT_ID}
        title={t('planContext.hint')}
        onClick={onToggle}
      >
        {t('planContext.show')}
      </button>
    </div>
  );
}

export function PlanContextPanel({ meta }: { meta: PlanMeta }) {
  const { t } = useTranslation();
  const { showEn, translation } = useReading();
  const en = translation?.meta;
  const rows: Array<[string, ReactNode]> = [];
  if (meta.source) rows.push([t('meta.source'), <PlanText zh={meta.source} en={en?.source} />]);
  if (meta.column) rows.push([t('meta.column'), <PlanText zh={meta.column} en={en?.column} />]);
  if (meta.publishedAt)
    rows.push([
      t('meta.published'),
      <time dateTime={publishedDateTime(meta.publishedAt)}>{formatPublished(meta.publishedAt)}</time>,
    ]);
  if (meta.author) rows.push([t('meta.author'), <PlanText zh={meta.author} en={en?.author} />]);
  if (meta.editor) rows.push([t('meta.editor'), <PlanText zh={meta.editor} en={en?.editor} />]);
  if (meta.graphics) rows.push([t('meta.graphics'), <PlanText zh={meta.graphics} en={en?.graphics} />]);

  return (
    <section id={PLAN_CONTEXT_ID} className="plan-context" aria-label={t('planContext.label')}>
      <div className="plan-context-inner">
        {showEn && <UnofficialNote />}
        <dl className="plan-meta" aria-label={t('meta.label')}>
          {rows.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {meta.lead && (
          <section className="lead" aria-labelledby="plan-lead-title">
            <h2 id="plan-lead-title" className="lead-title">
              {t('lead')}
            </h2>
            <ReadingBody zh={meta.lead} en={en?.lead} className="lead-text" />
          </section>
        )}
        {meta.authorNote && (
          <p className="author-note">
            <span className="author-note-label">{t('authorNote')}</span> <PlanText zh={meta.authorNote} en={en?.authorNote} />
          </p>
        )}
      </div>
    </section>
  );
}

