// Parser for a plan published as a newspaper commentary (the embedded Hangzhou 2024 article):
// page chrome, title, publication time, graphics credit, lead paragraph, unnumbered theme
// headlines, 第一、/第二、… initiatives, enumerations with stated counts, author note, and the
// trailing source/author/editor and tag lines. It is strict: anything it cannot place is an
// error naming the line, because a silently mis-parsed plan would mislead its readers.
// The app now stores the embedded plan through the importer (embedded.ts); this parser stays
// as the independent reading that import is checked against (the projection must give the
// same themes, initiatives and lists, tests/core/plan-store.test.ts) and that the bench
// corpus's generated plans are checked with.
import type { Initiative, PlanDocument, PlanList, PlanMeta, Theme } from '../../../shared/domain/plan';
import { parseSmallNumber } from './chinese-numerals';
import { stripLeadVerb } from '../import/outline/lists';

export class PlanParseError extends Error {
  constructor(
    readonly line: number | null,
    detail: string,
  ) {
    super(line === null ? detail : `line ${line}: ${detail}`);
    this.name = 'PlanParseError';
  }
}

interface Line {
  no: number;
  text: string;
}

const CHROME_BACK = /^返\s*回$/;
const CHROME_LOCATION = /^所在位置\s*[:：]\s*(.*)$/;
const PUBLISHED = /^发布时间\s*[:：]\s*(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?)$/;
const GRAPHICS = /^制图\s+(.+)$/;
const INITIATIVE = /^第([一二三四五六七八九十]+)、(.*)$/;
const AUTHOR_NOTE = /^[（(](作者系.+)[）)]$/;
const SOURCE_LINE = /^来源\s*[:：]/;
const SOURCE_FIELD = /(来源|作者|编辑)\s*[:：]\s*(\S+)/g;
const THEME_LINE = /“([^”]+)”主题主线/;
// 8大新兴产业 / 九大未来产业: a count, 大, and what is counted.
const ENUMERATION = /等(\d{1,3}|[一二三四五六七八九十]{1,3})大([\u4e00-\u9fff]{1,12}?)(?=[,，。；;、\s]|$)/g;
// Just the stated count, to catch an enumeration ENUMERATION cannot read (it must not vanish).
const STATED_COUNT = /等(\d{1,3}|[一二三四五六七八九十]{1,3})大/g;
// Verbs that introduce an enumeration (…积极培育发展 A、B…): cut from the first item.
const LEAD_VERBS = ['培育发展', '发展', '布局', '培育', '壮大', '打造', '建设', '推进', '包括', '聚焦'];
const CLAUSE_BREAK = /[,，。；;：:]/;
// A paragraph ends in sentence punctuation, perhaps inside closing quotes or brackets; a theme
// headline does not (T4 ends in “美丽样板”, a quote with no punctuation before it).
const PARAGRAPH_END = /[。！？!?：:；;…][”’」』）)]*$/;

export interface ParseOptions {
  /** Stable plan id used as the prefix of every item id, e.g. `hz-2024`. */
  planId: string;
  language?: string;
}

