// The one outline step every format goes through: raw lines and tables → the document model.
// In order: page chrome and a table of contents are set aside; the front matter gives the
// title and metadata; a notice that issues a plan is separated from the plan it wraps; the
// signature, publication note and an article's tail go to metadata; then each line is read as
// a heading (by its marker, see markers.ts), an unnumbered headline, an attachment, or text,
// and placed in the tree by rank. Nothing is dropped silently: text the outline cannot place is
// named in a warning.
import type {
  DocumentMetadata,
  Enumeration,
  ImportedDocument,
  ImportWarning,
  LevelKind,
  Section,
} from '../../../../shared/domain/document';
import { allSections, warningPlace } from '../../../../shared/domain/document';
import type { DraftBlock, RawBlock, RawDocument } from '../raw';
import { assignIds } from './ids';
import { findEnumerations, sectionLabel, splitRun } from './lists';
import { hasDecimalOutline, RANK, readMarker, splitHeading, tightenHeading, type Marker } from './markers';
import {
  AUTHOR_NOTE,
  DOC_NUMBER,
  findDate,
  GRAPHICS,
  IMPRINT,
  isChromeLine,
  isDateLine,
  isSignatureLine,
  issuedPlanName,
  issuerFromTitle,
  labelledFields,
  LOCATION,
  normalizeName,
  PUBLICATION_NOTE,
  SPEAKER,
  SUBTITLE,
} from './metadata';
import { columnsOf, taskColumns, taskOf } from './tables';
import { removeTableOfContents } from './toc';

type Item = { type: 'line'; text: string; at: string; headingLevel?: number } | { type: 'table'; rows: string[][]; at: string };

interface Draft {
  kind: LevelKind;
  numbering: string;
  ordinal: number | null;
  heading: string;
  blocks: DraftBlock[];
  children: Draft[];
  task?: Section['task'];
  at: string;
}

const ATTACHMENT_HEADER = /^附件[\s\u3000]*(\d{1,2}|[一二三四五六七八九十]{1,3})?[\s\u3000]*[:：]?[\s\u3000]*$/;
const ATTACHMENT_WITH_TITLE = /^(附件[\s\u3000]*(?:\d{1,2}|[一二三四五六七八九十]{1,3}))[\s\u3000]*[:：][\s\u3000]*(.+)$/;
const ATTACHMENT_LISTING = /^附件[\s\u3000]*[:：][\s\u3000]*(.+)$/;
const SENTENCE_END = /[。！？；：，、,;:!?…]$/;

export function emptyMetadata(): DocumentMetadata {
  return {
    title: null, issuer: null, docNumber: null, date: null, dateText: null, source: null, noticeTitle: null,
    addressees: null, publicationNote: null, column: null, author: null, editor: null, graphics: null,
    authorNote: null, tags: [], attachments: [],
  };
}

export function detectOutline(raw: RawDocument): Omit<ImportedDocument, 'source'> {
  const warnings: ImportWarning[] = [...raw.warnings];
  const meta = emptyMetadata();
  let items = normalize(raw.blocks, meta);
  items = dropBeforeHintTitle(items, raw.hints.title);
  items = removeTableOfContents(items);

  // Front matter: metadata lines, then the title, then more metadata lines.
  let i = 0;
  const takeMeta = (item: Item): boolean => item.type === 'line' && applyMetaLine(item.text, meta);
  while (i < items.length && takeMeta(items[i]!)) i++;
  const titleItem = items[i];
  if (titleItem?.type === 'line' && !readMarker(titleItem.text, false) && titleItem.text.length <= 80) {
    meta.title = titleItem.text;
    i++;
    // A title broken over two lines: the first ends mid-phrase (…关于 / …的 / …和).
    const next = items[i];
    if (next?.type === 'line' && /(关于|的|和|及|与|暨)$/.test(meta.title) && next.text.length <= 40 && !readMarker(next.text, false)) {
      meta.title += next.text;
      i++;
    }
  }
  while (i < items.length && takeMeta(items[i]!)) i++;

  // A notice that issues a plan: its text up to the plan's own title line.
  const notice: DraftBlock[] = [];
  const planName = meta.title ? issuedPlanName(meta.title) : null;
  if (planName) {
    const j = items.findIndex((it, k) => k >= i && it.type === 'line' && normalizeName(it.text) === normalizeName(planName));
    if (j >= 0) {
      meta.noticeTitle = meta.title;
      meta.issuer = issuerFromTitle(meta.title!);
      for (const it of items.slice(i, j)) {
        if (it.type === 'table') continue;
        if (applyMetaLine(it.text, meta) || applyNoticeLine(it.text, meta)) continue;
        if (!meta.addressees && notice.length === 0 && /[:：]$/.test(it.text) && it.text.length <= 120) {
          meta.addressees = it.text.slice(0, -1);
          continue;
        }
        notice.push({ type: 'paragraph', text: it.text });
      }
      takeSignature(notice, meta);
      meta.title = (items[j] as { text: string }).text;
      i = j + 1;
      while (i < items.length && takeMeta(items[i]!)) i++;
    }
  }

  let body = items.slice(i);
  body = takeTail(body, meta, warnings);
  meta.title ??= raw.hints.title ?? null;
  meta.source ??= raw.hints.source ?? null;
  meta.author ??= raw.hints.author ?? null;
  if (!meta.dateText && raw.hints.dateText) {
    meta.dateText = raw.hints.dateText;
    meta.date = findDate(raw.hints.dateText)?.iso ?? null;
  }

  const { sections, preamble } = buildTree(body, warnings);
  if (sections.length === 0) {
    warnings.push({ code: 'no-headings', message: 'no headings were recognised: the text is imported flat, as paragraphs', at: null, params: {}, place: null });
  }

  const withIds = assignIds(sections, preamble, notice);
  const enumerations: Enumeration[] = [];
  for (const s of allSections(withIds.sections)) enumerations.push(...findEnumerations(s, withIds.atOf.get(s) ?? null, warnings));
  return {
    metadata: meta,
    levels: chooseLevels(withIds.sections),
    notice: withIds.notice,
    preamble: withIds.preamble,
    sections: withIds.sections,
    enumerations,
    warnings,
  };
}

