// Dates and sizes of backups in the reader's language.
import type { Language } from '../../i18n/catalogue';
import { HTML_LANG } from '../../i18n/i18n';

export function formatWhen(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(HTML_LANG[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatSize(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(HTML_LANG[language], { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