export function parseArticle(source: string, options: ParseOptions): PlanDocument {
  const { planId } = options;
  const lines = toLines(source);
  let i = 0;
  const peek = (): Line | undefined => lines[i];

  // Page chrome: 返 回 is dropped, 所在位置 carries the column name.
  let column: string | null = null;
  while (peek() && (CHROME_BACK.test(peek()!.text) || CHROME_LOCATION.test(peek()!.text))) {
    const loc = CHROME_LOCATION.exec(peek()!.text);
    if (loc) column = loc[1]!.trim() || null;
    i++;
  }

  const titleLine = peek();
  if (!titleLine) throw new PlanParseError(null, 'the article is empty: no title found');
  const title = titleLine.text;
  i++;

  let publishedAt: string | null = null;
  let graphics: string | null = null;
  for (;;) {
    const line = peek();
    const pub = line && PUBLISHED.exec(line.text);
    const gfx = line && GRAPHICS.exec(line.text);
    if (pub) publishedAt = pub[1]!;
    else if (gfx) graphics = gfx[1]!.trim();
    else break;
    i++;
  }

  // Lead: every paragraph up to the first theme headline (the line before the first 第一、).
  const firstInitiative = lines.findIndex((l, idx) => idx >= i && INITIATIVE.test(l.text));
  if (firstInitiative < 0) throw new PlanParseError(null, 'no initiative numbered 第一、 was found');
  const firstThemeAt = firstInitiative - 1;
  if (firstThemeAt < i + 1) {
    throw new PlanParseError(lines[firstInitiative]!.no, 'expected a lead paragraph and a theme headline before the first initiative');
  }
  const leadLines = lines.slice(i, firstThemeAt);
  // A line here without closing punctuation is a theme headline whose initiatives are missing
  // (the first theme, since later ones are checked below); taking it as lead would hide it.
  const headlineInLead = leadLines.find((l) => !PARAGRAPH_END.test(l.text));
  if (headlineInLead) {
    throw new PlanParseError(
      headlineInLead.no,
      `expected a lead paragraph ending in punctuation, found what looks like a theme headline with no initiatives: ${clip(headlineInLead.text)}`,
    );
  }
  const lead = leadLines.map((l) => l.text).join('\n');
  i = firstThemeAt;

  const themes: Theme[] = [];
  const initiatives: Initiative[] = [];
  // Source line of each initiative, so a list error names the line that states the list.
  const lineOf = new Map<Initiative, number>();
  while (peek() && !isTail(peek()!.text)) {
    const line = peek()!;
    if (INITIATIVE.test(line.text)) {
      throw new PlanParseError(line.no, 'initiative outside a theme');
    }
    if (/[。！？]$/.test(line.text)) {
      throw new PlanParseError(line.no, `expected a theme headline (a line without closing 。), found: ${clip(line.text)}`);
    }
    const theme: Theme = { id: `${planId}/T${themes.length + 1}`, planId, ordinal: themes.length + 1, headline: line.text };
    themes.push(theme);
    i++;
    let expected = 1;
    while (peek() && INITIATIVE.test(peek()!.text)) {
      const l = peek()!;
      const [, numeral, rest] = INITIATIVE.exec(l.text)!;
      const ordinal = parseSmallNumber(numeral!);
      if (ordinal !== expected) {
        throw new PlanParseError(l.no, `expected initiative 第${expected} in theme ${theme.ordinal}, found 第${numeral}`);
      }
      const stop = rest!.indexOf('。');
      if (stop <= 0) throw new PlanParseError(l.no, 'an initiative must open with a headline sentence ending in 。');
      const initiative: Initiative = {
        id: `${theme.id}/I${ordinal}`,
        themeId: theme.id,
        ordinal,
        numeral: `第${numeral}`,
        headline: rest!.slice(0, stop),
        body: rest!.slice(stop + 1),
      };
      initiatives.push(initiative);
      lineOf.set(initiative, l.no);
      expected++;
      i++;
    }
    if (expected === 1) throw new PlanParseError(line.no, `theme ${theme.ordinal} has no initiatives`);
  }

  let authorNote: string | null = null;
  const note = peek() && AUTHOR_NOTE.exec(peek()!.text);
  if (note) {
    authorNote = note[1]!;
    i++;
  }

  const fields: Record<string, string> = {};
  if (peek() && SOURCE_LINE.test(peek()!.text)) {
    for (const m of peek()!.text.matchAll(SOURCE_FIELD)) fields[m[1]!] = m[2]!;
    i++;
  }
  let tags: string[] = [];
  if (peek()) {
    tags = peek()!.text.split(/[、,，]/).map((t) => t.trim()).filter(Boolean);
    i++;
  }
  if (peek()) throw new PlanParseError(peek()!.no, `unexpected text after the tag line: ${clip(peek()!.text)}`);

  const meta: PlanMeta = {
    id: planId,
    title,
    column,
    publishedAt,
    source: fields['来源'] ?? null,
    author: fields['作者'] ?? null,
    editor: fields['编辑'] ?? null,
    graphics,
    tags,
    themeLine: THEME_LINE.exec(lead)?.[1] ?? null,
    lead,
    authorNote,
    language: options.language ?? 'zh',
  };
  return { meta, themes, initiatives, lists: findLists(planId, initiatives, lineOf) };

  function isTail(text: string): boolean {
    return AUTHOR_NOTE.test(text) || SOURCE_LINE.test(text);
  }
}

/** Finds enumerations with a stated count and checks each count against the items found. */
function findLists(planId: string, initiatives: Initiative[], lineOf: Map<Initiative, number>): PlanList[] {
  const lists: PlanList[] = [];
  for (const initiative of initiatives) {
    const text = initiative.body;
    const readable = new Set([...text.matchAll(ENUMERATION)].map((m) => m.index));
    const unreadable = [...text.matchAll(STATED_COUNT)].find((m) => !readable.has(m.index));
    if (unreadable) {
      throw new PlanParseError(
        lineOf.get(initiative) ?? null,
        `cannot read the enumeration stated as ${clip(text.slice(unreadable.index, unreadable.index + 20))}: ` +
          'expected 等N大 followed by what is counted and a punctuation mark',
      );
    }
    for (const m of text.matchAll(ENUMERATION)) {
      const stated = parseSmallNumber(m[1]!);
      const label = m[2]!;
      // The items are the 、-separated run between the previous clause break and 等.
      const before = text.slice(0, m.index);
      let start = before.length;
      while (start > 0 && !CLAUSE_BREAK.test(before[start - 1]!)) start--;
      const parts = before.slice(start).split('、').map((p) => p.trim());
      parts[0] = stripLeadVerb(parts[0]!, LEAD_VERBS);
      const id = `${planId}/L${lists.length + 1}`;
      const lineNo = lineOf.get(initiative) ?? null;
      if (parts.some((p) => p === '')) {
        throw new PlanParseError(lineNo, `the list of ${m[1]}大${label} has an empty item`);
      }
      if (stated !== parts.length) {
        throw new PlanParseError(
          lineNo,
          `the text states ${m[1]}大${label} but lists ${parts.length} items: ${parts.join('、')}`,
        );
      }
      lists.push({
        id,
        planId,
        initiativeId: initiative.id,
        ordinal: lists.length + 1,
        label,
        statedCount: stated,
        items: parts.map((text, k) => ({ id: `${id}/${k + 1}`, listId: id, ordinal: k + 1, text })),
      });
    }
  }
  return lists;
}

/** Non-empty lines with their 1-based numbers, trimmed, after CRLF and BOM normalisation. */
function toLines(source: string): Line[] {
  return source
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((text, idx) => ({ no: idx + 1, text: text.trim() }))
    .filter((l) => l.text !== '');
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
