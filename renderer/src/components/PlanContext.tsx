// The plan's context, one click away from every view: the strip under the app bar names the
// plan and its theme line; its button opens a panel with the source details, the lead and the
// author note. On paper, where the app bar is not printed, a header carries the title and the
// source line instead. All of it follows the reading mode.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PlanMeta } from '../../../shared/domain/plan';
import type { PlanTranslation } from '../../../shared/domain/translation';
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
  const rows = planMetaRows(meta, en, t);

  return (
    <section id={PLAN_CONTEXT_ID} className="plan-context" aria-label={t('planContext.label')}>
      <div className="plan-context-inner">
        {showEn && <UnofficialNote />}
        <dl className="plan-meta" aria-label={t('meta.label')}>
          {rows.map((row) => (
            <div key={row.field}>
              <dt>{row.term}</dt>
              <dd>{row.value}</dd>
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

/**
 * The reading view's header on paper only (print.css shows it, the screen never does): the
 * plan's title and its source line, so a printed page says where it comes from.
 */
export function PlanPrintHeader({ meta }: { meta: PlanMeta }) {
  const { t } = useTranslation();
  const { translation } = useReading();
  const sourceLine = planMetaRows(meta, translation?.meta, t).filter((row) => PRINTED_FIELDS.includes(row.field));
  return (
    <div className="print-header">
      <p className="print-header-title">
        <PlanText zh={meta.title} en={translation?.meta.title} />
      </p>
      {sourceLine.length > 0 && (
        <p className="print-header-source">
          {sourceLine.map((row) => (
            <span key={row.field} className="print-header-field">
              <span className="print-header-term">{row.term}</span> {row.value}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

type MetaField = 'source' | 'column' | 'published' | 'author' | 'editor' | 'graphics';

/** A printed source line names where and when the plan appeared and who wrote it. */
const PRINTED_FIELDS: readonly MetaField[] = ['source', 'column', 'published', 'author'];

/** The plan's source details that it has, in reading order, each with its label. */
function planMetaRows(
  meta: PlanMeta,
  en: PlanTranslation['meta'] | undefined,
  t: TFunction,
): Array<{ field: MetaField; term: string; value: ReactNode }> {
  const rows: Array<{ field: MetaField; term: string; value: ReactNode }> = [];
  const text = (field: MetaField, zh: string | null, english: string | undefined) => {
    if (zh) rows.push({ field, term: t(`meta.${field}`), value: <PlanText zh={zh} en={english} /> });
  };
  text('source', meta.source, en?.source);
  text('column', meta.column, en?.column);
  if (meta.publishedAt)
    rows.push({
      field: 'published',
      term: t('meta.published'),
      value: <time dateTime={publishedDateTime(meta.publishedAt)}>{formatPublished(meta.publishedAt)}</time>,
    });
  text('author', meta.author, en?.author);
  text('editor', meta.editor, en?.editor);
  text('graphics', meta.graphics, en?.graphics);
  return rows;
}
