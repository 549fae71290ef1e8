// How plan text is shown right now: the reader's chosen mode and the plan's English, shared
// by every reading component (outline, overview, initiative, lists, plan context) so they
// always agree.
import { createContext, useContext } from 'react';
import type { PlanTranslation } from '../../../shared/domain/translation';
import { fullWidthPunctuation } from '../../../shared/text/cjk-punctuation';
import type { ReadingMode } from '../features/feature-props';

export type TranslationState =
  | { status: 'loading' }
  | { status: 'ready'; translation: PlanTranslation }
  | { status: 'missing' };

export interface Reading {
  mode: ReadingMode;
  translation: PlanTranslation | null;
  translationStatus: TranslationState['status'];
  /** What to show: English only when the translation is there; Chinese whenever English is not alone. */
  showZh: boolean;
  showEn: boolean;
  /** Chinese plan text as displayed: with full-width punctuation when the reader wants it
   *  (the stored text, exports and search keep what the source wrote). */
  zh(text: string): string;
}

const asWritten = (text: string) => text;

export function readingOf(mode: ReadingMode, state: TranslationState, fullWidth = false): Reading {
  const translation = state.status === 'ready' ? state.translation : null;
  const showEn = translation !== null && mode !== 'zh';
  return {
    mode,
    translation,
    translationStatus: state.status,
    showEn,
    showZh: !showEn || mode === 'both',
    zh: fullWidth ? fullWidthPunctuation : asWritten,
  };
}

export const ReadingContext = createContext<Reading>(readingOf('zh', { status: 'missing' }));

export function useReading(): Reading {
  return useContext(ReadingContext);
}
