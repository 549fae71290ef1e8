// Plan text (read-only) in the reader's reading mode, on one line with the whole text as a tooltip.
import { useTranslation } from 'react-i18next';
import type { ReadingMode } from '../../feature-props';
import { plainText, textParts, type PlanText } from '../plan-text';

export function PlanTextSpans({ text, mode }: { text: PlanText; mode: ReadingMode }) {
  return (
    <>
      {textParts(text, mode).map((part, i) => (
        <span key={part.lang} lang={part.lang} className={i > 0 ? 'itable-alt' : undefined}>
          {part.text}
        </span>
      ))}
    </>
  );
}

export function PlanTextCell({ text, mode }: { text: PlanText; mode: ReadingMode }) {
  const { t } = useTranslation('table');
  return (
    <span className="itable-text" title={plainText(text, mode, t)}>
      <PlanTextSpans text={text} mode={mode} />
    </span>
  );
}
