// The interface's t, remembering what i18next resolved. i18next's t costs tens of µs a call
// (the options copied over the instance's, the key parsed, the resource looked up, the
// interpolation's expressions run) and allocates as much: the first screen made some 270 calls
// of 72 keys (each label asked for again at each render, 主题{{ordinal}} once a theme in the
// outline and again in its card), the table's rows a dozen calls each of the same few keys.
// For a fixed language and namespace, and resources that do not change after the start
// (i18n.ts gives them all at creation), a call's text depends only on its key and options.
// Even the first call of each key went to i18next, and the first screen's first render is all
// first calls: about a quarter of that render's script in CPU profiles. A label as written in
// the catalogue (no placeholder, no nested key) is what i18next would answer, so with the
// catalogue's text at hand (`written`) those calls never reach it.
import type { TFunction } from 'i18next';
import type { Namespace } from './catalogue';

/** Options i18next reads itself (plurals, context, …): a call with any of them is never cut at
 *  markers (below), though it is remembered whole. */
const I18NEXT_OPTIONS = new Set(['count', 'context', 'defaultValue', 'ns', 'lng', 'lngs', 'ordinal', 'returnObjects', 'joinArrays', 'postProcess', 'interpolation', 'replace', 'keySeparator', 'nsSeparator']);
// Private-use characters: no catalogue text holds them.
const MARKER = /\uE000(\d+)\uE000/;
/** Texts remembered whole, a t: the calls with numbers among their values are few (an
 *  ordinal, a count). Past it they go to i18next each time. */
const WHOLE_LIMIT = 2000;

type Direct = (key: unknown, options?: Record<string, unknown>) => unknown;

const isPrimitive = (v: unknown) => v === undefined || v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * `t`, remembering:
 *  - a key without options: its text;
 *  - a key whose options are strings of names i18next does not read (a cell's label names its
 *    column and row, a value per row, without end): the text resolved once with a marker in place
 *    of each value, each call filling the values in; a key whose text does not keep the markers
 *    as they went in (a format applied to the value, a nested key) goes to i18next every time;
 *  - any other call whose option values are all plain (numbers, a count, an ordinal): its text,
 *    by key and options, up to WHOLE_LIMIT texts.
 * Anything else (an object among the values, a list of keys, a text that is not a string) goes
 * to i18next every time. One per t, that is per language and namespace.
 */
export function rememberingT<N extends Namespace>(t: TFunction<N>, written?: (key: string) => unknown): TFunction<N> {
  const direct = t as unknown as Direct;
  /** The catalogue's text at `key` if it is all i18next would do with it: a string with no
   *  placeholder and no nested key, under a key with no namespace in it. */
  const asWritten = (key: string): string | undefined => {
    if (written === undefined || key.includes(':')) return undefined;
    const text = written(key);
    return typeof text === 'string' && !text.includes('{{') && !text.includes('$t(') ? text : undefined;
  };
  /** The catalogue's text at `key` cut at its placeholders (odd entries: the index of the value
   *  in `names`), if each is a plain {{name}} of one of `names` and each name has one. */
  const cutAsWritten = (key: string, names: readonly string[]): string[] | undefined => {
    if (written === undefined || key.includes(':')) return undefined;
    const text = written(key);
    if (typeof text !== 'string' || text.includes('$t(')) return undefined;
    const parts = text.split(/\{\{(\w+)\}\}/);
    const used = new Set<string>();
    for (let i = 0; i < parts.length; i++) {
      if (i % 2 === 0) {
        // A placeholder of another form (a format, unescaped, spaced) is i18next's to read.
        if (parts[i]!.includes('{{')) return undefined;
        continue;
      }
      const at = names.indexOf(parts[i]!);
      if (at < 0) return undefined;
      used.add(parts[i]!);
      parts[i] = String(at);
    }
    return used.size === names.length ? parts : undefined;
  };
  /** The text i18next resolves with a marker for each value, cut at the markers; null when the
   *  text does not keep them as they went in (a format applied to a value, a nested key). */
  const cutByI18next = (key: string, names: readonly string[]): string[] | null => {
    const text = direct(key, Object.fromEntries(names.map((n, i) => [n, `\uE000${i}\uE000`])));
    if (typeof text !== 'string') return null;
    const parts = text.split(MARKER);
    const filled = new Set(parts.filter((_, i) => i % 2 === 1));
    // The text as written (no placeholder matches these delimiters): a format or a nested key
    // would do something to the value other than put it in.
    const raw = String(direct(key, { interpolation: { prefix: '\uE001', suffix: '\uE002' } }));
    const formats = /\{\{[^}]*,/.test(raw) || raw.includes('$t(');
    return formats || filled.size !== names.length || parts.some((p, i) => i % 2 === 0 && p.includes('\uE000')) ? null : parts;
  };
  // By key and option names: the text cut at the markers (odd entries: the option's index), or
  // null for one to leave to i18next.
  const cut = new Map<string, string[] | null>();
  const whole = new Map<string, string>();
  const remembered = (id: string, key: string, options?: Record<string, unknown>): unknown => {
    const known = whole.get(id);
    if (known !== undefined) return known;
    const text = (options === undefined ? asWritten(key) : undefined) ?? direct(key, options);
    if (typeof text === 'string' && whole.size < WHOLE_LIMIT) whole.set(id, text);
    return text;
  };
  const call = (key: unknown, options?: Record<string, unknown>): unknown => {
    if (typeof key !== 'string' || (options !== undefined && (typeof options !== 'object' || options === null))) return direct(key, options);
    if (options === undefined) return remembered(key, key);
    const names = Object.keys(options);
    if (!names.every((n) => isPrimitive(options[n]))) return direct(key, options);
    if (names.length === 0 || names.some((n) => I18NEXT_OPTIONS.has(n) || typeof options[n] !== 'string')) {
      return remembered(`${key}\uE004${JSON.stringify(options)}`, key, options);
    }
    const id = `${key}\uE003${names.join('\uE003')}`;
    let parts = cut.get(id);
    if (parts === undefined) {
      parts = cutAsWritten(key, names) ?? cutByI18next(key, names);
      cut.set(id, parts);
    }
    if (parts === null) return direct(key, options);
    if (parts.length === 1) return parts[0]!;
    let out = '';
    for (let i = 0; i < parts.length; i++) out += i % 2 === 0 ? parts[i]! : (options[names[Number(parts[i])]!] as string);
    return out;
  };
  return call as unknown as TFunction<N>;
}
