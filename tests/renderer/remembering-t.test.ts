// The interface's remembering t (renderer/src/i18n/remembering-t.ts) gives what i18next gives:
// for the calls the table's cells make row after row, the labels the first screen asks for at
// each render, an ordinal through a format, plurals, a missing key, a text that formats its
// value and values i18next must see (an object); and it stops remembering at its limit. Given
// the catalogue's text, it answers every label of every namespace, and every text with plain
// placeholders, as i18next does, without asking i18next for the labels.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { createI18n } from '../../renderer/src/i18n/i18n';
import { rememberingT } from '../../renderer/src/i18n/remembering-t';
import { CATALOGUE, LANGUAGES, type Namespace } from '../../renderer/src/i18n/catalogue';

type Plain = (key: string, options?: Record<string, unknown>) => unknown;

/** A t of `ns` in `language`, the remembering one over it, and how many calls reached i18next. */
function counted(language: 'zh' | 'en', ns: Namespace) {
  const t = createI18n(language).getFixedT(language, ns);
  const direct = t as unknown as Plain;
  const count = { asked: 0 };
  const counting = ((key: string, options?: Record<string, unknown>) => {
    count.asked++;
    return direct(key, options);
  }) as unknown as TFunction<Namespace>;
  return { direct, remembering: rememberingT(counting) as unknown as Plain, count };
}

const TABLE_CALLS: [string, Record<string, unknown>?][] = [
  ['columns.status'],
  ['unset'],
  ['edit.field', { column: '状态', id: 'T1·I2' }],
  ['edit.field', { column: 'Status', id: 'T3·I14' }],
  ['edit.open', { id: 'T2·I1' }],
  ['bilingual', { zh: '数字经济', en: 'Digital economy' }],
  ['selection.row', { id: 'A{{id}}B' }],
  ['summary.total', { count: 1 }],
  ['summary.total', { count: 100000 }],
  ['edit.tagCount', { count: 3 }],
  ['no.such.key'],
  ['no.such.key', { id: 'x' }],
];

const COMMON_CALLS: [string, Record<string, unknown>?][] = [
  ['overview'],
  ['themeLabel', { ordinal: 1 }],
  ['themeLabel', { ordinal: 12 }],
  ['ordinalNumeral', { ordinal: 3 }],
  ['views.read'],
];