/** Trims lines, drops empty ones and page chrome (keeping the column name 所在位置 carries), and
 *  rebuilds task tables that a PDF or text file gives as space-separated columns. */
function normalize(blocks: RawBlock[], meta: DocumentMetadata): Item[] {
  const out: Item[] = [];
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k]!;
    if (b.type === 'table') {
      const rows = b.rows.map((r) => r.map((c) => c.replace(/[\s\u3000\u00a0]+/g, ' ').trim())).filter((r) => r.some((c) => c !== ''));
      if (rows.length > 0) out.push({ type: 'table', rows, at: b.at });
      continue;
    }
    const text = b.text.replace(/\u00a0/g, ' ').replace(/^[\s\u3000\uFEFF]+|[\s\u3000]+$/g, '');
    if (text === '') continue;
    const loc = LOCATION.exec(text);
    if (loc) {
      meta.column = loc[1]!.trim() || null;
      continue;
    }
    if (isChromeLine(text)) continue;
    const header = columnsOf(text);
    if (header.length >= 3 && taskColumns(header)) {
      const rows = [header];
      while (k + 1 < blocks.length && blocks[k + 1]!.type === 'line') {
        const cells = columnsOf((blocks[k + 1] as { text: string }).text);
        if (cells.length < 2) break;
        rows.push(cells);
        k++;
      }
      out.push({ type: 'table', rows, at: b.at });
      continue;
    }
    out.push({ type: 'line', text, at: b.at, ...(b.headingLevel ? { headingLevel: b.headingLevel } : {}) });
  }
  return out;
}

/** A saved web page starts with its site's banner and menus; the page's declared title (meta
 *  ArticleTitle or <title>, often with the site name appended) marks where the article starts. */
function dropBeforeHintTitle(items: Item[], hint: string | undefined | null): Item[] {
  if (!hint) return items;
  const h = normalizeName(hint);
  const limit = Math.max(10, Math.floor(items.length / 2));
  const at = items.findIndex((it, k) => {
    if (k > limit || it.type !== 'line') return false;
    const t = normalizeName(it.text);
    return t === h || (t.length >= 6 && h.startsWith(t));
  });
  return at > 0 ? items.slice(at) : items;
}

