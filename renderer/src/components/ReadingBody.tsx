// A body of plan text (an initiative's, the lead) in the chosen mode: Chinese paragraphs,
// English grouped into the same paragraphs, or both side by side sentence by sentence.
import { useReading } from '../reading/reading-context';
import { chineseSentences, englishParagraphs } from '../reading/sentences';
import { paragraphs } from './format';
import { EnglishText } from './EnglishText';
import { ParallelText } from './ParallelText';

export function ReadingBody({ zh, en, className }: { zh: string; en: readonly string[] | undefined; className: string }) {
  const { showZh, showEn, zh: display } = useReading();
  if (showEn && en && showZh) return <ParallelText zh={chineseSentences(zh).map(display)} en={en} className={className} />;
  if (showEn && en)
    return (
      <div className={className} lang="en">
        {englishParagraphs(zh, en).map((p, i) => (
          <p key={i}>
            <EnglishText text={p} />
          </p>
        ))}
      </div>
    );
  return (
    <div className={className} lang="zh-CN">
      {paragraphs(zh).map((p, i) => (
        <p key={i}>{display(p)}</p>
      ))}
    </div>
  );
}
