// The UI catalogue: every namespace has the same keys in Chinese and English, no empty value,
// and the same interpolation variables on both sides (a variable missing in one language
// would silently drop a number or a name from the UI).
import { describe, expect, it } from 'vitest';
import { CATALOGUE, LANGUAGES } from '../../renderer/src/i18n/catalogue';

/** key path → string value, for every leaf of a namespace. */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else {
    out.set(path, value);
  }
  return out;
}

const variables = (text: string): string[] =>
  [...text.matchAll(/\{\{\s*([^,}\s]+)[^}]*\}\}/g)].map((m) => m[1]!).sort();

describe('the UI catalogue', () => {
  it('has Chinese and English for every namespace', () => {
    expect(LANGUAGES).toEqual(['zh', 'en']);
    for (const [ns, texts] of Object.entries(CATALOGUE)) {
      expect(Object.keys(texts).sort(), ns).toEqual([...LANGUAGES].sort());
    }
  });

  for (const [ns, texts] of Object.entries(CATALOGUE)) {
    describe(`namespace ${ns}`, () => {
      const zh = leaves(texts.zh);
      const en = leaves(texts.en);

      it('has exactly the same keys in zh and en', () => {
        expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
      });

      it('has only non-empty strings', () => {
        expect(zh.size).toBeGreaterThan(0);
        for (const [lng, map] of [['zh', zh], ['en', en]] as const) {
          for (const [key, value] of map) {
            expect(typeof value, `${ns}:${key} (${lng})`).toBe('string');
            expect((value as string).trim(), `${ns}:${key} (${lng}) is empty`).not.toBe('');
          }
        }
      });

      it('uses the same interpolation variables in zh and en', () => {
        for (const [key, value] of zh) {
          if (typeof value !== 'string' || typeof en.get(key) !== 'string') continue;
          expect(variables(en.get(key) as string), `${ns}:${key}`).toEqual(variables(value));
        }
      });
    });
  }
});
