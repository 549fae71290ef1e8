// The table's remembering t (features/table/table-env.ts) gives what i18next gives, for the
// calls the cells make row after row, a plural, a missing key, and a text that formats its value.
import { describe, expect, it } from 'vitest';
import i18next, { type TFunction } from 'i18next';
import { rememberingT } from '../../../renderer/src/features/table/table-env';
import { createI18n } from '../../../renderer/src/i18n/i18n';

const CALLS: [string, Record<string, unknown>?][] = [
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

describe('the table’s remembering t', () => {
  for (const language of ['zh', 'en'] as const) {
    it(`answers as i18next does (${language}), the first time and again`, () => {
      const t = createI18n(language).getFixedT(language, 'table') as TFunction<'table'>;
      const direct = t as unknown as (key: string, options?: Record<string, unknown>) => string;
      let asked = 0;
      const counting = ((key: string, options?: Record<string, unknown>) => {
        asked++;
        return direct(key, options);
      }) as unknown as TFunction<'table'>;
      const remembering = rememberingT(counting) as unknown as (key: string, options?: Record<string, unknown>) => string;
      for (let round = 0; round < 2; round++) {
        asked = 0;
        for (const [key, options] of CALLS) expect(remembering(key, options), `${key} ${JSON.stringify(options)}`).toBe(direct(key, options));
      }
      // The second time round only the three plurals and the missing key with an option (its
      // text keeps no marker) went to i18next: the rest was remembered.
      expect(asked).toBe(4);
    });
  }

  it('leaves to i18next a text that does not keep its value as given (a format)', () => {
    const i18n = i18next.createInstance();
    void i18n.init({ lng: 'en', resources: { en: { table: { shout: 'say {{word, upper}}!' } } }, initAsync: false, interpolation: { escapeValue: false } });
    i18n.services.formatter?.add('upper', (value: string) => value.toUpperCase());
    const t = i18n.getFixedT('en', 'table') as unknown as TFunction<'table'>;
    const remembering = rememberingT(t) as unknown as (key: string, options?: Record<string, unknown>) => string;
    expect(remembering('shout', { word: 'hi' })).toBe('say HI!');
    expect(remembering('shout', { word: 'there' })).toBe('say THERE!');
  });
});
