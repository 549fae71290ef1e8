// Plan text (a title, a headline, a name) in the reader's chosen language(s): the Chinese, its
// English, or both with the English beneath. Each carries its lang so fonts and screen readers
// follow the text, not the interface.
import { useTranslation } from '../i18n/ui-text';
import { useReading } from '../reading/reading-context';
import { EnglishText } from './EnglishText';

export function PlanText({ zh, en }: { zh: string; en: string | null | undefined }) {
  const { showZh, showEn, zh: display } = useReading();
  const english =
    showEn && en ? (
      <span lang="en" className="plan-en">
        <EnglishText text={en} />
      </span>
    ) : null;
  if (english && !showZh) return english;
  return (
    <>
      <span lang="zh-CN" className="plan-zh">
        {display(zh)}
      </span>
      {/* A space, so the accessible name reads "中文 English", not "中文English". */}
      {english && ' '}
      {english}
    </>
  );
}

/**
 * An initiative's printed numeral (第一); English-only reading numbers it (1.) instead. Only
 * that one asks for the interface's t: the first screen draws some forty numerals.
 */
export function Numeral({ numeral, ordinal }: { numeral: string; ordinal: number }) {
  const { showZh } = useReading();
  return showZh ? (
    <span className="numeral" lang="zh-CN">
      {numeral}
    </span>
  ) : (
    <EnglishNumeral ordinal={ordinal} />
  );
}

function EnglishNumeral({ ordinal }: { ordinal: number }) {
  const { t } = useTranslation();
  return <span className="numeral">{t('ordinalNumeral', { ordinal })}</span>;
}