/** Reads a metadata line into meta; false when the line is not one. */
function applyMetaLine(text: string, meta: DocumentMetadata): boolean {
  const doc = DOC_NUMBER.exec(text);
  if (doc && normalizeName(text.replace(doc[0], '')) === '') {
    meta.docNumber ??= doc[0].replace(/\s+/g, '');
    return true;
  }
  if (SUBTITLE.test(text)) {
    const d = findDate(text);
    if (d && !meta.dateText) {
      meta.dateText = d.text;
      meta.date = d.iso;
    }
    return true;
  }
  const speaker = SPEAKER.exec(text);
  if (speaker) {
    meta.author ??= speaker[2]!;
    return true;
  }
  const g = GRAPHICS.exec(text);
  if (g) {
    meta.graphics = g[1]!.trim();
    return true;
  }
  const fields = labelledFields(text);
  if (fields) {
    for (const [label, value] of Object.entries(fields)) {
      if (!value) continue;
      if (/时间|日期/.test(label) && !meta.dateText) {
        meta.dateText = value;
        meta.date = findDate(value)?.iso ?? null;
      } else if (/来源/.test(label)) meta.source ??= value;
      else if (label === '作者') meta.author ??= value;
      else if (/编辑/.test(label)) meta.editor ??= value;
      else if (/发文机关|发布机构/.test(label)) meta.issuer ??= value;
      else if (/发文字号|文号/.test(label)) meta.docNumber ??= value;
      else if (label === '制图') meta.graphics ??= value;
    }
    return true;
  }
  return false;
}

/** True right after an attachment listing line, whose entries may continue on the next lines. */
let listingOpen = false;

/** Lines of a notice that are metadata rather than its text. */
function applyNoticeLine(text: string, meta: DocumentMetadata): boolean {
  // The listing's next entries on lines of their own (附件：1．… / 2．…).
  if (meta.attachments.length > 0 && listingOpen && /^\d{1,2}[.．、]/.test(text)) {
    meta.attachments.push(...attachmentNames(text));
    return true;
  }
  listingOpen = false;
  const pub = PUBLICATION_NOTE.exec(text);
  if (pub) {
    meta.publicationNote = pub[1]!;
    return true;
  }
  const listing = ATTACHMENT_LISTING.exec(text);
  if (listing) {
    meta.attachments.push(...attachmentNames(listing[1]!));
    listingOpen = true;
    return true;
  }
  if (IMPRINT.test(text)) return true;
  return false;
}

function attachmentNames(listing: string): string[] {
  return listing.split(/[\s\u3000]*\d{1,2}[.．、][\s\u3000]*/).map((s) => s.trim()).filter((s) => s !== '');
}

/** A signature (issuing body, then a date line) at the end of a run of paragraphs. */
function takeSignature(blocks: DraftBlock[], meta: DocumentMetadata): void {
  for (let k = blocks.length - 1; k >= Math.max(0, blocks.length - 4); k--) {
    const b = blocks[k]!;
    if (b.type !== 'paragraph' || !isDateLine(b.text)) continue;
    const date = findDate(b.text)!;
    meta.dateText ??= date.text;
    meta.date ??= date.iso;
    let from = k;
    const prev = blocks[k - 1];
    if (prev?.type === 'paragraph' && isSignatureLine(prev.text)) {
      meta.issuer ??= prev.text.replace(/[\s\u3000]+/g, '');
      from = k - 1;
    }
    blocks.splice(from, k - from + 1);
    return;
  }
}

/** The end of the plan: an article's tail (author note, source line, tag line), the signature
 *  and date, the publication note and the imprint. Lines after the signature that are neither
 *  attachments nor metadata are not plan text: they are reported, not placed. */
function takeTail(body: Item[], meta: DocumentMetadata, warnings: ImportWarning[]): Item[] {
  const firstAttachment = body.findIndex((it) => it.type === 'line' && (ATTACHMENT_HEADER.test(it.text) || ATTACHMENT_WITH_TITLE.test(it.text)));
  const mainEnd = firstAttachment < 0 ? body.length : firstAttachment;
  const main = body.slice(0, mainEnd);
  const rest = body.slice(mainEnd);

  // Metadata lines anywhere in the main text (attachment listings, publication note, imprint).
  const kept: Item[] = [];
  for (const it of main) {
    if (it.type === 'line' && (applyNoticeLine(it.text, meta) || AUTHOR_NOTE.test(it.text))) {
      const note = AUTHOR_NOTE.exec(it.text);
      if (note) meta.authorNote = note[1]!;
      continue;
    }
    kept.push(it);
  }
  // An article's source line (来源：… 作者：… 编辑：…) and the tag line after it.
  const sourceAt = kept.findIndex((it) => it.type === 'line' && /^来源\s*[:：]/.test(it.text));
  if (sourceAt >= 0) {
    applyMetaLine((kept[sourceAt] as { text: string }).text, meta);
    const after = kept.slice(sourceAt + 1);
    const tags = after[0];
    if (after.length === 1 && tags?.type === 'line' && tags.text.length <= 60 && !SENTENCE_END.test(tags.text)) {
      meta.tags = tags.text.split(/[、,，\s]+/).map((t) => t.trim()).filter(Boolean);
    } else {
      for (const it of after) unplaced(it, 'source-line', warnings);
    }
    kept.length = sourceAt;
  }
  // The signature: an issuing body and a date line near the end of the main text.
  for (let k = kept.length - 1; k >= Math.max(0, kept.length - 6); k--) {
    const it = kept[k]!;
    if (it.type !== 'line' || !isDateLine(it.text)) continue;
    const prev = kept[k - 1];
    const signed = prev?.type === 'line' && isSignatureLine(prev.text);
    if (!signed && k < kept.length - 1) continue;
    // The signed date (成文日期) is the document's date, over a page's publication date.
    const date = findDate(it.text)!;
    meta.dateText = date.text;
    meta.date = date.iso;
    if (signed) meta.issuer ??= (prev as { text: string }).text.replace(/[\s\u3000]+/g, '');
    for (const late of kept.slice(k + 1)) unplaced(late, 'signature', warnings);
    kept.length = signed ? k - 1 : k;
    break;
  }
  return [...kept, ...rest];
}

