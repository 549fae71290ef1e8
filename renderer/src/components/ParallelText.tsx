// Chinese and English side by side, one grid row per Chinese sentence with its English beside
// it (the translation is aligned sentence by sentence). Narrow windows stack each pair. The
// translation is marked unofficial once per screen (the plan strip), not on every body.
import { useTranslation } from 'react-i18next';
import { pairSentences } from '../reading/sentences';
import { EnglishText } from './EnglishText';

export function ParallelText({ zh, en, className }: { zh: readonly string[]; en: readonly string[]; className?: string }) {
  const { t } = useTranslation();
  return (
    <div className={className ? `parallel ${className}` : 'parallel'}>
      <div className="parallel-head">
        <span>{t('translation.original')}</span>
        <span>{t('translation.english')}</span>
      </div>
      {pairSentences(zh, en).map((pair, i) => (
        <div className="parallel-row" key={i}>
          <p lang="zh-CN" className="parallel-zh">
            {pair.zh}
          </p>
          <p lang="en" className="parallel-en">
            {pair.en !== null && <EnglishText text={pair.en} />}
          </p>
        </div>
      ))}
    </div>
  );
}
