// The static score of an indexed text, and how it is written into the text's id.
//
// A text's score for one needle is the needle's idf × weight(field) × BM25's length
// normalization (tf is 1: the index keeps no counts). The idf is the same for every text of one
// needle, so the order of a needle's texts is the order of weight × normalization alone — known
// when the text is written. That order is stored in the id itself: id = code × 2^27 + seq,
// where code grows with the static score and seq counts the texts of one code (a later text of
// the same code gets the next one). FTS5 walks a token's texts in id order, either way, lazily;
// so "the best texts containing 数" is the index read backwards from the top, stopping once a
// page of results is filled, instead of reading, joining and sorting every one of a million
// hits (search/query.ts).
//
// The length is taken in steps of 20% (the score of the step's shortest length), so there are
// a few dozen codes per weight, not one per length: a token's list of ids is stored as deltas,
// and each change of code in it costs a 4-byte delta (2^27 apart) where neighbours of one code
// cost a byte or two. With a code per length the index grew 4× (every body its own code). The
// code is the score in thousandths (at most 6800, so ids stay below 2^40: exact JavaScript
// numbers); 2^27 texts fit in one code.

/** BM25 parameters: k1, b, and the average text length the normalization assumes. */
export const BM25 = { k1: 1.2, b: 0.75, averageLength: 120 } as const;

/** Field weights: title and headline above tags and theme, above body, fields and notes. */
export const FIELD_WEIGHT: Readonly<Record<string, number>> = {
  title: 4,
  headline: 4,
  headline_en: 4,
  theme: 2,
  tags: 2,
  noteTags: 2,
  body: 1,
  body_en: 1,
  industries: 1,
  leadUnit: 1,
  responsibleUnits: 1,
  progressNote: 1,
  note: 1,
};

/** Ids of one code: id = code × ID_SEQ + seq, seq from 1. */
export const ID_SEQ = 2 ** 27;
const SEQ = ID_SEQ;
const SCALE = 1000;
const STEP = Math.log(1.2);

/** The shortest length of `len`'s 20% step (0 stays 0). */
export function lengthStep(len: number): number {
  return len <= 1 ? len : Math.pow(1.2, Math.floor(Math.log(len) / STEP + 1e-9));
}

/** weight × BM25 length normalization (tf 1) of a text of `len` characters in `field`. */
export function staticScore(field: string, len: number): number {
  const { k1, b, averageLength } = BM25;
  return ((FIELD_WEIGHT[field] ?? 1) * (k1 + 1)) / (1 + k1 * (1 - b + (b * len) / averageLength));
}

/** The score code of a text (its id's upper part): the static score of its length's step. */
export function scoreCode(field: string, len: number): number {
  return Math.round(staticScore(field, lengthStep(len)) * SCALE);
}

/** The ids a text of `code` may take: [first, end). */
export function codeRange(code: number): [number, number] {
  return [code * SEQ + 1, (code + 1) * SEQ];
}

/** The static score an id stands for (the rounded score the walk orders by). */
export function scoreOfId(id: number): number {
  return Math.floor(id / SEQ) / SCALE;
}
