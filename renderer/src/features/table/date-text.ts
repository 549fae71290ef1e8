// Deadlines as the reader reads and types them, whatever the browser's locale: ISO order
// (年-月-日, 2024-05-11) in Chinese; in English the day, the month's name and the year
// (11 May 2024), which no reader misreads as 5 November. Typing accepts either, and the
// common Chinese and numeric forms (2024/5/11, 2024.5.11, 2024年5月11日, May 11 2024).
// Stored: ISO YYYY-MM-DD.

import { printedDate } from '../../../../shared/text/printed-date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month: number, day: number): string | null {
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  // 2024-02-30 rolls over into March: not a date.
  if (date.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function monthOf(word: string): number | null {
  const at = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return at < 0 ? null : at + 1;
}

/** ISO date for what was typed; null for an empty field (no deadline); 'invalid' otherwise. */
export function parseDateText(text: string): string | null | 'invalid' {
  const t = text.trim();
  if (t === '') return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3])) ?? 'invalid';
  // 11 May 2024, 11 May, 2024
  m = /^(\d{1,2})\s+([A-Za-z]{3,})\.?,?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[2]!);
    return month ? (iso(Number(m[3]), month, Number(m[1])) ?? 'invalid') : 'invalid';
  }
  // May 11, 2024
  m = /^([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) {
    const month = monthOf(m[1]!);
    return month ? (iso(Number(m[3]), month, Number(m[2])) ?? 'invalid') : 'invalid';
  }
  return 'invalid';
}

/** How a stored ISO date shows in the interface language: in English as paper prints it (en-GB's
 *  short date with three-letter months, "11 May 2024", the form typing accepts). */
export function formatDate(value: string, language: 'zh' | 'en'): string {
  if (language === 'zh' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return printedDate(value, 'en');
}
