// A date typed and shown in the interface language, not the browser's: Chromium's
// <input type="date"> draws its segments in the browser's locale (mm/dd/yyyy before a Chinese
// page on an English system). The table's deadline cells read and show dates the same way
// (table/date-text.ts): 2024-05-11 in Chinese, 11 May 2024 in English; either form, and
// 2024年5月11日 or 2024/5/11, is read in both. The value stays an ISO date (YYYY-MM-DD). What
// was typed is read when Enter is pressed or focus leaves; a text that is not a date stays in the
// field, marked, with a message saying how to write it, and nothing is stored until it reads.
// ↑ / ↓ step a day.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { formatDate, parseDateText } from '../table/date-text';
import { localDay } from '../../../../shared/text/printed-date';

/** `iso` moved by `days` (calendar days, no time zone involved). */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface DateFieldProps {
  id: string;
  /** ISO date, or null for none. */
  value: string | null;
  disabled?: boolean;
  /** Called with the ISO date read (null when emptied); never with a text that is not a date. */
  onChange(value: string | null): void;
  /** Told whether the field holds a date (or nothing) or a text that does not read as one. */
  onValidity?(valid: boolean): void;
}

export function DateField({ id, value, disabled, onChange, onValidity }: DateFieldProps) {
  const { t, i18n } = useTranslation('packets');
  const language = i18n.language === 'en' ? 'en' : 'zh';
  const shown = value ? formatDate(value, language) : '';
  const [text, setText] = useState(shown);
  const [invalid, setInvalid] = useState(false);
  const messageId = useId();
  // A new value from outside (another language, the run-date box, a packet opened) replaces the
  // text, during the render that brings it (React's pattern for state following a prop).
  const [shownBefore, setShownBefore] = useState(shown);
  if (shown !== shownBefore) {
    setShownBefore(shown);
    setText(shown);
    setInvalid(false);
  }
  useEffect(() => onValidity?.(!invalid), [invalid, onValidity]);

  const read = (typed: string) => {
    const parsed = parseDateText(typed);
    if (parsed === 'invalid') {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setText(parsed ? formatDate(parsed, language) : '');
    if (parsed !== value) onChange(parsed);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      read(e.currentTarget.value);
    } else if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      const parsed = parseDateText(e.currentTarget.value);
      if (parsed === 'invalid') return;
      e.preventDefault();
      // From an empty field the first step lands on today.
      const next = parsed ? addDays(parsed, e.key === 'ArrowUp' ? 1 : -1) : localDay();
      setInvalid(false);
      setText(formatDate(next, language));
      onChange(next);
    }
  };
  const hint = t('dateField.hint');
  return (
    <>
      <input
        id={id}
        type="text"
        className="pk-date"
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder={hint}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={messageId}
        onChange={(e) => {
          setText(e.target.value);
          if (invalid) setInvalid(false);
        }}
        onBlur={(e) => read(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <span id={messageId} className={invalid ? 'pk-hint pk-date-problem' : 'pk-hint'} role={invalid ? 'alert' : undefined}>
        {invalid ? t('dateField.invalid', { text: text.trim() }) : hint}
      </span>
    </>
  );
}
