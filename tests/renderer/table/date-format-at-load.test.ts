// The table's code makes no date formatter while it is evaluated: a renderer process's first
// Intl.DateTimeFormat loads ICU's locale data (24 ms of a cold start, on the way to the first
// rows), and a table in Chinese prints no English date. The formatter is made when an English
// date is first shown, once, for the table's cells and paper alike.
import { afterEach, describe, expect, it, vi } from 'vitest';

const RealDateTimeFormat = Intl.DateTimeFormat;

afterEach(() => {
  Intl.DateTimeFormat = RealDateTimeFormat;
  vi.resetModules();
});

/** Spies on every Intl.DateTimeFormat made from here on (constructed with or without new). */
function formattersMade(): unknown[][] {
  const made: unknown[][] = [];
  const Spy = function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
    made.push(args);
    return new RealDateTimeFormat(...args);
  } as unknown as typeof Intl.DateTimeFormat;
  Spy.supportedLocalesOf = RealDateTimeFormat.supportedLocalesOf.bind(RealDateTimeFormat);
  Intl.DateTimeFormat = Spy;
  return made;
}

describe('the table’s dates', () => {
  it('make no date formatter when the table’s code is evaluated', async () => {
    const made = formattersMade();
    await import('../../../renderer/src/features/table/InitiativeTable');
    expect(made).toEqual([]);
  });

  it('make one en-GB formatter when English dates are first shown, and print them as paper does', async () => {
    const made = formattersMade();
    const { formatDate } = await import('../../../renderer/src/features/table/date-text');
    const { printedDate } = await import('../../../shared/text/printed-date');
    expect(formatDate('2024-05-11', 'zh')).toBe('2024-05-11');
    expect(made).toEqual([]);
    expect(formatDate('2024-09-01', 'en')).toBe('1 Sep 2024');
    expect(formatDate('2024-12-31', 'en')).toBe('31 Dec 2024');
    expect(printedDate('2024-09-01', 'en')).toBe('1 Sep 2024');
    expect(made.map(([locale]) => locale)).toEqual(['en-GB']);
  });
});
