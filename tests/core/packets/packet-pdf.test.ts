// A briefing packet end to end, checked with real PDF tools: items of two plans with the
// reader's Chinese and English notes and highlights, rendered to PDF by a real Chromium through
// packet.pdf (two passes), then read back with poppler: every chosen headline and every note is
// there in order, the fonts are embedded, the contents' page numbers are the pages the items
// start on, and no page is empty. The cover and a page with notes are rendered to PNG under
// tests/output/packets/ for a person to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createAnnotation } from '../../../electron/core/services/annotations/annotations';
import type { PacketDefinition } from '../../../shared/api/packets/methods';
import type { Result } from '../../../shared/api/result';
import { describePassage } from '../../../shared/domain/anchoring';
import { createTestCore, updateLatest } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';
import { importSecondPlan } from './second-plan';
import { value } from '../../helpers/result';

const OUT = join(__dirname, '..', '..', 'output', 'packets');
const temp = useTempDirs();
let core: Core;
let second: { planId: string; itemIds: string[] };

const call = async <T>(method: string, args: unknown): Promise<Result<T>> => (await core.router.dispatch(method, args)) as Result<T>;

const FIRST = ['hz-2024/T3/I3', 'hz-2024/T1/I1', 'hz-2024/T2/I1'];
/** Notes in the order the packet shows them: per item, notes on the item, then highlight notes. */
const NOTES: { itemId: () => string; body: string; highlight?: { start: number; end: number } }[] = [
  { itemId: () => FIRST[0]!, body: 'Ask the lead unit for the **timeline** of the pilot zones.' },
  { itemId: () => FIRST[0]!, body: '会前核对：产业基金规模是否到位', highlight: { start: 0, end: 8 } },
  { itemId: () => FIRST[1]!, body: '与发改委沟通政策兑现进度' },
  { itemId: () => second.itemIds[0]!, body: 'Elevator retrofits: budget split with districts?', highlight: { start: 4, end: 12 } },
  { itemId: () => second.itemIds[2]!, body: '十五分钟便民生活圈的考核口径需明确' },
];

const pdftotext = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

function definition(options: Partial<PacketDefinition['options']> = {}): PacketDefinition {
  return {
    cover: { title: '城市工作周例会简报', subtitle: '重点任务与城市更新', preparedFor: '市政府办公厅', preparedBy: '政策研究室', date: '2024-06-03', marking: '内部资料' },
    sources: [
      { kind: 'items', itemIds: FIRST },
      { kind: 'plan', planId: second.planId },
    ],
    order: [],
    options: { language: 'zh', highlights: true, notes: 'margin', fields: true, summary: true, ruledSpace: 'short', paper: 'A4', orientation: 'portrait', ...options },
  };
}

beforeAll(async () => {
  core = createTestCore(temp.make());
  mkdirSync(OUT, { recursive: true });
  second = await importSecondPlan(core);
  updateLatest(core.db, FIRST[0]!, { status: 'in_progress', leadUnit: '市经信局', deadline: '2024-12-31', tags: ['产业', '本周'] });
  updateLatest(core.db, second.itemIds[0]!, { status: 'done', leadUnit: '市住建局', progressNote: '已完成年度计划的六成' });
  let minute = 0;
  for (const note of NOTES) {
    const itemId = note.itemId();
    const body = core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(itemId) as string;
    createAnnotation(
      core.db,
      {
        id: randomUUID(),
        kind: note.highlight ? 'highlight' : 'note',
        planId: itemId.split('/')[0]!,
        itemId,
        target: note.highlight ? { itemId, part: 'body', language: 'zh', selectors: describePassage(body, note.highlight.start, note.highlight.end) } : null,
        color: note.highlight ? 'yellow' : null,
        body: note.body,
        tags: [],
      },
      new Date(Date.UTC(2024, 5, 1, 8, minute++)),
    );
  }
}, 120_000);
afterAll(() => core.close());

async function savePdf(def: PacketDefinition, name: string): Promise<{ file: string; pages: number }> {
  const result = value(await call<{ fileName: string; pdfBase64: string; pages: number }>('packet.pdf', { jobId: randomUUID(), definition: def, language: 'zh' }));
  expect(result.fileName).toBe('城市工作周例会简报 2024-06-03.pdf');
  const file = join(OUT, name);
  writeFileSync(file, Buffer.from(result.pdfBase64, 'base64'));
  return { file, pages: result.pages };
}

