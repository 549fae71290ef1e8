// .html: a saved government web page. Only the text is read: htmlparser2 builds a tree and
// nothing it references (images, scripts, styles, frames, links) is ever requested — this
// module has no network or file access at all. Page chrome is not content: scripts, styles,
// forms, navigation, headers and footers outside the article, and elements whose class or id
// names a navigation, breadcrumb, share bar, font-size switch, related-links box or footer.
// Data tables become tables; a table holding another table is page layout and is read as text.
// mammoth's output for .docx goes through the same walker (with `page: false`).
import { parseDocument } from 'htmlparser2';
import iconv from 'iconv-lite';
import type { RawBlock, RawDocument } from './raw';
import { decodeText, looksLikeText } from './decode';
import { ImportError } from './errors';

/** The parts of domhandler's node types this walker reads. */
interface Node {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: Node[];
  parent?: Node | null;
}

const SKIP_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed', 'svg', 'math',
  'canvas', 'form', 'button', 'select', 'input', 'textarea', 'head', 'img', 'video', 'audio', 'map',
]);
const PAGE_CHROME_TAGS = new Set(['nav', 'aside', 'footer', 'menu']);
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'li', 'dt', 'dd', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4',
  'h5', 'h6', 'ul', 'ol', 'dl', 'center', 'address', 'figure', 'figcaption', 'body', 'html', 'caption', 'hr',
]);
// Class and id words of page chrome on government sites (CMS templates), English and pinyin.
const CHROME_NAME =
  /(^|[\s_-])(nav|navbar|menu|breadcrumbs?|crumbs?|share|bdshare|jiathis|fenxiang|footer|foot|bottom|copyright|toolbar|sidebar|side|related|relevant|xgxx|xglj|links?|fontsize|font-size|zihao|print|dayin|location|position|weizhi|dqwz|topbar|top-bar|banner|search|login|qrcode|erweima|pager|pagination)([\s_-]|$)/i;

export interface HtmlOptions {
  /** A whole web page (chrome to drop, meta tags to read) rather than a converted document. */
  page: boolean;
}

export function readHtml(bytes: Uint8Array, fileName: string): RawDocument {
  const { text, encoding } = decodeHtml(bytes);
  if (!looksLikeText(text)) throw new ImportError(fileName, 'is not an HTML page (its bytes do not read as text)');
  const doc = htmlToRaw(text, { page: true });
  return { ...doc, encoding, format: 'html' };
}

/** An HTML file's declared charset wins (GB2312 pages are common); else the text detector. */
function decodeHtml(bytes: Uint8Array): { text: string; encoding: string } {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  if (declared && !/^utf-?8$/i.test(declared) && !/^\xEF\xBB\xBF/.test(head)) {
    const name = /^(gb2312|gbk|gb18030|x-gbk)$/i.test(declared) ? 'GB18030' : declared;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (iconv.encodingExists(name)) return { text: iconv.decode(buf, name), encoding: name };
  }
  return decodeText(bytes);
}

