// Sentence and paragraph splitting for every side: translation alignment, search, the document
// model's blocks and (next) highlight anchoring all cut text here, so a sentence index means the
// same thing everywhere. The sentence rule is the one the shipped translation is aligned by:
// Chinese text splits after each 。, which stays with its sentence; an empty final piece is
// dropped and a tail without 。 (e.g. ending in a colon) is one last sentence.

export function chineseSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let at = text.indexOf('。'); at >= 0; at = text.indexOf('。', start)) {
    sentences.push(text.slice(start, at + 1));
    start = at + 1;
  }
  const tail = text.slice(start);
  if (tail.trim() !== '') sentences.push(tail);
  return sentences.map((s) => s.trim()).filter((s) => s !== '');
}

/** Paragraphs of a text: one per non-blank line, trimmed of ASCII and ideographic spaces
 *  (official documents indent paragraphs with U+3000). CRLF and CR count as line breaks. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((p) => p.replace(/^[\s\u3000]+|[\s\u3000]+$/g, ''))
    .filter((p) => p !== '');
}

/** The first sentence of a paragraph and the rest: a headline sentence runs to the first 。
 *  (the 。 is dropped from the headline; `rest` is what follows it, trimmed). A text without
 *  a 。 is all headline. */
export function headlineSentence(text: string): { headline: string; rest: string } {
  const at = text.indexOf('。');
  if (at < 0) return { headline: text.trim(), rest: '' };
  return { headline: text.slice(0, at).trim(), rest: text.slice(at + 1).trim() };
}
