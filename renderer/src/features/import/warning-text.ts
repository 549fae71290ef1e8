// An import warning in the reader's language, from its code and params (the core's English
// message is for the command line), and where it is in words a reader can follow: the page of a
// PDF, the line of a text file, the section it sits under and which paragraph of it.
import type { TFunction } from 'i18next';
import type { ImportWarning } from '../../../../shared/domain/document';

type T = TFunction<'importPlan'>;

export function warningText(w: ImportWarning, t: T): string {
  switch (w.code) {
    case 'skipped-number':
      return w.params.previous === null
        ? t('warnings.messages.skippedFirst', { numbering: w.params.numbering, heading: w.params.heading })
        : t('warnings.messages.skipped', { numbering: w.params.numbering, heading: w.params.heading, previous: w.params.previous });
    case 'count-mismatch':
      return t('warnings.messages.countMismatch', {
        stated: w.params.stated,
        label: w.params.label,
        listed: w.params.listed,
        items: w.params.items.join(t('warnings.listSeparator')),
      });
    case 'unplaced-text':
      return w.params.after === 'signature'
        ? t('warnings.messages.unplacedAfterSignature', { text: w.params.text })
        : t('warnings.messages.unplacedAfterSource', { text: w.params.text });
    case 'no-headings':
      return t('warnings.messages.noHeadings');
    case 'reader':
      return t('warnings.messages.readerListNumbering');
  }
}

/** "page 3, under “二、重点任务”", "paragraph 2 of “一、总体要求”"; null when nothing is known. */
export function warningPlaceText(w: ImportWarning, t: T): string | null {
  const place = w.place;
  if (!place) return null;
  const parts: string[] = [];
  if (place.page !== null) parts.push(t('warnings.place.page', { page: place.page }));
  if (place.line !== null) parts.push(t('warnings.place.line', { line: place.line }));
  if (place.section !== null) {
    parts.push(
      place.paragraph !== null
        ? t('warnings.place.paragraphOf', { paragraph: place.paragraph, section: place.section })
        : t('warnings.place.under', { section: place.section }),
    );
  } else if (place.paragraph !== null) {
    parts.push(t('warnings.place.paragraph', { paragraph: place.paragraph }));
  }
  return parts.length > 0 ? parts.join(t('warnings.place.separator')) : null;
}