describe('the remembering t', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`answers the table's calls as i18next does (${language}), the first time and again`, () => {
      const { direct, remembering, count } = counted(language, 'table');
      for (let round = 0; round < 2; round++) {
        count.asked = 0;
        for (const [key, options] of TABLE_CALLS) expect(remembering(key, options), `${key} ${JSON.stringify(options)}`).toBe(direct(key, options));
      }
      // The second time round only the missing key with an option (its text keeps no marker)
      // went to i18next: the plurals were remembered whole, by their count.
      expect(count.asked).toBe(1);
    });

    it(`answers the first screen's labels as i18next does (${language}), each asked for once`, () => {
      const { direct, remembering, count } = counted(language, 'common');
      for (let round = 0; round < 3; round++) {
        for (const [key, options] of COMMON_CALLS) expect(remembering(key, options), `${key} ${JSON.stringify(options)}`).toBe(direct(key, options));
      }
      expect(count.asked).toBe(COMMON_CALLS.length);
      if (language === 'zh') expect(remembering('themeLabel', { ordinal: 12 })).toBe('主题十二');
    });
  }

  it('leaves to i18next a text that does not keep its value as given (a format), and values that are objects', () => {
    const i18n = i18next.createInstance();
    void i18n.init({
      lng: 'en',
      resources: { en: { table: { shout: 'say {{word, upper}}!', when: 'on {{day, stamp}}' } } },
      initAsync: false,
      interpolation: { escapeValue: false },
    });
    i18n.services.formatter?.add('upper', (value: string) => value.toUpperCase());
    i18n.services.formatter?.add('stamp', (value: { day: number }) => `day ${value.day}`);
    const remembering = rememberingT(i18n.getFixedT('en', 'table') as unknown as TFunction<'table'>) as unknown as Plain;
    expect(remembering('shout', { word: 'hi' })).toBe('say HI!');
    expect(remembering('shout', { word: 'there' })).toBe('say THERE!');
    // The same object changed between two calls: remembered by its contents it would give the
    // first day again.
    const day = { day: 1 };
    expect(remembering('when', { day })).toBe('on day 1');
    day.day = 2;
    expect(remembering('when', { day })).toBe('on day 2');
  });

  it('stops remembering whole texts past its limit and still answers as i18next does', () => {
    const { direct, remembering, count } = counted('en', 'table');
    for (let n = 0; n < 2500; n++) remembering('summary.total', { count: n });
    count.asked = 0;
    for (const n of [0, 1999, 2000, 2499]) expect(remembering('summary.total', { count: n })).toBe(direct('summary.total', { count: n }));
    // The first 2,000 counts were remembered; the later ones go to i18next each time.
    expect(count.asked).toBe(2);
  });

  describe("with the catalogue's text at hand", () => {
    /** Every key of a namespace's catalogue that holds a string, as i18next names it (a.b.c). */
    const keysOf = (value: unknown, prefix = ''): string[] =>
      typeof value === 'string'
        ? [prefix]
        : value !== null && typeof value === 'object'
          ? Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k))
          : [];

    for (const language of LANGUAGES) {
      for (const ns of Object.keys(CATALOGUE) as Namespace[]) {
        it(`answers every key of ${ns} as i18next does (${language}), asking i18next only for texts with placeholders`, () => {
          const i18n = createI18n(language);
          const direct = i18n.getFixedT(language, ns) as unknown as Plain;
          let asked = 0;
          const counting = ((key: string, options?: Record<string, unknown>) => {
            asked++;
            return direct(key, options);
          }) as unknown as TFunction<Namespace>;
          const remembering = rememberingT(counting, (key) => i18n.getResource(language, ns, key)) as unknown as Plain;
          const keys = keysOf(CATALOGUE[ns][language]);
          expect(keys.length).toBeGreaterThan(0);
          const written = (key: string) => String(i18n.getResource(language, ns, key));
          for (const key of keys) expect(remembering(key), key).toBe(direct(key));
          // Only the texts i18next must read itself (a placeholder, a nested key) reached it.
          expect(asked).toBe(keys.filter((key) => written(key).includes('{{') || written(key).includes('$t(')).length);
          // Each text with placeholders, given a string for each: CJK, and text that looks like
          // a placeholder (which must come out as given).
          for (const key of keys) {
            const names = [...new Set([...written(key).matchAll(/\{\{\s*-?\s*([\w.]+)/g)].map((m) => m[1]!))];
            if (names.length === 0) continue;
            const options = Object.fromEntries(names.map((n, i) => [n, i % 2 ? `改革{{${n}}}` : `v${i}`]));
            for (let round = 0; round < 2; round++) expect(remembering(key, options), `${key} ${JSON.stringify(options)}`).toBe(direct(key, options));
          }
        });
      }
    }

    it('leaves to i18next a placeholder of another form and a nested key', () => {
      const i18n = i18next.createInstance();
      void i18n.init({
        lng: 'en',
        resources: { en: { table: { shout: 'say {{word, upper}}!', spaced: 'a {{ word }} b', nested: 'see $t(plain)', plain: 'plain', two: '{{a}} and {{b}}' } } },
        initAsync: false,
        interpolation: { escapeValue: false },
      });
      i18n.services.formatter?.add('upper', (value: string) => value.toUpperCase());
      const direct = i18n.getFixedT('en', 'table') as unknown as Plain;
      const remembering = rememberingT(direct as unknown as TFunction<'table'>, (key) => i18n.getResource('en', 'table', key)) as unknown as Plain;
      expect(remembering('shout', { word: 'hi' })).toBe('say HI!');
      expect(remembering('spaced', { word: 'hi' })).toBe(direct('spaced', { word: 'hi' }));
      expect(remembering('nested')).toBe('see plain');
      // A value not named in the text, or a name the text has and the call does not give.
      expect(remembering('two', { a: 'x', b: 'y', c: 'z' })).toBe(direct('two', { a: 'x', b: 'y', c: 'z' }));
      expect(remembering('two', { a: 'x' })).toBe(direct('two', { a: 'x' }));
    });
  });
});
