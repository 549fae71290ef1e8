// Putting text into an exported Markdown file so that no Markdown viewer turns it into live
// HTML or a script link.
//
// - The plan's own text (titles, headlines, quoted passages) and tags are literal text: every
//   Markdown punctuation character is backslash-escaped.
// - A reader's note is Markdown and stays Markdown (emphasis, lists, links, code all keep
//   working), with three changes outside code: `<` becomes `&lt;`, so no raw HTML tag, HTML
//   comment or autolink is formed (a viewer shows the `<` as typed); a link or image whose
//   destination is not http(s) or mailto (javascript:, data:, vbscript:, file:, an
//   entity-disguised scheme…) loses its link syntax (`](` becomes `]\(`), and so does a
//   reference definition (`[x]: …`); and an unclosed code fence is closed at the note's end so
//   it cannot swallow the rest of the file.
// - What counts as code is decided on the safe side: a fence only at the start of a line
//   (indented fences may belong to a list item that ends earlier than the fence would), and a
//   code span only within one line. Anything that might not be code in a viewer is escaped; the
//   worst outcome is a visible `&lt;` inside an indented code block.
// Characters that start inline constructs anywhere (emphasis, code, links, HTML, entities,
// strikethrough, table cells), and those that start a block at the start of a line (heading,
// list, block quote, thematic break, setext underline, ordered list `1.`).
const INLINE_PUNCTUATION = /[\\`*_[\]<>&~|]/g;
const LINE_START = /^([#+\-=>]|\d+[.)])/;

/** Plain text as literal Markdown inline text, readable in the raw file too. Line breaks
 *  become spaces (a heading is one line; quoted passages are split by the caller), and leading
 *  blanks are dropped (four would make a code block). */
export function literalMarkdown(text: string): string {
  const escaped = text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/^[ \t]+/, '')
    .replace(INLINE_PUNCTUATION, (c) => `\\${c}`);
  return escaped.replace(LINE_START, (start) => (/^\d/.test(start) ? start.replace(/[.)]$/, (c) => `\\${c}`) : `\\${start}`));
}

const FENCE = /^(`{3,}|~{3,})(.*)$/;
const SAFE_DESTINATION = /^<?\s*(https?:\/\/|mailto:)/i;

/** A reader's Markdown note, made safe to embed in an exported Markdown file (see above). */
export function safeNoteMarkdown(note: string): string {
  const lines = note.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let fence: { char: string; length: number } | null = null;
  for (const line of lines) {
    if (fence) {
      out.push(line);
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length) fence = null;
      continue;
    }
    const open = FENCE.exec(line);
    // A backtick fence's info string may not contain a backtick (CommonMark), else it is text.
    if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      out.push(`${open[1]}${escapeInline(open[2]!)}`);
      continue;
    }
    out.push(safeLine(line));
  }
  if (fence) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/** One line outside a fence: code spans kept, the rest escaped. */
function safeLine(line: string): string {
  // A link reference definition ([label]: destination): defuse it unless
  // its destination is safe; escaping its `[` makes it plain text. The prefix allows for the
  // markers of block quotes and list items the definition may sit in.
  const definition = /^([\s>*+\-\d.)]*)\[(?:[^\]\\]|\\.)*\]:[ \t]*(\S*)/.exec(line);
  if (definition && !SAFE_DESTINATION.test(definition[2]!)) line = `${definition[1]}\\${line.slice(definition[1]!.length)}`;
  let result = '';
  let i = 0;
  while (i < line.length) {
    const tick = line.indexOf('`', i);
    if (tick < 0) break;
    // A backtick after an odd number of backslashes is escaped: not a code span opener.
    let slashes = 0;
    for (let k = tick - 1; k >= 0 && line[k] === '\\'; k--) slashes++;
    let run = tick;
    while (line[run] === '`') run++;
    const ticks = run - tick;
    if (slashes % 2 === 1) {
      result += escapeInline(line.slice(i, tick + 1));
      i = tick + 1;
      continue;
    }
    const close = findClosingRun(line, run, ticks);
    if (close < 0) {
      result += escapeInline(line.slice(i, run));
      i = run;
      continue;
    }
    result += escapeInline(line.slice(i, tick)) + line.slice(tick, close + ticks);
    i = close + ticks;
  }
  return result + escapeInline(line.slice(i));
}

function findClosingRun(line: string, from: number, ticks: number): number {
  let at = from;
  while (at < line.length) {
    const next = line.indexOf('`', at);
    if (next < 0) return -1;
    let end = next;
    while (line[end] === '`') end++;
    if (end - next === ticks) return next;
    at = end;
  }
  return -1;
}

/** Text outside code: `<` as an entity, and unsafe link destinations defused. */
function escapeInline(text: string): string {
  return text.replace(/</g, '&lt;').replace(/\]\(\s*([^)\s]*)/g, (whole: string, destination: string) =>
    SAFE_DESTINATION.test(destination) ? whole : `]\\(${whole.slice(2)}`,
  );
}
