// Dates on paper, one way for everything the app prints: a briefing packet (composed by the
// core) and the table's and the dashboard's running headers (drawn by the renderer). In Chinese
// the written form 2024年6月1日, which a printed document uses rather than the date fields'
// 2024-06-01; in English en-GB's short date with three-letter months (1 Jun 2024), as the date
// fields show and accept it.

/** en-GB's short date (day, abbreviated month, year), in UTC so an ISO date never shifts a day.
 *  Made on first use, not when the module is evaluated: a process's first DateTimeFormat loads
 *  ICU's locale data (24 ms of a cold renderer's start), and the table's code, which imports
 *  this, opens in Chinese for most readers and prints no English date. */
let englishDate: Intl.DateTimeFormat | undefined;
const englishDateFormat = () =>
  (englishDate ??= new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }));

/** Today (or `now`) as the reader's calendar has it, YYYY-MM-DD. */
export function localDay(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/** An ISO date as `language` prints it (en-GB's "Sept" is not a three-letter month: "Sep"). A
 *  date with a time (2024-05-11 08:00) prints its day; any other text as it is. */
export function printedDate(iso: string, language: 'zh' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(iso);
  if (!m) return iso;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (language === 'zh') return `${year}年${month}月${day}日`;
  return englishDateFormat().format(new Date(Date.UTC(year, month - 1, day))).replace('Sept', 'Sep');
}
