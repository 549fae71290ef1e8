// The plan's context, one click away from every view: the strip under the app bar names the
// plan and its main theme on one line (the title cut short, whole on hover); its button opens
// a panel over the view — the source details, the lead, the author note and, with English
// shown, the note on the translation and its glossary — that closes with Esc, a click outside,
// its close button or a move to another view. On paper, where the app bar is not printed, a
// header carries the title and the source line instead. All of it follows the reading mode.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../i18n/ui-text';
import type { TFunction } from 'i18next';
import type { PlanMeta } from '../../../shared/domain/plan';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { POLICY_GLOSSARY } from '../../../shared/domain/glossary';
import { useReading } from '../reading/reading-context';
import { formatPublished, publishedDateTime } from './format';
import { PlanText } from './PlanText';
import { ReadingBody } from './ReadingBody';
import { UnofficialLabel, UnofficialNote } from './UnofficialLabel';

export const PLAN_CONTEXT_ID = 'plan-context';

export const PLAN_CONTEXT_TOGGLE_ID = 'plan-context-toggle';

interface StripProps {
  meta: PlanMeta;
  open: boolean;
  onToggle(): void;
  /** The outline's show/hide button, in the reading view. */
  start?: ReactNode;
}

export function PlanStrip({ meta, open, onToggle, start }: StripProps) {
  const { t } = useTranslation();
  const { showEn, showZh, translation, zh } = useReading();
  // The whole title on hover (the strip may cut it short), in the language it leads with.
  const fullTitle = showZh || !translation ? zh(meta.title) : translation.meta.title;
  return (
    <div className="plan-strip">
      {start}
      <h1 className="plan-title" title={fullTitle}>
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
        id={PLAN_CONTEXT_TOGGLE_ID}
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

export function PlanContextPanel({ meta, onClose }: { meta: PlanMeta; onClose(): void }) {
  const { t } = useTranslation();
  const { showEn, translation } = useReading();
  const en = translation?.meta;
  const rows = planMetaRows(meta, en, t);
  const panelRef = useRef<HTMLElement>(null);

  // A popover: Esc or a click anywhere else closes it (the toggle button toggles it itself).
  useEffect(() => {
    const toggle = () => document.getElementById(PLAN_CONTEXT_TOGGLE_ID);
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const inside = panelRef.current?.contains(document.activeElement);
      onClose();
      if (inside) toggle()?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (panelRef.current?.contains(target) || toggle()?.contains(target)) return;
      onClose();
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [onClose]);

  return (
    <section id={PLAN_CONTEXT_ID} ref={panelRef} className="plan-context" aria-label={t('planContext.label')}>
      <button
        type="button"
        className="plan-context-close"
        aria-label={t('planContext.close')}
        title={t('planContext.close')}
        onClick={() => {
          onClose();
          document.getElementById(PLAN_CONTEXT_TOGGLE_ID)?.focus();
        }}
      >
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M3.5 3.5l9 9M12.5 3.5l-9 9" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      </button>
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
          // Not a region of its own: the overview's lead is the page's 导语 landmark.
          <div className="lead">
            <h2 className="lead-title">{t('lead')}</h2>
            <ReadingBody zh={meta.lead} en={en?.lead} className="lead-text" />
          </div>
        )}
        {meta.authorNote && (
          <p className="author-note">
            <span className="author-note-label">{t('authorNote')}</span> <PlanText zh={meta.authorNote} en={en?.authorNote} />
          </p>
        )}
        {showEn && <Glossary />}
      </div>
    </section>
  );
}

/** The policy terms of the English with their one rendering and note (shown with English). */
function Glossary() {
  const { t } = useTranslation();
  const { zh } = useReading();
  return (
    <section className="glossary" aria-labelledby="plan-glossary-title">
      <h2 id="plan-glossary-title" className="lead-title">
        {t('glossary.title')}
      </h2>
      <p className="glossary-intro">{t('glossary.intro')}</p>
      <dl className="glossary-list">
        {POLICY_GLOSSARY.map((term) => (
          <div key={term.zh}>
            <dt>
              <span lang="zh-CN">{zh(term.zh)}</span> <span lang="en">{term.en}</span>
            </dt>
            <dd lang="en">{term.note}</dd>
          </div>
        ))}
      </dl>
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
