// A body of plan text (an initiative's, the lead) in the chosen mode: Chinese paragraphs,
// English grouped into the same paragraphs, or both side by side sentence by sentence.
import { useReading } from '../reading/reading-context';
import { chineseSentences, englishParagraphs } from '../reading/sentences';
import { paragraphs } from './format';
import { ParallelText } from './ParallelText';

export function ReadingBody({ zh, en, className }: { zh: string; en: readonly string[] | undefined; className: string }) {
  const { showZh, showEn } = useReading();
  if (showEn && en && showZh) return <ParallelText zh={chineseSentences(zh)} en={en} className={className} />;
  const [lang, texts] = showEn && en ? ['en', englishParagraphs(zh, en)] : ['zh-CN', paragraphs(zh)];
  return (
    <div className={className} lang={lang}>
      {texts.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </div>
  );
}
