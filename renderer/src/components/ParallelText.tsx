// Chinese and English side by side, one grid row per Chinese sentence with its English beside
// it (the translation is aligned sentence by sentence). Narrow windows stack each pair. The
// translation is marked unofficial once per screen (the plan strip), not on every body.
import { useTranslation } from '../i18n/ui-text';
import { anchorAttributes } from '../features/annotations/reading/offsets';
import { pairSentences } from '../reading/sentences';
import { EnglishText } from './EnglishText';

interface Props {
  zh: readonly string[];
  en: readonly string[];
  className?: string;
  /** An item's body: where each sentence starts in the body's canonical text of its language. */
  anchors?: { zh: readonly (number | null)[]; en: readonly (number | null)[] };
}

export function ParallelText({ zh, en, className, anchors }: Props) {
  const { t } = useTranslation();
  const attrs = (language: 'zh' | 'en', i: number) => {
    const start = anchors?.[language][i];
    return start != null ? anchorAttributes('body', language, start) : undefined;
  };
  return (
    <div className={className ? `parallel ${className}` : 'parallel'}>
      <div className="parallel-head">
        <span>{t('translation.original')}</span>
        <span>{t('translation.english')}</span>
      </div>
      {pairSentences(zh, en).map((pair, i) => (
        <div className="parallel-row" key={i}>
          <p lang="zh-CN" className="parallel-zh" {...attrs('zh', i)}>
            {pair.zh}
          </p>
          <p lang="en" className="parallel-en" {...attrs('en', i)}>
            {pair.en !== null && <EnglishText text={pair.en} />}
          </p>
        </div>
      ))}
    </div>
  );
}
