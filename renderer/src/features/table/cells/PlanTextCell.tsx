// Plan text (read-only) in the reader's reading mode, on one line with the whole text as a tooltip.
import { useTableEnv } from '../table-env';
import type { ReadingMode } from '../../feature-props';
import { useReading } from '../../../reading/reading-context';
import { plainText, textParts, type PlanText } from '../plan-text';

/** The Chinese shown with the reader's punctuation display setting, as in the reading view
 *  (the stored text, copies and exports keep the punctuation as written). */
export function PlanTextSpans({ text, mode }: { text: PlanText; mode: ReadingMode }) {
  const { zh } = useReading();
  return (
    <>
      {textParts(text, mode).map((part, i) => (
        <span key={part.lang} lang={part.lang} className={i > 0 ? 'itable-alt' : undefined}>
          {part.lang === 'zh-CN' ? zh(part.text) : part.text}
        </span>
      ))}
    </>
  );
}

export function PlanTextCell({ text, mode }: { text: PlanText; mode: ReadingMode }) {
  const { t } = useTableEnv();
  return (
    <span className="itable-text" title={plainText(text, mode, t)}>
      <PlanTextSpans text={text} mode={mode} />
    </span>
  );
}
