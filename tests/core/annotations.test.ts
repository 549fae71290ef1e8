// annotation.*: highlights and notes through the real core (real SQLite file, real plan and its
// English translation), by the router the hosts mount, so the argument schemas are in the path.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Core } from '../../electron/core/core';
import type { ApiArgs, ApiMethod } from '../../shared/api/contract';
import type { Annotation, AnnotationPage, NewAnnotation } from '../../shared/api/annotations/methods';
import type { Result } from '../../shared/api/result';
import { describePassage } from '../../shared/domain/anchoring';
import type { InitiativeRow } from '../../shared/domain/table';
import { createAnnotation, trashAnnotation, updateAnnotation } from '../../electron/core/services/annotations/annotations';
import { createTestCore } from '../helpers/core';
import { useTempDirs } from '../helpers/temp-dir';
import { value, error } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const call = <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<unknown>> => core.router.dispatch(method, args);

const ITEM = 'hz-2024/T3/I3';
const bodyOf = (id: string) => core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(id) as string;
const headlineOf = (id: string) => core.db.prepare('SELECT headline FROM initiatives WHERE id = ?').pluck().get(id) as string;

function note(over: Partial<NewAnnotation> = {}): NewAnnotation {
  return { id: randomUUID(), kind: 'note', planId: 'hz-2024', itemId: ITEM, target: null, color: null, body: '笔记', tags: [], ...over };
}
function highlight(start: number, end: number, over: Partial<NewAnnotation> = {}, part: 'headline' | 'body' = 'body'): NewAnnotation {
  const itemId = over.itemId ?? ITEM;
  const text = part === 'body' ? bodyOf(itemId) : headlineOf(itemId);
  return {
    id: randomUUID(), kind: 'highlight', planId: 'hz-2024', itemId, color: 'yellow', body: '', tags: [],
    target: { itemId, part, language: 'zh', selectors: describePassage(text, start, end) },
    ...over,
  };
}
const create = async (a: NewAnnotation) => value<Annotation>(await call('annotation.create', a));
const list = async (q: ApiArgs<'annotation.list'>) => value<AnnotationPage>(await call('annotation.list', q));

describe('annotation.create and get', () => {
  it('stores a note and a highlight at revision 1 and reads them back', async () => {
    const n = await create(note({ body: '# 标题\n\n正文', tags: [' 重点 ', 'AI'] }));
    expect(n).toMatchObject({ kind: 'note', planId: 'hz-2024', itemId: ITEM, target: null, anchor: null, color: null,
      body: '# 标题\n\n正文', tags: ['重点', 'AI'], revision: 1, deletedAt: null });
    const h = await create(highlight(2, 6, { color: 'green' }));
    expect(h).toMatchObject({ kind: 'highlight', color: 'green', anchor: { status: 'anchored' }, revision: 1 });
    expect(h.target!.selectors.quote.exact).toBe(Array.from(bodyOf(ITEM)).slice(2, 6).join(''));
    expect(value(await call('annotation.get', { id: h.id }))).toEqual(h);
    expect(value(await call('annotation.get', { id: n.id }))).toEqual(n);
  });

  it('highlights the English rendering, counted in its own text', async () => {
    const en = core.db
      .prepare("SELECT json_extract(json, '$.initiatives.\"hz-2024/T3/I3\".headline') FROM plan_translations WHERE plan_id = 'hz-2024'")
      .pluck()
      .get() as string;
    const selectors = describePassage(en, 0, 5);
    const h = await create({ ...highlight(0, 1), target: { itemId: ITEM, part: 'headline', language: 'en', selectors } });
    expect(h.target).toMatchObject({ part: 'headline', language: 'en' });
  });

  it('answers a retried create with the stored record, and a different one under the same id with CONFLICT', async () => {
    const a = note();
    const first = await create(a);
    expect(await create(a)).toEqual(first);
    const e = error(await call('annotation.create', { ...a, body: '别的' }));
    expect(e.code).toBe('CONFLICT');
    expect(e.current).toEqual(first);
    expect((await list({})).total).toBe(1);
  });

  it('refuses a quote that is not at its position, an unknown item, and an item of another plan, saving nothing', async () => {
    const h = highlight(2, 6);
    const moved = { ...h, target: { ...h.target!, selectors: { ...h.target!.selectors, position: { type: 'TextPositionSelector' as const, start: 3, end: 7 } } } };
    expect(error(await call('annotation.create', moved))).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/target\.selectors/) });
    expect(error(await call('annotation.create', note({ itemId: 'hz-2024/T9/I9' }))).code).toBe('NOT_FOUND');
    expect(error(await call('annotation.create', note({ planId: 'other-plan' }))).code).toBe('NOT_FOUND');
    expect((await list({})).total).toBe(0);
  });

  it.each<[string, () => unknown]>([
    ['an id that is not a UUID', () => ({ ...note(), id: 'n1' })],
    ['a note with a colour', () => ({ ...note(), color: 'yellow' })],
    ['a highlight without target', () => ({ ...highlight(0, 2), target: null })],
    ['a highlight without colour', () => ({ ...highlight(0, 2), color: null })],
    ['a highlight on the plan', () => ({ ...highlight(0, 2), itemId: null })],
    ['selectors whose length disagrees with the quote', () => ((() => {
      const h = highlight(0, 2);
      return { ...h, target: { ...h.target!, selectors: { ...h.target!.selectors, position: { type: 'TextPositionSelector', start: 0, end: 3 } } } };
    })())],
    ['an empty quote', () => ((() => {
      const h = highlight(0, 2);
      return { ...h, target: { ...h.target!, selectors: { ...h.target!.selectors, quote: { ...h.target!.selectors.quote, exact: '' } } } };
    })())],
    ['an unknown colour', () => ({ ...highlight(0, 2), color: 'red' })],
    ['a body over 100,000 characters', () => ({ ...note(), body: 'x'.repeat(100_001) })],
    ['the same tag twice', () => ({ ...note(), tags: ['重点', ' 重点'] })],
    ['an extra key', () => ({ ...note(), pinned: true })],
  ])('answers BAD_REQUEST for %s', async (_what, args) => {
    const e = error(await core.router.dispatch('annotation.create', args()));
    expect(e.code).toBe('BAD_REQUEST');
    expect((await list({})).total).toBe(0);
  });
});

