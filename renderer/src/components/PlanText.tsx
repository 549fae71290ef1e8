// Plan text (a title, a headline, a name) in the reader's chosen language(s): the Chinese, its
// English, or both with the English beneath. Each carries its lang so fonts and screen readers
// follow the text, not the interface.
import type { ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n/ui-text';
import { useReading, type Reading } from '../reading/reading-context';
import { EnglishText } from './EnglishText';

export function PlanText({ zh, en }: { zh: string; en: string | null | undefined }) {
  return planText(useReading(), zh, en);
}

/**
 * PlanText's elements, for a list that draws many (the outline and the overview's cards: about
 * a hundred headlines on the first screen). Called as a function in the list's own render it
 * adds no component of its own to the tree: each would be a fiber to create, render and commit,
 * and a context to read, for the same two spans.
 */
export function planText(reading: Reading, zh: string, en: string | null | undefined): ReactNode {
  const { showZh, showEn, zh: display } = reading;
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

/** An initiative's printed numeral (第一); English-only reading numbers it (1.) instead. */
export function Numeral({ numeral, ordinal }: { numeral: string; ordinal: number }) {
  const { t } = useTranslation();
  return numeralOf(useReading(), t, numeral, ordinal);
}

/** Numeral's element, called as a function by the lists that draw many (see planText). */
export function numeralOf(reading: Reading, t: TFunction<'common'>, numeral: string, ordinal: number): ReactNode {
  return reading.showZh ? (
    <span className="numeral" lang="zh-CN">
      {numeral}
    </span>
  ) : (
    <span className="numeral">{t('ordinalNumeral', { ordinal })}</span>
  );
}
