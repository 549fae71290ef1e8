// Deadlines as typed and shown: ISO (年-月-日) for Chinese, "11 May 2024" for English, and the
// usual other spellings accepted; impossible dates refused, never rolled over.
import { describe, expect, it } from 'vitest';
import { formatDate, parseDateText } from '../../../renderer/src/features/table/date-text';

describe('date text', () => {
  it.each([
    ['2024-05-11', '2024-05-11'],
    ['2024-5-1', '2024-05-01'],
    ['2024/5/11', '2024-05-11'],
    ['2024.05.11', '2024-05-11'],
    ['2024年5月11日', '2024-05-11'],
    ['11 May 2024', '2024-05-11'],
    ['11 may, 2024', '2024-05-11'],
    ['May 11, 2024', '2024-05-11'],
    ['September 3 2025', '2025-09-03'],
    ['  2024-02-29 ', '2024-02-29'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it('takes an empty field as no deadline', () => {
    expect(parseDateText('   ')).toBeNull();
  });

  it.each(['05/06/2025', '2025-02-29', '2024-13-01', '2024-04-31', '11 Mai 2024', '20245-01-01', 'tomorrow', '0999-01-01'])(
    'refuses %s (ambiguous or not a date)',
    (text) => {
      expect(parseDateText(text)).toBe('invalid');
    },
  );

  it('shows ISO in Chinese and day, month name, year in English', () => {
    expect(formatDate('2024-05-11', 'zh')).toBe('2024-05-11');
    expect(formatDate('2024-05-11', 'en')).toBe('11 May 2024');
    expect(formatDate('2025-12-01', 'en')).toBe('1 Dec 2025');
    expect(formatDate('', 'en')).toBe('');
  });
});