export function htmlToRaw(html: string, options: HtmlOptions): RawDocument {
  const root = parseDocument(html, { decodeEntities: true, lowerCaseTags: true }) as unknown as Node;
  const blocks: RawBlock[] = [];
  const hints: RawDocument['hints'] = {};
  if (options.page) readMeta(root, hints);
  let line = '';
  let heading: number | undefined;
  let count = 0;
  const flush = () => {
    const text = line.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (text !== '') blocks.push({ type: 'line', text, at: `block ${++count}`, ...(heading ? { headingLevel: heading } : {}) });
    line = '';
    heading = undefined;
  };

  const walk = (node: Node, inArticle: boolean): void => {
    if (node.type === 'text') {
      line += node.data ?? '';
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = node.name ?? '';
    if (SKIP_TAGS.has(name)) return;
    if (options.page && isChrome(node, name, inArticle)) return;
    if (name === 'br') {
      flush();
      return;
    }
    if (name === 'table' && !containsTag(node, 'table')) {
      flush();
      const rows = tableRows(node);
      if (rows.length > 0) blocks.push({ type: 'table', rows, at: `block ${++count}` });
      return;
    }
    const isBlock = BLOCK_TAGS.has(name) || name === 'table' || name === 'tr' || name === 'td' || name === 'th';
    if (isBlock) flush();
    if (name === 'li' && node.parent?.name === 'ol' && !options.page) {
      // Word's automatic numbering: mammoth keeps the list but not the marker text, which
      // numbering.xml would format. The marker is rebuilt from the list depth in the order of
      // GB/T 9704 (一、 → （一） → 1. → （1） → ①) and the reader is told so.
      const depth = olDepth(node);
      const ordinal = (node.parent.children ?? []).filter((c) => c.type === 'tag' && c.name === 'li').indexOf(node) + 1;
      if (!STARTS_WITH_MARKER.test(textOf(node).trim())) {
        line += autoMarker(depth, ordinal);
        autoNumbered = true;
      }
    }
    const h = /^h([1-6])$/.exec(name);
    if (h) heading = Number(h[1]);
    const article = inArticle || name === 'article' || name === 'main';
    for (const child of node.children ?? []) walk(child, article);
    if (isBlock) flush();
  };
  let autoNumbered = false;
  walk(root, !options.page);
  flush();
  const warnings: RawDocument['warnings'] = autoNumbered
    ? [{ code: 'reader', message: 'automatic list numbering was read as 一、/（一）/1./（1）/① by list depth', at: null, params: { note: 'list-numbering' }, place: null }]
    : [];
  return { format: 'html', encoding: null, blocks, hints, warnings };
}

const STARTS_WITH_MARKER = /^(第[一二三四五六七八九十百零〇\d]+[篇编章节条、]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[①-⑳])/;

function olDepth(li: Node): number {
  let depth = 0;
  for (let n = li.parent; n; n = n.parent) if (n.type === 'tag' && n.name === 'ol') depth++;
  return depth;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function cnNumber(n: number): string {
  if (n <= 10) return CN[n]!;
  if (n < 20) return `十${CN[n - 10]}`;
  return `${CN[Math.floor(n / 10)]}十${CN[n % 10]}`;
}

function autoMarker(depth: number, n: number): string {
  switch (depth) {
    case 1: return n < 100 ? `${cnNumber(n)}、` : `${n}.`;
    case 2: return n < 100 ? `（${cnNumber(n)}）` : `（${n}）`;
    case 3: return `${n}.`;
    case 4: return `（${n}）`;
    default: return n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : `${n}.`;
  }
}

function isChrome(node: Node, name: string, inArticle: boolean): boolean {
  if (PAGE_CHROME_TAGS.has(name)) return true;
  if (name === 'header' && !inArticle) return true;
  const attrs = node.attribs ?? {};
  if (attrs['hidden'] !== undefined || /display\s*:\s*none/i.test(attrs['style'] ?? '')) return true;
  if (attrs['role'] === 'navigation' || attrs['role'] === 'banner' || attrs['role'] === 'contentinfo') return true;
  return CHROME_NAME.test(attrs['class'] ?? '') || CHROME_NAME.test(attrs['id'] ?? '');
}

function containsTag(node: Node, tag: string): boolean {
  return (node.children ?? []).some((c) => c.type === 'tag' && (c.name === tag || containsTag(c, tag)));
}

function textOf(node: Node): string {
  if (node.type === 'text') return node.data ?? '';
  if (node.type !== 'tag' || SKIP_TAGS.has(node.name ?? '')) return '';
  const inner = (node.children ?? []).map(textOf).join('');
  return node.name === 'br' || node.name === 'p' || node.name === 'div' ? `${inner} ` : inner;
}

function tableRows(table: Node): string[][] {
  const rows: string[][] = [];
  const visit = (node: Node) => {
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue;
      if (child.name === 'tr') {
        const cells = (child.children ?? [])
          .filter((c) => c.type === 'tag' && (c.name === 'td' || c.name === 'th'))
          .map((c) => textOf(c).replace(/\s+/g, ' ').trim());
        if (cells.some((c) => c !== '')) rows.push(cells);
      } else visit(child);
    }
  };
  visit(table);
  return rows;
}

/** Government CMS pages carry the article's title, date and source in meta tags. */
function readMeta(root: Node, hints: RawDocument['hints']): void {
  const metas: Record<string, string> = {};
  let title: string | null = null;
  const visit = (node: Node) => {
    if (node.type === 'tag' && node.name === 'meta') {
      const key = (node.attribs?.['name'] ?? node.attribs?.['property'] ?? '').toLowerCase();
      const content = node.attribs?.['content']?.trim();
      if (key && content) metas[key] = content;
    }
    if (node.type === 'tag' && node.name === 'title' && title === null) title = textOf(node).trim() || null;
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  const t = metas['articletitle'] ?? metas['og:title'] ?? title;
  if (t) hints.title = t;
  const source = metas['contentsource'] ?? metas['source'];
  if (source) hints.source = source;
  const date = metas['pubdate'] ?? metas['firstpublishedtime'] ?? metas['article:published_time'];
  if (date) hints.dateText = date;
  const author = metas['author'];
  if (author) hints.author = author;
}
