// Bytes of a text file → string, for the encodings Chinese plans arrive in: UTF-8 (with or
// without BOM), UTF-16 LE/BE (with or without BOM: Windows Notepad's "Unicode"), and the
// GB family (GB2312/GBK/GB18030, decoded as GB18030, their superset). chardet's statistics are
// only consulted when the cheap certain checks (a BOM, strict UTF-8) do not settle it, because
// on short texts it confuses GBK with Big5 or EUC-KR; a guess that decodes with replacement
// characters loses to GB18030.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  encoding: string;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Share of code units that look like text: CJK, CJK punctuation, full-width forms, printable
 *  ASCII and line breaks. Real UTF-16 text read in the right byte order scores near 1. */
function textLikeShare(text: string): number {
  if (text.length === 0) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x20 && c < 0x7f) || c === 0x0a || c === 0x0d || c === 0x09 || (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) good++;
  }
  return good / text.length;
}

function replacementCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}

/** Decodes a text file; never throws on bad bytes (they become U+FFFD, which the caller may
 *  count), so the caller decides whether the result is text at all. */
export function decodeText(bytes: Uint8Array): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'UTF-8' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  // UTF-16 without BOM: an even length and one byte order that reads as text. Checked before
  // UTF-8 because ASCII-heavy UTF-16 (zero bytes everywhere) is also valid UTF-8.
  if (buf.length >= 4 && buf.length % 2 === 0) {
    const sample = buf.subarray(0, Math.min(buf.length, 64 * 1024) & ~1);
    const le = textLikeShare(iconv.decode(sample, 'utf-16le'));
    const be = textLikeShare(iconv.decode(sample, 'utf-16be'));
    const zeros = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0) / sample.length;
    // Valid UTF-8 Chinese also scores as text in one order now and then; demand either zero
    // bytes (ASCII in UTF-16) or a near-perfect score that UTF-8 cannot explain.
    const utf8ok = isUtf8(buf);
    if (Math.max(le, be) > 0.97 && (zeros > 0.05 || !utf8ok)) {
      return le >= be
        ? { text: iconv.decode(buf, 'utf-16le'), encoding: 'UTF-16LE' }
        : { text: iconv.decode(buf, 'utf-16be'), encoding: 'UTF-16BE' };
    }
  }
  if (isUtf8(buf)) return { text: buf.toString('utf8'), encoding: 'UTF-8' };
  const guess = chardet.analyse(buf.subarray(0, 256 * 1024))[0];
  const gb = iconv.decode(buf, 'gb18030');
  if (guess && guess.confidence >= 50 && iconv.encodingExists(guess.name) && !/^(GB18030|GBK|GB2312|UTF-8)$/i.test(guess.name)) {
    const other = iconv.decode(buf, guess.name);
    if (replacementCount(other) < replacementCount(gb) && textLikeShare(other) > textLikeShare(gb)) {
      return { text: other, encoding: guess.name };
    }
  }
  return { text: gb, encoding: 'GB18030' };
}

function isUtf8(buf: Buffer): boolean {
  try {
    strictUtf8.decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** True when decoded text is plausibly text: few replacement characters and control codes.
 *  Random or binary bytes fail this and are refused instead of imported as noise. */
export function looksLikeText(text: string): boolean {
  if (text.length === 0) return true;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09 && c !== 0x0c) || c === 0x7f) bad++;
  }
  return bad / text.length < 0.02;
}
