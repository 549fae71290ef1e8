// A packet as one self-contained HTML document with print CSS: the same document is the live
// preview, what Print… prints and what the PDF is rendered from. Nothing in it is active or
// remote: its CSP allows no script at all, styles only inline, fonts and images only from data:
// (the fonts are embedded, see fonts.ts), and everything the reader wrote goes through the
// shared safe Markdown rendering (notes) or is escaped (everything else).
//
// Layout (CSS paged media, as Chromium prints it):
//   - the cover on a page of its own; the contents (with page numbers once the PDF pass found
//     them, see pdf.ts), an optional summary table;
//   - the items grouped by plan and theme; each group is a named page whose margin boxes carry
//     the running header (plan, theme) and the footer (the plan's provenance, "page x of y");
//     a new group starts a new page;
//   - per item: headline and body in the chosen language (both: Chinese and English side by
//     side), the reader's highlights (colour, an underline whose style differs by colour, and a
//     marker, so they survive a black-and-white printer), notes as numbered margin notes or
//     endnotes, a small table of the reader's fields, ruled space for handwriting.
import type { PacketDefinition } from '../../../../shared/api/packets/methods';
import type { UiLanguage } from '../../../../shared/api/common';
import type { InitiativeRow, StatusOption } from '../../../../shared/domain/table';
import { anchorPassage, type TextSelectors } from '../../../../shared/domain/anchoring';
import { noteMarkdownToHtml } from '../../../../shared/markdown/note-markdown';
import { localDay, printedDate } from '../../../../shared/text/printed-date';
import type { Db } from '../../db/open';
import { prepared } from '../../db/statements';
import { readStatusOptions } from '../status-options';
import { planTitleSql } from '../table/plans';
import { embeddedFontCss } from './fonts';
import { resolvePacket } from './resolve';

/** The content security policy every packet carries. */
export const PACKET_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'";

/** The anchor id of the n-th item's heading (0-based); the PDF pass finds pages by these. Its
 *  page number in the contents is the element `${itemAnchor(n)}-page`. */
export const itemAnchor = (index: number): string => `packet-item-${index + 1}`;

export interface ComposedPacket {
  html: string;
  /** Item ids in packet order (itemAnchor(i) is the heading of itemIds[i]). */
  itemIds: string[];
}

interface PlanMeta {
  id: string;
  title: string;
  titleEn: string | null;
  source: string | null;
  publishedAt: string | null;
  issuer: string | null;
  docNumber: string | null;
  docDate: string | null;
}

interface NoteRow {
  id: string;
  kind: 'highlight' | 'note';
  part: 'headline' | 'body' | null;
  language: 'zh' | 'en' | null;
  selectors_json: string | null;
  color: string | null;
  body: string;
  anchor_status: string | null;
  created_at: string;
}

interface Translation {
  themes: Record<string, string>;
  initiatives: Record<string, { headline: string; body: string[] }>;
  meta: { title: string };
}

const LABELS = {
  zh: {
    contents: '目录',
    summary: '事项一览',
    preparedFor: '呈送',
    preparedBy: '编制',
    date: '日期',
    sources: '所收文件',
    notes: '笔记',
    status: '状态',
    leadUnit: '牵头单位',
    deadline: '完成时限',
    progress: '进展',
    tags: '标签',
    priority: '优先级',
    plan: '文件',
    headline: '事项',
    no: '序号',
    page: (x: string, y: string) => `"第 " ${x} " 页 / 共 " ${y} " 页"`,
    notesAsOf: '笔记截至',
    published: '发布',
    source: '来源',
    noEnglish: '（此文件暂无英文译文，以下为中文原文）',
    meetingNotes: '会议记录',
    items: (n: number) => `共 ${n} 项`,
    empty: '此简报暂无事项。',
    priorities: { high: '高', medium: '中', low: '低' },
  },
  en: {
    contents: 'Contents',
    summary: 'Summary of items',
    preparedFor: 'Prepared for',
    preparedBy: 'Prepared by',
    date: 'Date',
    sources: 'Documents included',
    notes: 'Notes',
    status: 'Status',
    leadUnit: 'Lead unit',
    deadline: 'Deadline',
    progress: 'Progress',
    tags: 'Tags',
    priority: 'Priority',
    plan: 'Plan',
    headline: 'Item',
    no: 'No.',
    page: (x: string, y: string) => `"Page " ${x} " of " ${y}`,
    notesAsOf: 'Notes as of',
    published: 'Published',
    source: 'Source',
    noEnglish: '(This plan has no English translation; the Chinese text follows.)',
    meetingNotes: 'Meeting notes',
    items: (n: number) => `${n} item${n === 1 ? '' : 's'}`,
    empty: 'This packet has no items.',
    priorities: { high: 'High', medium: 'Medium', low: 'Low' },
  },
} as const;

