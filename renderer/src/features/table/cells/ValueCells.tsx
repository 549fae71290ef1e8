// Read-only cells: the short id, the plan's title, the theme (plan text), counts and the
// last-touched time.
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { themeText } from '../plan-text';
import { useTableEnv } from '../table-env';
import { PlanTextCell } from './PlanTextCell';

export function ShortIdCell({ row }: { row: InitiativeRow }) {
  return <span className="itable-id">{row.shortId}</span>;
}

/** The title the reader knows the plan by (their rename, else its own), as written. */
export function PlanCell({ row }: { row: InitiativeRow }) {
  return (
    <span className="itable-plan" title={row.planTitle}>
      {row.planTitle}
    </span>
  );
}

export function ThemeCell({ row }: { row: InitiativeRow }) {
  const { readingMode, translation } = useTableEnv();
  return <PlanTextCell text={themeText(row.themeId, row.themeHeadline, translation)} mode={readingMode} />;
}

export function CountCell({ value }: { value: number }) {
  const { language } = useTableEnv();
  return <span className={value === 0 ? 'itable-num itable-zero' : 'itable-num'}>{value.toLocaleString(language)}</span>;
}

const formats = new Map<string, Intl.DateTimeFormat>();

export function formatTouched(iso: string, language: string): string {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    formats.set(language, format);
  }
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : format.format(date);
}

export function TouchedCell({ value }: { value: string | null }) {
  const { language } = useTableEnv();
  if (!value) return null;
  return (
    <time className="itable-num" dateTime={value} title={value}>
      {formatTouched(value, language)}
    </time>
  );
}
