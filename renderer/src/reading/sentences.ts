// The sentence rule lives in shared/text/sentences.ts (one rule for translation alignment,
// search and the document model; tests/core/translation-file.test.ts checks the shipped
// translation against it). This module pairs the sentences for side-by-side reading.
import { chineseSentences } from '../../../shared/text/sentences';

export { chineseSentences };

/** One row of a side-by-side reading: a Chinese sentence and its English, either may be missing. */
export interface SentencePair {
  zh: string | null;
  en: string | null;
}

/** Pairs sentence i with English i; a count mismatch leaves the extra side unpaired, not shifted. */
export function pairSentences(zh: readonly string[], en: readonly string[]): SentencePair[] {
  const rows = Math.max(zh.length, en.length);
  return Array.from({ length: rows }, (_, i) => ({ zh: zh[i] ?? null, en: en[i] ?? null }));
}

/**
 * The English sentences grouped as the Chinese paragraphs are: a Chinese paragraph's English is
 * the English of the sentences that start in it, so English-only reading keeps the breaks.
 */
export function englishParagraphs(zhText: string, en: readonly string[]): string[] {
  const paragraphs = zhText
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length <= 1) return en.length > 0 ? [en.join(' ')] : [];
  const out: string[] = [];
  let next = 0;
  paragraphs.forEach((p, i) => {
    const isLast = i === paragraphs.length - 1;
    const count = isLast ? en.length - next : chineseSentences(p).length;
    const group = en.slice(next, next + count);
    next += group.length;
    if (group.length > 0) out.push(group.join(' '));
  });
  return out;
}