describe('annotation.update, delete and restore', () => {
  it('saves on the current revision, refuses a stale one with the stored record, and changes nothing then', async () => {
    const a = await create(note());
    const b = value<Annotation>(await call('annotation.update', { id: a.id, baseRevision: 1, patch: { body: '第二版', tags: ['甲'] } }));
    expect(b).toMatchObject({ body: '第二版', tags: ['甲'], revision: 2 });
    const stale = error(await call('annotation.update', { id: a.id, baseRevision: 1, patch: { body: '另一个窗口' } }));
    expect(stale.code).toBe('CONFLICT');
    expect(stale.current).toEqual(b);
    expect(value(await call('annotation.get', { id: a.id }))).toEqual(b);
    expect(error(await call('annotation.update', { id: a.id, baseRevision: 2, patch: { color: 'blue' } })).code).toBe('BAD_REQUEST');
  });

  it('recolours a highlight', async () => {
    const h = await create(highlight(0, 3));
    expect(value(await call('annotation.update', { id: h.id, baseRevision: 1, patch: { color: 'pink' } }))).toMatchObject({ color: 'pink', revision: 2 });
  });

  it('moves to the trash and back, each a new revision; the trash is listed apart and not counted', async () => {
    const a = await create(note());
    await create(highlight(0, 3));
    const rowOf = async () => value<InitiativeRow[]>(await call('table.rows', { ids: [ITEM] }))[0]!;
    expect(await rowOf()).toMatchObject({ noteCount: 1, highlightCount: 1 });
    const trashed = value<Annotation>(await call('annotation.delete', { id: a.id, baseRevision: 1 }));
    expect(trashed).toMatchObject({ revision: 2, deletedAt: expect.any(String) });
    expect((await list({ itemId: ITEM })).entries.map((e) => e.kind)).toEqual(['highlight']);
    expect((await list({ trashed: true })).entries.map((e) => e.id)).toEqual([a.id]);
    expect(await rowOf()).toMatchObject({ noteCount: 0, highlightCount: 1 });
    expect(error(await call('annotation.update', { id: a.id, baseRevision: 2, patch: { body: 'x' } })).code).toBe('BAD_REQUEST');
    expect(error(await call('annotation.restore', { id: a.id, baseRevision: 1 })).code).toBe('CONFLICT');
    const back = value<Annotation>(await call('annotation.restore', { id: a.id, baseRevision: 2 }));
    expect(back).toMatchObject({ revision: 3, deletedAt: null });
    expect(await rowOf()).toMatchObject({ noteCount: 1, highlightCount: 1 });
  });

  it('empties the trash for good; a write on a removed annotation gets CONFLICT with null', async () => {
    const a = await create(note());
    const keep = await create(note());
    value(await call('annotation.delete', { id: a.id, baseRevision: 1 }));
    expect(value(await call('annotation.emptyTrash', {}))).toEqual({ removed: 1 });
    expect(error(await call('annotation.get', { id: a.id })).code).toBe('NOT_FOUND');
    const gone = error(await call('annotation.update', { id: a.id, baseRevision: 2, patch: { body: 'x' } }));
    expect(gone).toMatchObject({ code: 'CONFLICT', current: null });
    expect((await list({})).entries.map((e) => e.id)).toEqual([keep.id]);
    expect(core.db.prepare('SELECT count(*) FROM user_annotation_revisions WHERE annotation_id = ?').pluck().get(a.id)).toBe(0);
  });
});