describe('packet.pdf, read back with poppler', () => {
  it('has every headline and note in order, embedded fonts, true contents page numbers and no empty page', async () => {
    const { file, pages } = await savePdf(definition(), 'packet-margin.pdf');
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(pages);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);

    // Headlines in packet order, after the front matter (cover, contents, summary).
    const ids = [...FIRST, ...second.itemIds];
    const headlines = ids.map((id) => core.db.prepare('SELECT headline FROM initiatives WHERE id = ?').pluck().get(id) as string);
    const front = squash(pdftotext(file, '-f', '1', '-l', '2'));
    expect(front).toContain('城市工作周例会简报');
    expect(front).toContain('内部资料');
    // The cover's date as a Chinese document writes it (the packet's language), not ISO.
    expect(front).toContain('2024年6月3日');
    // So is every other date: the deadline (in the summary and the item's fields), the plan's
    // publication date and when the notes were read (the running footer); no ISO date is left.
    const whole = squash(pdftotext(file));
    expect(whole.match(/2024年12月31日/g)?.length).toBe(2);
    expect(whole).toMatch(/发布:2024年5月11日·笔记截至:\d{4}年\d{1,2}月\d{1,2}日\d\d:\d\d/);
    expect(whole).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // The contents: each headline with a page number, and that page has the headline.
    const contents = pdftotext(file, '-layout', '-f', '2', '-l', '2');
    const lines = contents.split('\n');
    const found: number[] = [];
    for (const headline of headlines) {
      const line = lines.find((l) => squash(l).includes(squash(headline).slice(0, 12)));
      expect(line, headline).toBeDefined();
      const page = Number(/(\d+)\s*$/.exec(line!)?.[1]);
      expect(page, headline).toBeGreaterThan(2);
      expect(squash(pdftotext(file, '-f', String(page), '-l', String(page))), `${headline} on page ${page}`).toContain(squash(headline));
      found.push(page);
    }
    // Packet order is page order; a new plan or theme starts a new page.
    expect([...found].sort((a, b) => a - b)).toEqual(found);
    const bodyText = squash(pdftotext(file, '-f', String(found[0]), '-l', String(pages)));
    let at = 0;
    for (const headline of headlines) {
      const next = bodyText.indexOf(squash(headline), at);
      expect(next, `headline in order: ${headline}`).toBeGreaterThanOrEqual(at);
      at = next;
    }
    // Every note, in order (bold Markdown comes out as its text).
    at = 0;
    for (const note of NOTES) {
      const text = squash(note.body.replace(/\*\*/g, ''));
      const next = bodyText.indexOf(text, at);
      expect(next, `note in order: ${note.body}`).toBeGreaterThanOrEqual(at);
      at = next;
    }
    // The page count is what the content needs: every page has text of its own, beyond the
    // running header and footer (no blank page between groups, none at the end).
    for (let page = 1; page <= pages; page++) {
      const text = pdftotext(file, '-f', String(page), '-l', String(page));
      const own = squash(text.split('\n').filter((l) => !/第\d+页\/共\d+页|来源|笔记截至/.test(squash(l))).join(''));
      expect(own.length, `page ${page} has content`).toBeGreaterThan(20);
    }
    expect(pages).toBe(found[found.length - 1]);

    // Fonts: all embedded (subsets of the bundled Noto faces), Chinese and Latin.
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(2);
    // Every font embedded; the outline fonts as subsets (Chromium writes a few glyphs, such as
    // synthesized styles, as Type 3 programs, which live in the PDF by nature).
    for (const font of fonts) expect(font, font).toMatch(/Type 3\s+Custom\s+yes|\s+yes\s+yes\s+yes\s+/);
    expect(fonts.some((f) => /NotoSerifSC/.test(f))).toBe(true);
    expect(fonts.some((f) => /NotoSansSC/.test(f))).toBe(true);

    // Pictures to look at: the cover and the first page with a margin note.
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, 'packet-cover')]);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '2', '-l', '2', '-singlefile', file, join(OUT, 'packet-contents')]);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(found[0]), '-l', String(found[0]), '-singlefile', file, join(OUT, 'packet-notes')]);
  }, 180_000);

  it('puts notes after each item as endnotes, in English and Chinese side by side, on Letter landscape', async () => {
    const { file, pages } = await savePdf(definition({ notes: 'endnotes', language: 'both', paper: 'Letter', orientation: 'landscape', summary: false, ruledSpace: 'none' }), 'packet-both.pdf');
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+79[12](\.\d+)? x 61[12](\.\d+)? pts/);
    // The cover keeps to one page: the contents are page 2.
    expect(squash(pdftotext(file, '-f', '2', '-l', '2'))).toContain('目录');
    const text = squash(pdftotext(file, '-f', '3', '-l', String(pages)));
    for (const note of NOTES) expect(text).toContain(squash(note.body.replace(/\*\*/g, '')));
    // The embedded plan's English translation stands beside the Chinese.
    const en = core.db.prepare("SELECT json_extract(json, '$.initiatives.\"hz-2024/T3/I3\".headline') FROM plan_translations WHERE plan_id = 'hz-2024' AND language = 'en'").pluck().get() as string;
    expect(text).toContain(squash(en));
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', file, join(OUT, 'packet-both-cover')]);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '3', '-l', '3', '-singlefile', file, join(OUT, 'packet-both')]);
  }, 180_000);

  it('cancels a run: CANCELLED, and the job is gone', async () => {
    const jobId = randomUUID();
    const running = call('packet.pdf', { jobId, definition: definition(), language: 'en' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(value(await call('packet.progress', { jobId }))).toMatchObject({ total: 3 });
    expect(value(await call('packet.cancel', { jobId }))).toBeNull();
    const result = await running;
    expect(result).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(value(await call('packet.progress', { jobId }))).toBeNull();
  }, 120_000);
});
