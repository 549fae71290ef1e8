// How the reader's text is counted and kept, in one place for the core's checks and the UI.
//
// - Lengths are counted in UTF-16 code units, the unit a text input's maxLength counts: a
//   Chinese character is 1, most emoji are 2. The UI's maxLength and the API's limits use the
//   same numbers (FIELD_LIMITS), so what the UI lets you type the API accepts.
// - Text must be valid Unicode: a lone UTF-16 surrogate (half of a pair) is refused at the API
//   edge, naming the field, rather than stored and read back as U+FFFD.
// - Free text is kept as typed (only trimmed at its ends). Tags are identifiers the reader
//   filters by, so two tags that look the same must be the same: NFC, zero-width characters
//   removed, trimmed (normalizeTag).

/** Limits of the reader's fields, in UTF-16 code units (tags: count of tags). */
export const FIELD_LIMITS = {
  leadUnit: 200,
  responsibleUnits: 500,
  progressNote: 4000,
  tag: 40,
  tags: 20,
  statusLabel: 40,
  viewName: 80,
  planTitle: 300,
  /** A note's Markdown (a long note is fine; a pasted book is not). */
  annotationBody: 100_000,
  colorName: 40,
} as const;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Index (in UTF-16 units) of the first lone surrogate, or -1. */
export function loneSurrogateAt(text: string): number {
  const m = LONE_SURROGATE.exec(text);
  return m ? m.index : -1;
}

/** The path (e.g. `patch.tags.1`) and code of the first lone surrogate in any string of `value`
 *  (object keys included), or null when every string is valid Unicode. */
export function findLoneSurrogate(value: unknown, path: (string | number)[] = []): { path: string; code: string } | null {
  if (typeof value === 'string') {
    const at = loneSurrogateAt(value);
    if (at < 0) return null;
    return { path: path.join('.'), code: `U+${value.charCodeAt(at).toString(16).toUpperCase()}` };
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const inKey = findLoneSurrogate(key, [...path, '(key)']);
      if (inKey) return inKey;
      const found = findLoneSurrogate(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

// Zero-width characters that make two identical-looking tags differ: zero-width space,
// non-joiner, word joiner, byte-order mark, and a joiner unless it sits between two
// pictographs (where it builds one emoji, e.g. 👩‍💻).
const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** A tag as stored: NFC, zero-width characters removed, trimmed. */
export function normalizeTag(tag: string): string {
  return tag.normalize('NFC').replace(ZERO_WIDTH, '').trim();
}