/** Highlight colours: fill, and an underline style that tells them apart without colour. */
const HIGHLIGHT_STYLES: Record<string, { fill: string; line: string; style: string }> = {
  yellow: { fill: '#fff2a8', line: '#8a6d00', style: 'solid' },
  green: { fill: '#d4f4d2', line: '#2e6b2a', style: 'double' },
  blue: { fill: '#d6e8ff', line: '#1f4f8f', style: 'dashed' },
  pink: { fill: '#ffd9e8', line: '#8f2456', style: 'dotted' },
  purple: { fill: '#e8dcff', line: '#523090', style: 'wavy' },
  orange: { fill: '#ffe2c4', line: '#8a4a00', style: 'solid' },
};

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A CSS string literal (margin box content). */
const cssString = (s: string): string => `"${s.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;

function localDateTime(now: Date, language: 'zh' | 'en'): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${printedDate(localDay(now), language)} ${p(now.getHours())}:${p(now.getMinutes())}`;
}

function readPlans(db: Db, ids: string[]): Map<string, PlanMeta> {
  const plans = new Map<string, PlanMeta>();
  for (const id of ids) {
    const row = prepared(
      db,
      `SELECT p.id AS id, ${planTitleSql('p')} AS title, p.source AS source, p.published_at AS publishedAt, p.issuer AS issuer,
         p.doc_number AS docNumber, p.doc_date AS docDate,
         (SELECT json_extract(t.json, '$.meta.title') FROM plan_translations t WHERE t.plan_id = p.id AND t.language = 'en') AS titleEn
       FROM plans p WHERE p.id = ?`,
    ).get(id) as PlanMeta | undefined;
    if (row) plans.set(id, row);
  }
  return plans;
}

function readTranslations(db: Db, ids: string[]): Map<string, Translation> {
  const found = new Map<string, Translation>();
  for (const id of ids) {
    const row = prepared(db, "SELECT json FROM plan_translations WHERE plan_id = ? AND language = 'en'").get(id) as { json: string } | undefined;
    if (row) found.set(id, JSON.parse(row.json) as Translation);
  }
  return found;
}

function readNotes(db: Db, itemId: string): NoteRow[] {
  return prepared(
    db,
    `SELECT id, kind, part, language, selectors_json, color, body, anchor_status, created_at FROM user_annotations
     WHERE item_id = ? AND deleted_at IS NULL ORDER BY created_at, rowid`,
  ).all(itemId) as NoteRow[];
}

/** A highlight placed in one text: code point range, its colour and its note number (if any). */
interface Placed {
  start: number;
  end: number;
  color: string;
  note: number | null;
}

interface ItemText {
  headline: string;
  body: string;
}

/** The text of one part with the highlights painted: each highlighted run is a <mark> with its
 *  colour class; after the run's end, its marker (the note number, or a dot) and, for margin
 *  notes, the note itself floated into the margin. */