/** Text at the document's end, after its signature or source line, that is neither metadata nor
 *  part of the outline: shown to the reader, not dropped. */
function unplaced(it: Item, after: 'signature' | 'source-line', warnings: ImportWarning[]): void {
  const text = it.type === 'line' ? it.text : it.rows.map((r) => r.join(' ')).join(' / ');
  warnings.push({
    code: 'unplaced-text',
    message: `text after the ${after === 'signature' ? 'signature' : 'source line'} was not placed: ${clip(text)}`,
    at: it.at,
    params: { text: clip(text), after },
    place: warningPlace(it.at, null),
  });
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** Places each line in the tree (see the module comment); returns top-level sections and the
 *  text before the first heading. */
function buildTree(body: Item[], warnings: ImportWarning[]): { sections: Draft[]; preamble: DraftBlock[] } {
  const roots: Draft[] = [];
  const preamble: DraftBlock[] = [];
  const stack: Draft[] = [];
  const decimal = hasDecimalOutline(body.flatMap((it) => (it.type === 'line' ? [it.text] : [])));
  // The last ordinal seen per kind since the last attachment: numbering may run on across
  // parents (（六） under 二、 after （一）…（五） under 一、) instead of restarting.
  let lastByKind = new Map<LevelKind, number>();

  const top = () => stack[stack.length - 1];
  const addBlocks = (blocks: DraftBlock[]) => {
    const t = top();
    if (t) t.blocks.push(...blocks);
    else preamble.push(...blocks);
  };
  const place = (d: Draft) => {
    while (stack.length > 0 && RANK[top()!.kind] >= RANK[d.kind]) stack.pop();
    const siblings = top()?.children ?? roots;
    checkNumber(d, siblings, top(), lastByKind, warnings);
    siblings.push(d);
    stack.push(d);
  };
  const section = (kind: LevelKind, numbering: string, ordinal: number | null, heading: string, at: string): Draft =>
    ({ kind, numbering, ordinal, heading, blocks: [], children: [], at });

  for (let k = 0; k < body.length; k++) {
    const it = body[k]!;
    if (it.type === 'table') {
      const columns = taskColumns(it.rows[0]!);
      if (columns) {
        const parent = top();
        for (const row of it.rows.slice(1)) {
          const task = taskOf(row, columns);
          if (!task) {
            addBlocks([{ type: 'table-row', header: false, cells: row }]);
            continue;
          }
          const ordinal = /^\d+$/.test(task.numbering) ? Number(task.numbering) : null;
          const d: Draft = { ...section('task', task.numbering, ordinal, task.heading, it.at), task: task.task };
          (parent?.children ?? roots).push(d);
        }
      } else {
        addBlocks(it.rows.map((cells, r) => ({ type: 'table-row', header: r === 0, cells })));
      }
      continue;
    }
    const text = it.text;

    // Attachments: 附件 / 附件2 alone (the title on the next line), or 附件2：title.
    const withTitle = ATTACHMENT_WITH_TITLE.exec(text);
    if (ATTACHMENT_HEADER.test(text) || withTitle) {
      let numbering = withTitle ? withTitle[1]! : text.replace(/[:：\s\u3000]+$/, '');
      let heading = withTitle ? withTitle[2]!.trim() : '';
      const next = body[k + 1];
      if (!withTitle && next?.type === 'line' && !readMarker(next.text, decimal) && next.text.length <= 60) {
        heading = next.text;
        k++;
      }
      numbering = numbering.replace(/[\s\u3000]+/g, '');
      stack.length = 0;
      lastByKind = new Map();
      const n = /(\d+|[一二三四五六七八九十]+)$/.exec(numbering)?.[1];
      place(section('attachment', numbering, n ? (readMarker(`${n}、`, false)?.ordinal ?? Number(n)) : null, heading, it.at));
      continue;
    }

    const marker = readMarker(text, decimal);
    if (marker) {
      const inArticle = stack.some((s) => s.kind === 'article');
      if (inArticle && ['cn-paren', 'arabic', 'arabic-paren', 'circled'].includes(marker.kind)) {
        // 项 and 目 of a law's article: its clauses, not headings.
        addBlocks([{ type: 'list-item', marker: marker.numbering, ordinal: marker.ordinal, text: marker.rest.trim() }]);
        continue;
      }
      const { heading, body: rest } = headingOf(marker);
      place(section(marker.kind, marker.numbering, marker.ordinal, heading, it.at));
      if (rest !== '') addBlocks(splitRun(rest) as DraftBlock[]);
      continue;
    }

    if (isHeadline(it, body[k + 1], decimal)) {
      place(section('headline', '', null, tightenHeading(text), it.at));
      continue;
    }
    addBlocks(splitRun(text) as DraftBlock[]);
  }
  return { sections: roots, preamble };
}

function headingOf(marker: Marker): { heading: string; body: string } {
  switch (marker.kind) {
    case 'part':
    case 'chapter':
    case 'section': {
      const { heading, body } = splitHeading(marker.rest);
      return { heading: tightenHeading(heading), body };
    }
    case 'article':
      return { heading: '', body: marker.rest.trim() };
    default:
      if (marker.kind.startsWith('decimal')) return { heading: tightenHeading(marker.rest), body: '' };
      return splitHeading(marker.rest);
  }
}

/** An unnumbered headline: a line the format marks as a heading, or a short line without
 *  closing punctuation directly followed by the first heading of a numbered run (第一、, 一、,
 *  （一）, 1.) — as the embedded article's theme headlines are. */
function isHeadline(it: Item & { type: 'line' }, next: Item | undefined, decimal: boolean): boolean {
  if (it.headingLevel) return true;
  if (it.text.length > 50 || SENTENCE_END.test(it.text)) return false;
  if (next?.type !== 'line') return false;
  const m = readMarker(next.text, decimal);
  return m !== null && m.ordinal === 1 && m.kind !== 'article' && RANK[m.kind] > RANK.headline;
}

function checkNumber(d: Draft, siblings: Draft[], parent: Draft | undefined, lastByKind: Map<LevelKind, number>, warnings: ImportWarning[]): void {
  if (d.ordinal === null || d.kind === 'headline' || d.kind === 'task') return;
  const prev = [...siblings].reverse().find((s) => s.kind === d.kind);
  const expected = prev?.ordinal != null ? prev.ordinal + 1 : 1;
  const runOn = lastByKind.get(d.kind);
  lastByKind.set(d.kind, d.ordinal);
  if (d.ordinal === expected || (!prev && runOn !== undefined && d.ordinal === runOn + 1)) return;
  const after = prev ? `after ${prev.numbering}` : `as the first under ${parent ? `${parent.numbering}${parent.heading}`.slice(0, 20) || parent.kind : 'the document'}`;
  warnings.push({
    code: 'skipped-number',
    message: `skipped number: ${d.numbering}${clip(d.heading)} comes ${after}`,
    at: d.at,
    params: { numbering: d.numbering, heading: clip(d.heading), previous: prev?.numbering ?? null },
    place: warningPlace(d.at, parent ? sectionLabel(parent) : null),
  });
}

/** Themes: the kind most top-level sections of the plan have (attachments aside); items: the
 *  kind most of their children have, or the task rows when the plan has a task table. */
function chooseLevels(sections: Section[]): ImportedDocument['levels'] {
  const mostCommon = (kinds: LevelKind[]): LevelKind | null => {
    const counts = new Map<LevelKind, number>();
    for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
    let best: LevelKind | null = null;
    for (const [k, n] of counts) if (best === null || n > counts.get(best)!) best = k;
    return best;
  };
  const plan = sections.filter((s) => s.kind !== 'attachment');
  const theme = mostCommon(plan.map((s) => s.kind));
  const hasTasks = [...allSections(sections)].some((s) => s.kind === 'task');
  const hasArticles = [...allSections(plan)].some((s) => s.kind === 'article');
  const item = hasTasks
    ? 'task'
    : hasArticles && theme !== 'article'
      ? 'article'
      : mostCommon(plan.filter((s) => s.kind === theme).flatMap((s) => s.children.map((c) => c.kind)));
  return { theme, item };
}
