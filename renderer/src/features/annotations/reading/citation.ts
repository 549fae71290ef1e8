// "Copy with citation": the quote with where it comes from, as plain text a reader can paste
// into a memo. Chinese quotes are cited the Chinese way (“…”——《题名》第三 标题), English ones
// in English; paragraph breaks inside the quote become one space (or nothing between Chinese).
import type { AnnotatedLanguage } from '../../../../../shared/api/annotations/methods';

export interface CitationSource {
  planTitle: string;
  /** The item's printed numeral (第三) for Chinese; its ordinal for English. */
  numeral: string;
  ordinal: number;
  headline: string;
}

export function citation(quote: string, language: AnnotatedLanguage, source: CitationSource): string {
  if (language === 'zh') {
    const text = quote.replace(/[\s\u3000]*\n[\s\u3000]*/g, '').trim();
    return `“${text}”——《${source.planTitle}》${source.numeral} ${source.headline}`;
  }
  const text = quote.replace(/\s+/g, ' ').trim();
  return `“${text}” — ${source.planTitle}, initiative ${source.ordinal}: ${source.headline}`;
}

/**
 * Puts plain text on the clipboard. A copy event carries it first: that works inside the click
 * that asked for it with no clipboard permission (the desktop grants none); the async clipboard
 * API is the fallback.
 */
export async function copyText(text: string, doc: Document = document): Promise<void> {
  let done = false;
  const onCopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    done = true;
  };
  doc.addEventListener('copy', onCopy, true);
  try {
    doc.execCommand('copy');
  } catch {
    // Not supported here: the async API below.
  } finally {
    doc.removeEventListener('copy', onCopy, true);
  }
  if (!done) await navigator.clipboard.writeText(text);
}