describe('annotation.list', () => {
  it('orders by text: plan notes, then items in reading order, item notes, headline before body, by position', async () => {
    const planNote = await create(note({ itemId: null }));
    const later = await create(highlight(10, 12));
    const earlier = await create(highlight(1, 3));
    const inHeadline = await create(highlight(0, 2, {}, 'headline'));
    const itemNote = await create(note());
    const otherItem = await create(highlight(0, 2, { itemId: 'hz-2024/T1/I1' }));
    const page = await list({ planId: 'hz-2024', sort: 'text' });
    expect(page.entries.map((e) => e.id)).toEqual([planNote.id, otherItem.id, itemNote.id, inHeadline.id, earlier.id, later.id]);
    expect(page.total).toBe(6);
    const entry = page.entries.find((e) => e.id === later.id)!;
    expect(entry).toMatchObject({ planTitle: expect.any(String), itemHeadline: headlineOf(ITEM), itemNumeral: expect.any(String) });
    expect(page.entries[0]).toMatchObject({ itemNumeral: null, itemHeadline: null });
  });

  it('filters by item, kind, colour, tag and anchoring, pages with a total, and sorts by modified or created', async () => {
    const a = await create(highlight(0, 2, { color: 'blue', tags: ['问题'] }, 'body'));
    const b = await create(highlight(3, 5, { color: 'yellow' }));
    const c = await create(note({ tags: ['问题'] }));
    value(await call('annotation.update', { id: a.id, baseRevision: 1, patch: { body: '后来改的' } }));
    const ids = async (q: ApiArgs<'annotation.list'>) => (await list(q)).entries.map((e) => e.id);
    expect(await ids({ kind: 'note' })).toEqual([c.id]);
    expect(await ids({ color: 'blue' })).toEqual([a.id]);
    expect((await ids({ tag: '问题', sort: 'created' })).sort()).toEqual([a.id, c.id].sort());
    expect(await ids({ anchor: 'orphaned' })).toEqual([]);
    expect((await ids({ sort: 'modified' }))[0]).toBe(a.id);
    const page = await list({ sort: 'text', limit: 2, offset: 1 });
    expect(page).toMatchObject({ total: 3 });
    expect(page.entries).toHaveLength(2);
    expect(await ids({ itemId: 'hz-2024/T1/I1' })).toEqual([]);
    expect(b.id).toBeTruthy();
  });

  it('keeps the last changed first, and the last made first, when writes fall in the same millisecond', async () => {
    const instant = new Date('2026-03-01T08:00:00.000Z');
    const [a, b, c] = [note({ body: '甲' }), note({ body: '乙' }), note({ body: '丙' })].map((n) => createAnnotation(core.db, n, instant));
    const ids = async (sort: 'modified' | 'created') => (await list({ sort })).entries.map((e) => e.id);
    expect(await ids('created')).toEqual([c!.id, b!.id, a!.id]);
    const edited = updateAnnotation(core.db, a!.id, 1, { body: '甲改' }, instant);
    expect(await ids('modified')).toEqual([a!.id, c!.id, b!.id]);
    expect(edited.modifiedAt > c!.modifiedAt).toBe(true);
    // A trashed annotation's stamp is not in the list, so it holds nothing back.
    trashAnnotation(core.db, b!.id, 1, true, instant);
    updateAnnotation(core.db, c!.id, 1, { body: '丙改' }, instant);
    expect(await ids('modified')).toEqual([c!.id, a!.id]);
  });
});
