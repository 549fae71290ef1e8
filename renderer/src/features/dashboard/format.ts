// Numbers and dates in the UI language, through Intl only (no digits or date words in the
// catalogue), so zh shows 2025年3月10日 and 3天后 and en shows Mar 10, 2025 and in 3 days.
import { utcDay } from './local-date';

export interface Formatters {
  /** BCP 47 tag the formatters use. */
  locale: string;
  number(n: number): string;
  /** A share in 0…1 as a whole percentage. */
  percent(share: number): string;
  /** A `YYYY-MM-DD` day, e.g. 2025年3月10日 / Mar 10, 2025. */
  date(day: string): string;
  /** Days from today: 0 → today, 1 → tomorrow, -3 → 3 days ago. */
  relativeDays(days: number): string;
}

export function localeOf(language: string): string {
  return language.startsWith('zh') ? 'zh-CN' : 'en';
}

export function createFormatters(language: string): Formatters {
  const locale = localeOf(language);
  const numberFormat = new Intl.NumberFormat(locale);
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    locale,
    number: (n) => numberFormat.format(n),
    percent: (share) => percentFormat.format(share),
    date: (day) => dateFormat.format(utcDay(day)),
    relativeDays: (days) => relativeFormat.format(days, 'day'),
  };
}