function paint(text: string, placed: Placed[], marginNote: (n: number) => string): string {
  if (placed.length === 0) return escapeHtml(text);
  const chars = Array.from(text);
  const cuts = new Set<number>([0, chars.length]);
  for (const p of placed) {
    cuts.add(p.start);
    cuts.add(p.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const piece = escapeHtml(chars.slice(a, b).join(''));
    const covering = placed.filter((p) => p.start <= a && p.end >= b);
    out += covering.length ? `<mark class="hl hl-${covering[covering.length - 1]!.color}">${piece}</mark>` : piece;
    for (const p of placed.filter((q) => q.end === b)) {
      out += p.note !== null ? `<sup class="marker">${p.note}</sup>${marginNote(p.note)}` : '<sup class="marker dot">•</sup>';
    }
  }
  return out;
}

interface Options {
  definition: PacketDefinition;
  language: UiLanguage;
  pages?: Record<string, number>;
  now?: Date;
}

export function composePacketHtml(db: Db, { definition, language, pages, now = new Date() }: Options): ComposedPacket {
  const L = LABELS[language];
  const { cover, options } = definition;
  const { rows } = resolvePacket(db, definition);
  const planIds = [...new Set(rows.map((r) => r.planId))];
  const plans = readPlans(db, planIds);
  const translations = readTranslations(db, planIds);
  const statuses = new Map<string, StatusOption>(readStatusOptions(db).map((o) => [o.key, o]));
  const bodyOf = db.prepare('SELECT body FROM initiatives WHERE id = ?');
  const date = cover.date ?? localDay(now);
  const asOf = localDateTime(now, language);
  const printed = (iso: string) => printedDate(iso, language);
  // Both languages side by side leave no room for a margin: notes go after the item then.
  const noteMode = options.notes === 'margin' && options.language === 'both' ? 'endnotes' : options.notes;

  const planName = (planId: string) => {
    const p = plans.get(planId);
    if (!p) return planId;
    return options.language === 'en' && p.titleEn ? p.titleEn : p.title;
  };
  const themeName = (row: InitiativeRow) => {
    const en = translations.get(row.planId)?.themes[row.themeId];
    return options.language === 'en' && en ? en : row.themeHeadline;
  };
  /** "plan · theme", or the plan alone when its one theme is the plan itself (a plan without
   *  theme headings gets its title as its theme). */
  const whereOf = (row: InitiativeRow) => {
    const plan = planName(row.planId);
    const theme = themeName(row);
    return theme === plan || theme === row.planTitle ? plan : `${plan} · ${theme}`;
  };
  const provenance = (planId: string) => {
    const p = plans.get(planId);
    const parts = [
      p?.source ? `${L.source}: ${p.source}` : null,
      p?.publishedAt || p?.docDate ? `${L.published}: ${printed((p.publishedAt || p.docDate)!)}` : null,
      `${L.notesAsOf}: ${asOf}`,
    ];
    return parts.filter(Boolean).join(' · ');
  };

  // The text each face sets, so that only the font subsets it needs are embedded.
  const serifText: string[] = [];
  const sansText: string[] = [];
  const boldText: string[] = [];

  // Groups: consecutive items of one plan and theme share a named page (running header).
  const groups: { key: string; planId: string; row: InitiativeRow; items: { row: InitiativeRow; index: number }[] }[] = [];
  rows.forEach((row, index) => {
    const last = groups[groups.length - 1];
    if (last && last.planId === row.planId && last.row.themeId === row.themeId) last.items.push({ row, index });
    else groups.push({ key: `g${groups.length + 1}`, planId: row.planId, row, items: [{ row, index }] });
  });

  const pageRules = groups
    .map(
      (g) => `@page ${g.key} {
  @top-left { content: ${cssString(planName(g.planId))}; }
  @top-right { content: ${cssString(whereOf(g.row) === planName(g.planId) ? '' : themeName(g.row))}; }
  @bottom-left { content: ${cssString(provenance(g.planId))}; }
}`,
    )
    .join('\n');

  const itemHtml = (row: InitiativeRow, index: number): string => {
    const zh: ItemText = { headline: row.headline, body: (bodyOf.get(row.id) as { body: string } | undefined)?.body ?? '' };
    const t = translations.get(row.planId)?.initiatives[row.id];
    const en: ItemText | null = t ? { headline: t.headline, body: t.body.join(' ') } : null;
    const shown: { lang: 'zh' | 'en'; text: ItemText }[] =
      options.language === 'zh' ? [{ lang: 'zh', text: zh }] : options.language === 'en' ? [{ lang: en ? 'en' : 'zh', text: en ?? zh }] : [{ lang: 'zh', text: zh }, ...(en ? [{ lang: 'en' as const, text: en }] : [])];
    const annotations = options.highlights || noteMode !== 'none' ? readNotes(db, row.id) : [];
    // Number the notes as they stand on the page: notes on the item (beside its heading) first,
    // then highlight notes in the order of their passages.
    const placedBy = new Map<string, Placed[]>();
    const numbered: { n: number; body: string; quote: string | null }[] = [];
    const itemNotes: number[] = [];
    if (noteMode !== 'none') {
      for (const note of annotations.filter((n) => n.kind === 'note' && n.body.trim() !== '')) {
        numbered.push({ n: numbered.length + 1, body: note.body, quote: null });
        itemNotes.push(numbered.length);
      }
    }
    const located: { row: NoteRow; lang: 'zh' | 'en'; part: 'headline' | 'body'; start: number; end: number; quote: string }[] = [];
    for (const h of annotations.filter((n) => n.kind === 'highlight')) {
      const view = shown.find((s) => s.lang === h.language);
      if (!view || !h.part || !h.selectors_json) continue;
      const text = view.text[h.part];
      const anchoring = anchorPassage(text, JSON.parse(h.selectors_json) as TextSelectors);
      if (anchoring.status !== 'anchored' && anchoring.status !== 'relocated') continue;
      const quote = Array.from(text).slice(anchoring.start, anchoring.end).join('');
      located.push({ row: h, lang: h.language!, part: h.part, start: anchoring.start, end: anchoring.end, quote });
    }
    located.sort((a, b) => (a.lang === b.lang ? 0 : a.lang === 'zh' ? -1 : 1) || (a.part === b.part ? 0 : a.part === 'headline' ? -1 : 1) || a.start - b.start);
    for (const l of located) {
      const hasNote = noteMode !== 'none' && l.row.body.trim() !== '';
      const n = hasNote ? numbered.length + 1 : null;
      if (n !== null) numbered.push({ n, body: l.row.body, quote: l.quote });
      if (!options.highlights && n === null) continue;
      const key = `${l.lang}:${l.part}`;
      const list = placedBy.get(key) ?? [];
      list.push({ start: l.start, end: l.end, color: options.highlights ? (l.row.color ?? 'yellow') : 'none', note: n });
      placedBy.set(key, list);
    }
    const noteBody = (n: number) => noteMarkdownToHtml(numbered[n - 1]!.body);
    for (const { lang, text } of shown) {
      serifText.push(text.body);
      boldText.push(text.headline);
      if (lang === 'en') sansText.push(text.headline);
    }
    for (const note of numbered) {
      sansText.push(note.body);
      // Bold or headings in a note, and the numbers (bold in the margin).
      if (/[*_#]/.test(note.body)) boldText.push(note.body);
      if (note.quote !== null) serifText.push(note.quote);
    }
    boldText.push(row.numeral, String(numbered.length));
    const margin = (n: number) =>
      noteMode === 'margin' ? `<aside class="mnote"><span class="mnote-n">${n}</span><div class="mnote-body">${noteBody(n)}</div></aside>` : '';

    const columns = shown
      .map(({ lang, text }) => {
        const head = paint(text.headline, placedBy.get(`${lang}:headline`) ?? [], margin);
        const body = paint(text.body, placedBy.get(`${lang}:body`) ?? [], margin);
        return `<div class="lang lang-${lang}" lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><h3 class="headline">${head}</h3><div class="body">${body}</div></div>`;
      })
      .join('');
    const missingEnglish = options.language !== 'zh' && !en ? `<p class="no-translation">${escapeHtml(L.noEnglish)}</p>` : '';
    const itemMarginNotes = itemNotes.map((n) => `<sup class="marker">${n}</sup>${margin(n)}`).join('');

    const fieldRows: [string, string][] = [
      [L.status, row.status ? (statuses.get(row.status)?.label[language] ?? row.status) : '—'],
      [L.priority, row.priority ? L.priorities[row.priority] : '—'],
      [L.leadUnit, row.leadUnit || '—'],
      [L.deadline, row.deadline ? printed(row.deadline) : '—'],
      [L.progress, row.progressNote || '—'],
      [L.tags, row.tags.length ? row.tags.join('、') : '—'],
    ];
    const fields = options.fields
      ? `<table class="fields"><tbody>${fieldRows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</tbody></table>`
      : '';
    const endnotes =
      noteMode === 'endnotes' && numbered.length
        ? `<section class="endnotes"><h4>${escapeHtml(L.notes)}</h4><ol>${numbered
            .map(
              (e) =>
                `<li value="${e.n}">${e.quote !== null ? `<span class="quote">“${escapeHtml(e.quote)}”</span>` : ''}<div class="note-body">${noteBody(e.n)}</div></li>`,
            )
            .join('')}</ol></section>`
        : '';
    sansText.push(fields, row.shortId, L.notes, L.noEnglish);
    const ruled = options.ruledSpace === 'none' ? '' : `<div class="ruled ruled-${options.ruledSpace}" aria-label="${escapeHtml(L.meetingNotes)}"></div>`;
    return `<article class="item" id="${itemAnchor(index)}">
<div class="item-head"><span class="numeral">${escapeHtml(row.numeral)}</span><span class="item-ref">${escapeHtml(row.shortId)}</span>${itemMarginNotes}</div>
${missingEnglish}<div class="texts${shown.length > 1 ? ' both' : ''}">${columns}</div>
${fields}${endnotes}${ruled}
</article>`;
  };

  const contents = rows.length
    ? `<section class="contents"><h2>${escapeHtml(L.contents)}</h2><ol>${rows
        .map((r, i) => {
          const page = pages?.[r.id];
          return `<li><a href="#${itemAnchor(i)}"><span class="c-num">${i + 1}</span><span class="c-title">${escapeHtml(
            options.language === 'en' ? (translations.get(r.planId)?.initiatives[r.id]?.headline ?? r.headline) : r.headline,
          )}<span class="c-plan">${escapeHtml(whereOf(r))}</span></span><span class="c-page" id="${itemAnchor(i)}-page">${page ?? ''}</span></a></li>`;
        })
        .join('')}</ol></section>`
    : `<section class="contents"><p>${escapeHtml(L.empty)}</p></section>`;

  const summary =
    options.summary && rows.length
      ? `<section class="summary"><h2>${escapeHtml(L.summary)}</h2><table><thead><tr><th>${escapeHtml(L.no)}</th><th>${escapeHtml(L.headline)}</th><th>${escapeHtml(
          L.status,
        )}</th><th>${escapeHtml(L.leadUnit)}</th><th>${escapeHtml(L.deadline)}</th></tr></thead><tbody>${rows
          .map(
            (r, i) =>
              `<tr><td>${i + 1}</td><td>${escapeHtml(r.headline)}<div class="s-plan">${escapeHtml(planName(r.planId))}</div></td><td>${escapeHtml(
                r.status ? (statuses.get(r.status)?.label[language] ?? r.status) : '—',
              )}</td><td>${escapeHtml(r.leadUnit || '—')}</td><td>${escapeHtml(r.deadline ? printed(r.deadline) : '—')}</td></tr>`,
          )
          .join('')}</tbody></table></section>`
      : '';

  const sourceLines = planIds
    .map((id) => {
      const p = plans.get(id);
      if (!p) return '';
      const detail = [p.issuer, p.docNumber, p.docDate || p.publishedAt ? printed((p.docDate || p.publishedAt)!) : null, p.source].filter(Boolean).map((s) => escapeHtml(s!));
      return `<li><span class="src-title">${escapeHtml(planName(id))}</span>${detail.length ? `<span class="src-detail">${detail.join(' · ')}</span>` : ''}</li>`;
    })
    .join('');

  const coverHtml = `<section class="cover">
${cover.marking ? `<div class="marking">${escapeHtml(cover.marking)}</div>` : ''}
<div class="cover-main">
<h1>${escapeHtml(cover.title)}</h1>
${cover.subtitle ? `<p class="subtitle">${escapeHtml(cover.subtitle)}</p>` : ''}
<dl class="cover-meta">
${cover.preparedFor ? `<dt>${escapeHtml(L.preparedFor)}</dt><dd>${escapeHtml(cover.preparedFor)}</dd>` : ''}
${cover.preparedBy ? `<dt>${escapeHtml(L.preparedBy)}</dt><dd>${escapeHtml(cover.preparedBy)}</dd>` : ''}
<dt>${escapeHtml(L.date)}</dt><dd>${escapeHtml(printedDate(date, language))}</dd>
</dl>
</div>
${sourceLines ? `<div class="cover-sources"><h2>${escapeHtml(L.sources)} <span class="count">${escapeHtml(L.items(rows.length))}</span></h2><ul>${sourceLines}</ul></div>` : ''}
</section>`;

  const body = `${coverHtml}
<div class="front">${contents}${summary}</div>
${groups.map((g) => `<section class="group" style="page: ${g.key}">${g.items.map(({ row, index }) => itemHtml(row, index)).join('\n')}</section>`).join('\n')}`;

  const css = packetCss(definition, L.page('counter(page)', 'counter(pages)'), cover.title, noteMode === 'margin');
  sansText.push(contents, summary, sourceLines, pageRules, coverHtml, L.page('', ''), '0123456789–—·•');
  boldText.push(cover.title, cover.marking, L.contents, L.summary, L.sources, L.no, L.headline, L.status, L.leadUnit, L.deadline, sourceLines);
  const fontCss = embeddedFontCss({ serif: serifText.join(''), sans: sansText.join(''), bold: boldText.join('') });
  const html = `<!DOCTYPE html>
<html lang="${language === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${PACKET_CSP}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(cover.title)}</title>
<style>
${fontCss}
${css}
${pageRules}
</style>
</head>
<body>
${body}
</body>
</html>
`;
  return { html, itemIds: rows.map((r) => r.id) };
}

function packetCss(definition: PacketDefinition, pageCounter: string, title: string, margin: boolean): string {
  const { paper, orientation, ruledSpace } = definition.options;
  // The cover fills its page (its sources at the foot) and never spills onto a second one:
  // the page's height less the margins (40 mm) and a little room for rounding.
  const [width, height] = paper === 'A4' ? [210, 297] : [215.9, 279.4];
  const coverHeight = Math.floor((orientation === 'portrait' ? height : width) - 40 - 3);
  const marks = Object.entries(HIGHLIGHT_STYLES)
    .map(
      ([name, s]) =>
        `mark.hl-${name} { background: ${s.fill}; text-decoration: underline ${s.style} ${s.line}; text-decoration-thickness: 1.5px; text-underline-offset: 3px; }`,
    )
    .join('\n');
  return `
@page {
  size: ${paper} ${orientation};
  margin: 20mm 18mm 20mm 18mm;
  @top-left { content: ${cssString(title)}; }
  @bottom-right { content: ${pageCounter}; }
}
@page { @top-left { font: 8pt 'Noto Sans', 'Noto Sans SC', sans-serif; color: #666; vertical-align: bottom; padding-bottom: 3mm; }
        @top-right { font: 8pt 'Noto Sans', 'Noto Sans SC', sans-serif; color: #666; vertical-align: bottom; padding-bottom: 3mm; }
        @bottom-left { font: 7.5pt 'Noto Sans', 'Noto Sans SC', sans-serif; color: #777; vertical-align: top; padding-top: 3mm; }
        @bottom-right { font: 8pt 'Noto Sans', 'Noto Sans SC', sans-serif; color: #444; vertical-align: top; padding-top: 3mm; white-space: nowrap; } }
@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font-family: 'Noto Serif', 'Noto Serif SC', serif; font-size: 10.5pt; line-height: 1.75; color: #1a1a1a; background: #fff; }
h1, h2, h3, h4, .cover-sources, .numeral, .item-ref, .fields, .summary, .contents, .cover-meta, .marking, .mnote, .endnotes h4 { font-family: 'Noto Sans', 'Noto Sans SC', sans-serif; }
.cover { page: cover; break-after: page; min-height: ${coverHeight}mm; display: flex; flex-direction: column; padding-top: 30mm; position: relative; }
.marking { position: absolute; top: 0; right: 0; border: 1.5px solid #b3261e; color: #b3261e; padding: 1mm 4mm; font-size: 12pt; font-weight: 700; letter-spacing: 0.15em; }
.cover h1 { font-size: 26pt; line-height: 1.3; margin: 0 0 6mm; font-weight: 700; border-bottom: 2.5px solid #1a1a1a; padding-bottom: 5mm; }
.subtitle { font-size: 14pt; color: #333; margin: 0 0 14mm; }
.cover-meta { display: grid; grid-template-columns: max-content 1fr; gap: 2mm 8mm; font-size: 11pt; margin: 0; }
.cover-meta dt { color: #666; }
.cover-meta dd { margin: 0; }
.cover-sources { margin-top: auto; border-top: 1px solid #bbb; padding-top: 4mm; font-size: 9pt; }
.cover-sources h2 { font-size: 9pt; font-weight: 700; color: #444; margin: 0 0 2mm; }
.cover-sources .count { font-weight: 400; color: #777; margin-left: 3mm; }
.cover-sources ul { list-style: none; margin: 0; padding: 0; }
.cover-sources li { margin: 1.5mm 0; }
.src-title { display: block; font-weight: 700; }
.src-detail { display: block; color: #555; }
.front { break-after: page; }
.contents h2, .summary h2 { font-size: 15pt; margin: 0 0 5mm; padding-bottom: 2mm; border-bottom: 1.5px solid #1a1a1a; }
.contents ol { list-style: none; margin: 0; padding: 0; }
.contents li { break-inside: avoid; }
.contents a { display: flex; align-items: baseline; gap: 3mm; color: inherit; text-decoration: none; padding: 1.2mm 0; border-bottom: 0.5px dotted #aaa; }
.c-num { width: 8mm; color: #777; font-size: 9pt; text-align: right; flex: none; }
.c-title { flex: 1; font-size: 10pt; }
.c-plan { display: block; font-size: 8pt; color: #777; }
.c-page { width: 12mm; text-align: right; flex: none; font-variant-numeric: tabular-nums; }
.summary { margin-top: 10mm; }
.summary table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
.summary thead { display: table-header-group; }
.summary th { text-align: left; border-bottom: 1.5px solid #333; padding: 1.5mm 2mm; }
.summary td { border-bottom: 0.5px solid #ccc; padding: 1.5mm 2mm; vertical-align: top; }
/* A deadline reads as one date (31 Dec 2024), not broken across lines by a narrow column. */
.summary td:last-child { white-space: nowrap; }
.summary tr { break-inside: avoid; }
.s-plan { color: #777; font-size: 7.5pt; }
.group { break-before: page; }
.item { ${margin ? 'padding-right: 52mm;' : ''} margin-bottom: 9mm; }
.item + .item { border-top: 0.75px solid #999; padding-top: 5mm; }
.item-head { font-size: 9pt; color: #666; break-after: avoid; }
.item-head .item-ref { margin-left: 3mm; }
.numeral { font-weight: 700; color: #1a1a1a; }
.item-ref { color: #888; }
.headline { font-size: 13pt; line-height: 1.45; margin: 1mm 0 3mm; font-weight: 700; break-after: avoid; }
.body { white-space: pre-line; text-align: justify; }
.lang-en .body { text-align: left; hyphens: auto; }
.texts.both { display: grid; grid-template-columns: 1fr 1fr; gap: 7mm; }
.texts.both .lang-en { border-left: 0.5px solid #ccc; padding-left: 7mm; }
.no-translation { font-size: 8.5pt; color: #777; margin: 0 0 2mm; }
mark.hl { color: inherit; padding: 0 0.5px; }
${marks}
mark.hl-none { background: none; }
sup.marker { font-family: 'Noto Sans', sans-serif; font-size: 6.5pt; font-weight: 700; color: #1a1a1a; margin: 0 0.5px; line-height: 0; }
sup.marker.dot { font-weight: 400; }
.mnote { float: right; clear: right; width: 46mm; margin-right: -52mm; margin-top: 0.5mm; margin-bottom: 2mm; font-size: 7.5pt; line-height: 1.45; color: #333; border-left: 1.5px solid #888; padding-left: 2mm; text-align: left; white-space: normal; break-inside: avoid; }
.mnote-n { font-weight: 700; margin-right: 1mm; }
.mnote-body { display: inline; }
.mnote-body > :first-child { display: inline; }
.mnote p, .endnotes p { margin: 0 0 1mm; }
.mnote ul, .mnote ol { margin: 0; padding-left: 4mm; }
.endnotes { margin-top: 4mm; font-size: 8.5pt; line-height: 1.55; border-top: 0.5px solid #ccc; padding-top: 2mm; break-inside: auto; }
.endnotes h4 { font-size: 8.5pt; margin: 0 0 1mm; color: #444; break-after: avoid; }
.endnotes ol { margin: 0; padding-left: 6mm; }
.endnotes li { margin-bottom: 1.5mm; break-inside: avoid; }
.quote { color: #555; display: block; font-style: italic; }
.note-body :last-child { margin-bottom: 0; }
a { color: #1f4f8f; }
pre, code { font-size: 0.9em; white-space: pre-wrap; }
blockquote { margin: 0 0 1mm; padding-left: 3mm; border-left: 2px solid #ccc; color: #444; }
.fields { border-collapse: collapse; font-size: 8pt; margin-top: 3mm; width: auto; max-width: 100%; break-inside: avoid; }
.fields th { text-align: left; font-weight: 400; color: #666; padding: 0.6mm 4mm 0.6mm 0; vertical-align: top; white-space: nowrap; }
.fields td { padding: 0.6mm 0; vertical-align: top; }
.fields tr { border-bottom: 0.5px solid #e2e2e2; }
.ruled { margin-top: 4mm; background-image: repeating-linear-gradient(to bottom, transparent 0, transparent 7.5mm, #9a9a9a 7.5mm, #9a9a9a 7.8mm); break-inside: avoid; }
.ruled-short { height: ${ruledSpace === 'short' ? '38mm' : '0'}; }
.ruled-half { height: ${orientation === 'landscape' ? '70mm' : '115mm'}; }
@media screen {
  html { background: #e9e9e9; }
  body { max-width: ${orientation === 'landscape' ? '297mm' : '210mm'}; margin: 8mm auto; background: #fff; padding: 20mm 18mm; box-shadow: 0 1px 6px rgba(0,0,0,0.2); }
  .cover { min-height: 0; padding-bottom: 20mm; border-bottom: 1px dashed #bbb; margin-bottom: 12mm; }
  .front { border-bottom: 1px dashed #bbb; padding-bottom: 12mm; margin-bottom: 12mm; }
  .group + .group { border-top: 1px dashed #bbb; padding-top: 12mm; }
}
`;
}
