// annotation.export and annotation.import through the real core (real SQLite file, the
// embedded plan) by the router: what each export holds, the merge rules of import, and that a
// bad file changes nothing (the whole database compared before and after).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { Annotation } from '../../../shared/api/annotations/methods';
import type { AnnotationExport, AnnotationImportReport } from '../../../shared/api/annotation-exchange/methods';
import type { ApiArgs, ApiMethod } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { codePointLength, describePassage, type AnchorStatus } from '../../../shared/domain/anchoring';
import { HIGHLIGHT_COLORS } from '../../../shared/api/annotations/methods';
import { addAnnotation } from '../../helpers/annotations';
import { createTestCore } from '../../helpers/core';
import { dumpTables } from '../../helpers/db-dump';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs('briefbook-annotation-exchange-');
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

async function call<M extends ApiMethod>(method: M, args: ApiArgs<M>, on = core): Promise<unknown> {
  const r: Result<unknown> = await on.router.dispatch(method, args);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
async function refused<M extends ApiMethod>(method: M, args: ApiArgs<M>, on = core): Promise<string> {
  const r: Result<unknown> = await on.router.dispatch(method, args);
  if (r.ok) throw new Error('not refused');
  expect(r.error.code).toBe('BAD_REQUEST');
  return r.error.message;
}
const exportAs = (format: 'md' | 'csv' | 'json' | 'jsonld', extra: { planId?: string; language?: 'zh' | 'en' } = {}, on = core) =>
  call('annotation.export', { format, ...extra }, on) as Promise<AnnotationExport>;
const importText = (text: string, fileName = 'annotations.json', on = core) =>
  call('annotation.import', { fileName, text }, on) as Promise<AnnotationImportReport>;
const get = (id: string) => call('annotation.get', { id }) as Promise<Annotation>;
const userTables = () => dumpTables(core.db, /^user_annotation/);

const ITEM = 'hz-2024/T3/I3';

function someAnnotations() {
  const hl = addAnnotation(core.db, { kind: 'highlight', itemId: ITEM, body: '<script>alert(1)</script> **重要**', tags: ['重点'] });
  const note = addAnnotation(core.db, { kind: 'note', itemId: 'hz-2024/T1/I1', body: '=HYPERLINK("http://x")' });
  const planNote = addAnnotation(core.db, { kind: 'note', itemId: null, planId: 'hz-2024', body: '整体' });
  const trashed = addAnnotation(core.db, { kind: 'note', itemId: ITEM, body: '已删除', trashed: true });
  return { hl, note, planNote, trashed };
}

describe('annotation.export', () => {
  it('Markdown: by plan, theme and item in reading order, trash left out, file name and type', async () => {
    const { hl } = someAnnotations();
    const md = await exportAs('md', { language: 'zh' });
    expect(md.fileName).toMatch(/^briefbook-annotations-all-plans-\d{4}-\d{2}-\d{2}\.md$/);
    expect(md.mimeType).toBe('text/markdown;charset=utf-8');
    expect(md.count).toBe(3);
    const title = core.db.prepare("SELECT title FROM plans WHERE id = 'hz-2024'").pluck().get() as string;
    expect(md.text).toContain(`## ${title}`);
    expect(md.text.indexOf('### 计划笔记')).toBeLessThan(md.text.indexOf('整体'));
    // Reading order: T1 before T3.
    expect(md.text.indexOf('HYPERLINK')).toBeLessThan(md.text.indexOf(hl.target!.selectors.quote.exact));
    expect(md.text).toContain(`> ${hl.target!.selectors.quote.exact}`);
    expect(md.text).toContain('&lt;script>alert(1)&lt;/script> **重要**');
    expect(md.text).not.toContain('已删除');
  });

  it('CSV: one row per annotation, formulas neutralised, BOM; JSON and JSON-LD keep the trash', async () => {
    someAnnotations();
    const csv = await exportAs('csv');
    expect(csv.text.startsWith('\uFEFFPlan,Theme,Initiative')).toBe(true);
    expect(csv.text.trimEnd().split('\r\n')).toHaveLength(4);
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect((await exportAs('json')).count).toBe(4);
    expect((await exportAs('jsonld')).count).toBe(4);
  });

  it('one plan only, and an unknown plan is NOT_FOUND', async () => {
    someAnnotations();
    expect((await exportAs('json', { planId: 'hz-2024' })).count).toBe(4);
    const r = await core.router.dispatch('annotation.export', { format: 'json', planId: 'no-such-plan' });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});

describe('annotation.import', () => {
  it('into a fresh library adds everything as it was, revisions and trash included; twice changes nothing', async () => {
    someAnnotations();
    const before = await exportAs('json');
    const other = createTestCore(temp.make());
    try {
      expect(await importText(before.text, 'a.json', other)).toEqual({ added: 4, updated: 0, unchanged: 0, keptLocal: 0, notInLibrary: 0 });
      const after = (await exportAs('json', {}, other)).text;
      expect(JSON.parse(after).annotations).toEqual(JSON.parse(before.text).annotations);
      const dump = dumpTables(other.db, /^user_annotation/);
      expect(await importText(before.text, 'a.json', other)).toEqual({ added: 0, updated: 0, unchanged: 4, keptLocal: 0, notInLibrary: 0 });
      expect(dumpTables(other.db, /^user_annotation/)).toEqual(dump);
      const history = (await call('annotation.history', { id: JSON.parse(before.text).annotations[0].id }, other)) as { reason: string }[];
      expect(history.map((h) => h.reason)).toEqual(['import']);
    } finally {
      other.close();
    }
  });

  it('an older local state is updated with a new revision, the previous kept in the history', async () => {
    const { note } = someAnnotations();
    const file = JSON.parse((await exportAs('json')).text) as { annotations: Annotation[] };
    const record = file.annotations.find((a) => a.id === note.id)!;
    Object.assign(record, { body: '别处改过', tags: ['外来'], revision: note.revision + 3, modifiedAt: '2030-01-01T00:00:00.000Z' });
    expect(await importText(JSON.stringify(file))).toMatchObject({ updated: 1, unchanged: 3 });
    const now = await get(note.id);
    expect(now).toMatchObject({ body: '别处改过', tags: ['外来'], revision: note.revision + 3 });
    const history = (await call('annotation.history', { id: note.id })) as { body: string; reason: string; revision: number }[];
    expect(history[0]).toMatchObject({ body: '别处改过', reason: 'import', revision: note.revision + 3 });
    expect(history.map((h) => h.body)).toContain('=HYPERLINK("http://x")');
    // An edit made on the revision before the import is a conflict, not a silent overwrite.
    const stale = await core.router.dispatch('annotation.update', { id: note.id, baseRevision: note.revision, patch: { body: 'x' } });
    expect(stale.ok ? null : stale.error.code).toBe('CONFLICT');
  });

  it('a newer local edit is kept, the file’s state goes into its history, once', async () => {
    const { note } = someAnnotations();
    const exported = (await exportAs('json')).text;
    const edited = (await call('annotation.update', { id: note.id, baseRevision: note.revision, patch: { body: '本地更新' } })) as Annotation;
    const file = JSON.parse(exported) as { annotations: Annotation[] };
    Object.assign(file.annotations.find((a) => a.id === note.id)!, { body: '文件里的旧改动' });
    expect(await importText(JSON.stringify(file))).toMatchObject({ keptLocal: 1, updated: 0 });
    const now = await get(note.id);
    expect(now.body).toBe('本地更新');
    expect(now.revision).toBeGreaterThan(edited.revision);
    const history = (await call('annotation.history', { id: note.id })) as { body: string; reason: string }[];
    expect(history[0]).toMatchObject({ body: '本地更新', reason: 'import' });
    expect(history[1]).toMatchObject({ body: '文件里的旧改动', reason: 'import' });
    const dump = userTables();
    expect(await importText(JSON.stringify(file))).toMatchObject({ keptLocal: 1 });
    expect(userTables()).toEqual(dump);
  });

  it('JSON-LD imports like JSON', async () => {
    someAnnotations();
    const jsonld = (await exportAs('jsonld')).text;
    const other = createTestCore(temp.make());
    try {
      expect(await importText(jsonld, 'a.jsonld', other)).toMatchObject({ added: 4 });
      expect(JSON.parse((await exportAs('json', {}, other)).text).annotations).toEqual(JSON.parse((await exportAs('json')).text).annotations);
    } finally {
      other.close();
    }
  });

  it('keeps annotations on plans or items this library does not have on their own item, and says how many', async () => {
    const file = JSON.parse((await exportAs('json')).text) as { annotations: unknown[] };
    file.annotations.push({
      id: randomUUID(), kind: 'note', planId: 'p-00000000ff', itemId: 'p-00000000ff/s0123456789', target: null, anchor: null, color: null,
      body: '别的规划', tags: [], createdAt: '2026-01-01T00:00:00.000Z', modifiedAt: '2026-01-01T00:00:00.000Z', revision: 1, deletedAt: null,
    });
    expect(await importText(JSON.stringify(file))).toMatchObject({ added: 1, notInLibrary: 1 });
    const md = await exportAs('md');
    expect(md.text).toContain('## Plan p-00000000ff (not in this library)');
    expect(md.text).toContain('#### Initiative p-00000000ff/s0123456789 (not in this library)');
  });

  it('a bad file is refused naming the record and field, and nothing changes', async () => {
    const { note, hl } = someAnnotations();
    const good = JSON.parse((await exportAs('json')).text) as { annotations: Record<string, unknown>[] };
    // The first records are fine (one would be an update): all or nothing.
    (good.annotations[0]!).body = '新的';
    (good.annotations[0]!).revision = 99;
    const dump = dumpTables(core.db);

    const broken = structuredClone(good);
    (broken.annotations[3]!.target as unknown) = { itemId: ITEM, part: 'body', language: 'zh', selectors: {} };
    broken.annotations[3]!.kind = 'highlight';
    expect(await refused('annotation.import', { fileName: 'bad.json', text: JSON.stringify(broken) })).toMatch(/^bad\.json: annotations\[3\]\.target\.selectors\.quote/);

    const moved = structuredClone(good);
    const i = moved.annotations.findIndex((a) => a.id === note.id);
    moved.annotations[i]!.itemId = 'hz-2024/T2/I2';
    expect(await refused('annotation.import', { fileName: 'moved.json', text: JSON.stringify(moved) })).toMatch(
      new RegExp(`^moved\\.json: annotations\\[${i}\\] \\(${note.id}\\) is a note on hz-2024/T2/I2, but here that id is a note on hz-2024/T1/I1`),
    );
    expect(await refused('annotation.import', { fileName: 'x.json', text: '{"format":"briefbook-annotations","version":1,"annotations":[1]}' })).toMatch(
      /annotations\[0\]/,
    );
    expect(await refused('annotation.import', { fileName: 'x.json', text: '' })).toMatch(/^x\.json: is not JSON/);
    expect(dumpTables(core.db)).toEqual(dump);
    expect((await get(hl.id)).revision).toBe(hl.revision);
  });
});

// Any set of annotations, exported and imported into a fresh library, comes back field for
// field (JSON and JSON-LD). Highlights are real passages of the embedded plan's items.
describe('round trip (property)', () => {
  it('export → import into a fresh database gives back every annotation', async () => {
    const items = core.db.prepare("SELECT id, body FROM initiatives WHERE plan_id = 'hz-2024' ORDER BY id").all() as { id: string; body: string }[];
    const text = fc.string({ unit: fc.constantFrom('a', '重', '点', '<', '`', '\n', '"', '😀', '=', ' ', '#', '\\', '&', '|'), maxLength: 40 });
    const time = fc.integer({ min: Date.parse('2020-01-01'), max: Date.parse('2030-01-01') }).map((t) => new Date(t).toISOString());
    const tag = fc.stringMatching(/^[a-z重点]{1,6}$/);
    const annotation: fc.Arbitrary<Annotation> = fc
      .record({
        id: fc.uuid({ version: 4 }),
        highlight: fc.boolean(),
        item: fc.option(fc.constantFrom(...items), { nil: null }),
        from: fc.nat(),
        length: fc.integer({ min: 1, max: 20 }),
        color: fc.constantFrom(...HIGHLIGHT_COLORS),
        anchor: fc.constantFrom<AnchorStatus>('anchored', 'relocated', 'ambiguous', 'orphaned'),
        body: text,
        tags: fc.uniqueArray(tag, { maxLength: 4 }),
        created: time,
        later: fc.nat({ max: 10_000_000 }),
        revision: fc.integer({ min: 1, max: 50 }),
        trashed: fc.boolean(),
      })
      .map((r) => {
        const item = r.item ?? items[0]!;
        const kind = r.highlight ? 'highlight' : 'note';
        const n = codePointLength(item.body);
        const start = r.from % (n - 1);
        const end = Math.min(n, start + r.length);
        const modifiedAt = new Date(Date.parse(r.created) + r.later).toISOString();
        return {
          id: r.id,
          kind,
          planId: 'hz-2024',
          itemId: kind === 'highlight' ? item.id : (r.item?.id ?? null),
          target: kind === 'highlight' ? { itemId: item.id, part: 'body', language: 'zh', selectors: describePassage(item.body, start, end) } : null,
          anchor: kind === 'highlight' ? (r.anchor === 'relocated' ? { status: r.anchor, previousQuote: '旧' } : { status: r.anchor }) : null,
          color: kind === 'highlight' ? r.color : null,
          body: r.body,
          tags: r.tags,
          createdAt: r.created,
          modifiedAt,
          revision: r.revision,
          deletedAt: r.trashed ? modifiedAt : null,
        } satisfies Annotation;
      });
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(annotation, { selector: (a) => a.id, maxLength: 8 }), fc.constantFrom('json', 'jsonld') as fc.Arbitrary<'json' | 'jsonld'>, async (set, format) => {
        const source = createTestCore(temp.make());
        const target = createTestCore(temp.make());
        try {
          const file = JSON.stringify({ format: 'briefbook-annotations', version: 1, exportedAt: '2026-01-01T00:00:00.000Z', planId: null, colorNames: {}, annotations: set });
          expect(await importText(file, 'set.json', source)).toMatchObject({ added: set.length });
          const exported = await exportAs(format, {}, source);
          expect(await importText(exported.text, `set.${format}`, target)).toMatchObject({ added: set.length });
          const back = JSON.parse((await exportAs('json', {}, target)).text).annotations as Annotation[];
          const byId = (list: Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(byId(back)).toEqual(byId(set));
          expect(await importText(exported.text, `set.${format}`, target)).toMatchObject({ unchanged: set.length });
        } finally {
          source.close();
          target.close();
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);
});

describe('highlights from another version of the text', () => {
  it('are placed where their quote is in this library’s text, or marked, never put on other words', async () => {
    const body = core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(ITEM) as string;
    const chars = Array.from(body);
    const at = (start: number, end: number) => describePassage(body, start, end);
    const record = (id: string, selectors: ReturnType<typeof describePassage>) => ({
      id, kind: 'highlight', planId: 'hz-2024', itemId: ITEM, target: { itemId: ITEM, part: 'body', language: 'zh', selectors },
      anchor: { status: 'anchored' }, color: 'blue', body: '', tags: [], createdAt: '2026-01-01T00:00:00.000Z',
      modifiedAt: '2026-01-01T00:00:00.000Z', revision: 1, deletedAt: null,
    });
    // 1: the file's text had 3 more characters before the passage (same quote, later position).
    const real = at(10, 18);
    const shifted = { quote: real.quote, position: { type: 'TextPositionSelector', start: 13, end: 21 } };
    // 2: a quote this text does not have.
    const missing = { quote: { type: 'TextQuoteSelector', exact: '此处原文已删除不见', prefix: '', suffix: '' }, position: { type: 'TextPositionSelector', start: 0, end: 9 } };
    const ids = [randomUUID(), randomUUID()];
    const file = { format: 'briefbook-annotations', version: 1, annotations: [record(ids[0]!, shifted as never), record(ids[1]!, missing as never)] };
    expect(await importText(JSON.stringify(file))).toMatchObject({ added: 2 });
    const moved = await get(ids[0]!);
    expect(moved.target!.selectors.position).toEqual({ type: 'TextPositionSelector', start: 10, end: 18 });
    expect(moved.target!.selectors.quote.exact).toBe(chars.slice(10, 18).join(''));
    expect(moved.anchor).toEqual({ status: 'anchored' });
    expect((await get(ids[1]!)).anchor).toEqual({ status: 'orphaned' });
    // And the same file again changes nothing.
    const dump = userTables();
    expect(await importText(JSON.stringify(file))).toMatchObject({ unchanged: 2 });
    expect(userTables()).toEqual(dump);
  });
});
