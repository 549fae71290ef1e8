// A body of plan text (an initiative's, the lead) in the chosen mode: Chinese paragraphs,
// English grouped into the same paragraphs, or both side by side sentence by sentence. An item's
// body is `annotatable`: each paragraph or sentence carries where it sits in the body's canonical
// text, so a selection maps to a passage and a highlight back to the words on screen.
import { anchorAttributes, pieceStarts } from '../features/annotations/reading/offsets';
import { useReading } from '../reading/reading-context';
import { chineseSentences, englishParagraphs } from '../reading/sentences';
import { paragraphs } from './format';
import { EnglishText } from './EnglishText';
import { ParallelText } from './ParallelText';

interface Props {
  zh: string;
  en: readonly string[] | undefined;
  className: string;
  /** An item's body: its pieces carry their offsets (features/annotations/reading/offsets.ts). */
  annotatable?: boolean;
}

export function ReadingBody({ zh, en, className, annotatable = false }: Props) {
  const { showZh, showEn, zh: display } = useReading();
  const attrs = (language: 'zh' | 'en', start: number | null | undefined) =>
    annotatable && start != null ? anchorAttributes('body', language, start) : undefined;
  if (showEn && en && showZh) {
    const sentences = chineseSentences(zh);
    const anchors = annotatable ? { zh: pieceStarts(zh, sentences), en: pieceStarts(en.join(' '), en) } : undefined;
    return <ParallelText zh={sentences.map(display)} en={en} className={className} anchors={anchors} />;
  }
  if (showEn && en) {
    const groups = englishParagraphs(zh, en);
    const starts = annotatable ? pieceStarts(en.join(' '), groups) : [];
    return (
      <div className={className} lang="en">
        {groups.map((p, i) => (
          <p key={i} {...attrs('en', starts[i])}>
            <EnglishText text={p} />
          </p>
        ))}
      </div>
    );
  }
  const pieces = paragraphs(zh);
  const starts = annotatable ? pieceStarts(zh, pieces) : [];
  return (
    <div className={className} lang="zh-CN">
      {pieces.map((p, i) => (
        <p key={i} {...attrs('zh', starts[i])}>
          {display(p)}
        </p>
      ))}
    </div>
  );
}
