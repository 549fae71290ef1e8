// One entry of the annotations list: where it is (plan, item), the highlighted quote in its
// colour and the note as a plain-text excerpt, then its kind, colour name, tags, how it is
// anchored and when it changed. The quote and note open the passage; History and Trash (or
// Restore, in the trash) act on the entry. All text is React text, never parsed as HTML.
import type { TFunction } from 'i18next';
import type { AnnotationEntry, ColorNames } from '../../../../../shared/api/annotations/methods';
import { useReading } from '../../../reading/reading-context';
import { colorLabel } from './colors';
import { noteExcerpt } from './excerpt';

export interface RowActions {
  onOpen(entry: AnnotationEntry): void;
  onHistory(entry: AnnotationEntry): void;
  onTrash(entry: AnnotationEntry): void;
  onRestore(entry: AnnotationEntry): void;
}

interface Props extends RowActions {
  entry: AnnotationEntry;
  colorNames: ColorNames | undefined;
  formatDate(iso: string): string;
  busy: boolean;
  t: TFunction<'annotationList'>;
}

/** The short name of an annotation in labels: its quote, else its note, else where it is. */
export function entryName(entry: AnnotationEntry): string {
  const text = entry.target?.selectors.quote.exact || noteExcerpt(entry.body, 40) || entry.itemHeadline || entry.planTitle;
  const points = [...text];
  return points.length > 40 ? `${points.slice(0, 39).join('')}…` : text;
}

export function whereOf(entry: AnnotationEntry, t: TFunction<'annotationList'>, zh: (text: string) => string = (text) => text): string {
  const item = entry.itemId === null ? t('entry.planNote') : [entry.itemNumeral, entry.itemHeadline && zh(entry.itemHeadline)].filter(Boolean).join(' ');
  return `${zh(entry.planTitle)} · ${item}`;
}

export function AnnotationRow({ entry, colorNames, formatDate, busy, t, onOpen, onHistory, onTrash, onRestore }: Props) {
  // The plan's Chinese as the reading view shows it (full-width punctuation when chosen; the
  // quote too, as it is highlighted there). English is left as it is.
  const { zh } = useReading();
  const target = entry.target;
  const quote = target ? (target.language === 'zh' ? zh(target.selectors.quote.exact) : target.selectors.quote.exact) : null;
  const excerpt = noteExcerpt(entry.body);
  const trashed = entry.deletedAt !== null;
  const name = entryName(entry);
  const status = entry.anchor?.status;
  const kindLabel = entry.kind === 'highlight' ? t('kind.highlight') : entry.itemId === null ? t('kind.planNote') : t('kind.note');
  const where = whereOf(entry, t, zh);
  return (
    <article className="alist-entry" data-color={entry.color ?? undefined} data-kind={entry.kind} aria-busy={busy || undefined}>
      <div className="alist-entry-main">
        <p className="alist-entry-where" title={where}>
          <span className="alist-entry-plan">{zh(entry.planTitle)}</span>
          <span className="alist-entry-item">
            {entry.itemId === null ? (
              t('entry.planNote')
            ) : (
              <>
                {entry.itemNumeral && <span className="alist-entry-numeral">{entry.itemNumeral}</span>}
                {entry.itemHeadline && zh(entry.itemHeadline)}
              </>
            )}
          </span>
        </p>
        <button type="button" className="alist-entry-open" aria-label={t('entry.open', { where: `${name} — ${where}` })} onClick={() => onOpen(entry)}>
          {quote !== null && (
            <span className="alist-entry-quote">
              <mark data-color={entry.color ?? undefined}>{quote}</mark>
            </span>
          )}
          {excerpt ? (
            <span className="alist-entry-note">{excerpt}</span>
          ) : (
            quote === null && <span className="alist-entry-note alist-faint">{t('entry.noNote')}</span>
          )}
        </button>
        <div className="alist-entry-meta">
          <span className="alist-badge" data-kind={entry.kind}>
            {entry.color && <span className="alist-swatch" data-color={entry.color} aria-hidden="true" />}
            {entry.color ? `${kindLabel} · ${colorLabel(entry.color, colorNames, t)}` : kindLabel}
          </span>
          {status && status !== 'anchored' && (
            <span
              className="alist-badge alist-anchor"
              data-status={status}
              title={
                status === 'relocated'
                  ? t('anchorHint.relocated', { quote: entry.anchor?.previousQuote ?? '' })
                  : t(`anchorHint.${status}`)
              }
            >
              {t(`anchor.${status}`)}
            </span>
          )}
          {entry.tags.length > 0 && (
            <ul className="alist-tags" aria-label={t('entry.tags')}>
              {entry.tags.map((tag) => (
                <li key={tag} className="alist-tag">
                  {tag}
                </li>
              ))}
            </ul>
          )}
          <span className="alist-entry-date">
            {trashed ? t('entry.deleted', { when: formatDate(entry.deletedAt!) }) : t('entry.modified', { when: formatDate(entry.modifiedAt) })}
          </span>
        </div>
      </div>
      <div className="alist-entry-actions">
        <button type="button" aria-label={t('entry.historyOf', { what: name })} title={t('entry.history')} onClick={() => onHistory(entry)}>
          {t('entry.history')}
        </button>
        {trashed ? (
          <button type="button" disabled={busy} aria-label={t('entry.restoreOf', { what: name })} onClick={() => onRestore(entry)}>
            {t('entry.restore')}
          </button>
        ) : (
          <button type="button" disabled={busy} aria-label={t('entry.trashOf', { what: name })} onClick={() => onTrash(entry)}>
            {t('entry.trash')}
          </button>
        )}
      </div>
    </article>
  );
}
