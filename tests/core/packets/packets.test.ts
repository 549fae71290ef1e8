// Briefing packets through the router of a real core on a real database: definitions saved
// with revisions (a stale write is a CONFLICT), duplicated, and resolved into items in packet
// order, with the sources that name something gone reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { Packet, PacketDefinition, PacketItem } from '../../../shared/api/packets/methods';
import type { Result } from '../../../shared/api/result';
import type { SavedView } from '../../../shared/domain/table';
import { createTestCore, updateLatest } from '../../helpers/core';
import { VALID_PACKET } from '../../helpers/valid-args';
import { useTempDirs } from '../../helpers/temp-dir';
import { importSecondPlan } from './second-plan';
import { savePacket } from '../../../electron/core/services/packets/store';
import { value, error } from '../../helpers/result';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const call = async <T>(method: string, args: unknown): Promise<Result<T>> => (await core.router.dispatch(method, args)) as Result<T>;

const withSources = (sources: PacketDefinition['sources'], order: string[] = []): PacketDefinition => ({ ...VALID_PACKET, sources, order });
const resolve = async (definition: PacketDefinition) =>
  value(await call<{ items: PacketItem[]; excluded: PacketItem[]; missing: { source: number; reason: string }[] }>('packet.resolve', { definition }));
const ids = (items: PacketItem[]) => items.map((i) => i.id);

describe('packet definitions', () => {
  it('saves, lists (last changed first), updates on the stored revision and deletes', async () => {
    const a = value(await call<Packet>('packet.save', { baseRevision: 0, definition: VALID_PACKET }));
    expect(a).toMatchObject({ id: 1, revision: 1, definition: VALID_PACKET });
    const b = value(await call<Packet>('packet.save', { baseRevision: 0, definition: { ...VALID_PACKET, cover: { ...VALID_PACKET.cover, title: '第二份' } } }));
    const changed = { ...VALID_PACKET, cover: { ...VALID_PACKET.cover, subtitle: '改过' } };
    const updated = value(await call<Packet>('packet.save', { id: a.id, baseRevision: 1, definition: changed }));
    expect(updated).toMatchObject({ id: a.id, revision: 2, createdAt: a.createdAt, definition: changed });
    expect(value(await call<Packet[]>('packet.list', {})).map((p) => p.id)).toEqual([a.id, b.id]);
    expect(value(await call<Packet>('packet.get', { id: a.id }))).toEqual(updated);
    expect(value(await call('packet.delete', { id: b.id, baseRevision: 1 }))).toBeNull();
    expect(value(await call<Packet[]>('packet.list', {})).map((p) => p.id)).toEqual([a.id]);
    expect(error(await call('packet.get', { id: b.id })).code).toBe('NOT_FOUND');
  });

  it('keeps the last changed first when saves fall in the same millisecond', async () => {
    const instant = new Date('2026-03-01T08:00:00.000Z');
    const a = savePacket(core.db, { baseRevision: 0, definition: VALID_PACKET }, instant);
    const b = savePacket(core.db, { baseRevision: 0, definition: VALID_PACKET }, instant);
    savePacket(core.db, { id: a.id, baseRevision: 1, definition: VALID_PACKET }, instant);
    expect(value(await call<Packet[]>('packet.list', {})).map((p) => p.id)).toEqual([a.id, b.id]);
    const b2 = savePacket(core.db, { id: b.id, baseRevision: 1, definition: VALID_PACKET }, instant);
    expect(value(await call<Packet[]>('packet.list', {})).map((p) => p.id)).toEqual([b.id, a.id]);
    expect(b2.updatedAt > instant.toISOString()).toBe(true);
  });

  it('refuses a stale save or delete with the packet as stored now, and changes nothing', async () => {
    const a = value(await call<Packet>('packet.save', { baseRevision: 0, definition: VALID_PACKET }));
    const now = value(await call<Packet>('packet.save', { id: a.id, baseRevision: 1, definition: { ...VALID_PACKET, order: [] } }));
    const stale = error(await call('packet.save', { id: a.id, baseRevision: 1, definition: VALID_PACKET }));
    expect(stale).toMatchObject({ code: 'CONFLICT', current: now });
    expect(stale.message).toContain('revision 2');
    expect(error(await call('packet.delete', { id: a.id, baseRevision: 1 }))).toMatchObject({ code: 'CONFLICT', current: now });
    expect(value(await call<Packet>('packet.get', { id: a.id }))).toEqual(now);
    expect(error(await call('packet.save', { id: 77, baseRevision: 1, definition: VALID_PACKET }))).toMatchObject({ code: 'CONFLICT', current: null });
  });

  it('duplicates a packet under a new id with its title marked as a copy', async () => {
    const a = value(await call<Packet>('packet.save', { baseRevision: 0, definition: VALID_PACKET }));
    const copy = value(await call<Packet>('packet.duplicate', { id: a.id }));
    expect(copy.id).not.toBe(a.id);
    expect(copy.revision).toBe(1);
    expect(copy.definition).toEqual({ ...VALID_PACKET, excluded: [], cover: { ...VALID_PACKET.cover, title: '周例会简报（副本）' } });
    const en = value(await call<Packet>('packet.save', { baseRevision: 0, definition: { ...VALID_PACKET, cover: { ...VALID_PACKET.cover, title: 'Weekly' } } }));
    expect(value(await call<Packet>('packet.duplicate', { id: en.id })).definition.cover.title).toBe('Weekly (copy)');
    expect(error(await call('packet.duplicate', { id: 99 })).code).toBe('NOT_FOUND');
  });

  it.each([
    ['an unknown source kind', { ...VALID_PACKET, sources: [{ kind: 'search', q: 'x' }] }, 'sources.0'],
    ['an item named twice in the order', { ...VALID_PACKET, order: ['hz-2024/T1/I1', 'hz-2024/T1/I1'] }, 'order'],
    ['an unknown paper', { ...VALID_PACKET, options: { ...VALID_PACKET.options, paper: 'A3' } }, 'definition.options.paper'],
    ['a date that is no date', { ...VALID_PACKET, cover: { ...VALID_PACKET.cover, date: '2024-02-30' } }, 'definition.cover.date'],
    ['a left-out id that is no item id', { ...VALID_PACKET, excluded: ['hz-2024/T1/I1', '../etc/passwd'] }, 'definition.excluded.1'],
    ['a left-out item named twice', { ...VALID_PACKET, excluded: ['hz-2024/T1/I1', 'hz-2024/T1/I1'] }, 'definition.excluded'],
    ['a left-out list that is no list', { ...VALID_PACKET, excluded: 'hz-2024/T1/I1' }, 'definition.excluded'],
    ['a left-out list too long', { ...VALID_PACKET, excluded: Array.from({ length: 20_001 }, (_, n) => `hz-2024/T1/X${n}`) }, 'definition.excluded'],
  ])('answers BAD_REQUEST naming where for %s, and stores nothing', async (_what, definition, where) => {
    const e = error(await call('packet.save', { baseRevision: 0, definition }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toContain(where);
    expect(value(await call<Packet[]>('packet.list', {}))).toEqual([]);
  });
});

describe('packet.resolve', () => {
  it('gives a plan in reading order, themes, picked items and the reader’s order first, without repeats', async () => {
    const plan = await resolve(withSources([{ kind: 'plan', planId: 'hz-2024' }]));
    expect(plan.items.length).toBeGreaterThan(10);
    expect(plan.items.slice(0, 2).map((i) => i.id)).toEqual(['hz-2024/T1/I1', 'hz-2024/T1/I2']);
    const mixed = await resolve(
      withSources(
        [
          { kind: 'items', itemIds: ['hz-2024/T3/I3', 'hz-2024/T1/I2'] },
          { kind: 'themes', themeIds: ['hz-2024/T1'] },
        ],
        ['hz-2024/T1/I1'],
      ),
    );
    const theme1 = plan.items.filter((i) => i.id.startsWith('hz-2024/T1/')).map((i) => i.id);
    expect(mixed.items.map((i) => i.id)).toEqual(['hz-2024/T1/I1', 'hz-2024/T3/I3', 'hz-2024/T1/I2', ...theme1.filter((id) => !['hz-2024/T1/I1', 'hz-2024/T1/I2'].includes(id))]);
    expect(mixed.missing).toEqual([]);
  });

  it('runs a saved view’s filters and sort as the table does, and a filter by status, tag and deadline', async () => {
    updateLatest(core.db, 'hz-2024/T2/I1', { status: 'done', tags: ['本周'], deadline: '2024-06-30' });
    updateLatest(core.db, 'hz-2024/T1/I2', { status: 'done', deadline: '2024-09-30' });
    updateLatest(core.db, 'hz-2024/T3/I1', { status: 'in_progress', tags: ['本周'], deadline: '2024-05-30' });
    const view = value(
      await call<SavedView>('view.save', {
        baseRevision: 0,
        name: '完成',
        state: { sort: [{ column: 'deadline', desc: true }], collation: 'pinyin', search: '', filters: { statuses: ['done'] }, groupBy: null, columns: { order: [], hidden: [], sizes: {} } },
      }),
    );
    expect((await resolve(withSources([{ kind: 'view', viewId: view.id }]))).items.map((i) => i.id)).toEqual(['hz-2024/T1/I2', 'hz-2024/T2/I1']);
    expect((await resolve(withSources([{ kind: 'filter', tags: ['本周'] }]))).items.map((i) => i.id)).toEqual(['hz-2024/T2/I1', 'hz-2024/T3/I1']);
    expect((await resolve(withSources([{ kind: 'filter', statuses: ['done'], deadlineBy: '2024-07-01' }]))).items.map((i) => i.id)).toEqual(['hz-2024/T2/I1']);
  });

  it('takes items from several plans, and reports sources naming a deleted view, theme, item or a trashed plan', async () => {
    const second = await importSecondPlan(core);
    const both = await resolve(withSources([{ kind: 'items', itemIds: ['hz-2024/T1/I1'] }, { kind: 'plan', planId: second.planId }]));
    expect(new Set(both.items.map((i) => i.planId))).toEqual(new Set(['hz-2024', second.planId]));
    expect(both.items.slice(1).map((i) => i.id)).toEqual(second.itemIds);

    const gone = await resolve(
      withSources([
        { kind: 'view', viewId: 42 },
        { kind: 'themes', themeIds: ['hz-2024/T1', 'hz-2024/T99'] },
        { kind: 'items', itemIds: ['hz-2024/T9/I9'] },
        { kind: 'plan', planId: 'p-00000000' },
      ]),
    );
    expect(gone.missing).toEqual([
      { source: 0, reason: 'view' },
      { source: 1, reason: 'theme' },
      { source: 2, reason: 'item' },
      { source: 3, reason: 'plan' },
    ]);
    // The theme that is there still comes in.
    expect(gone.items.every((i) => i.id.startsWith('hz-2024/T1/'))).toBe(true);

    const [library] = value(await call<{ id: string; revision: number }[]>('library.list', {})).filter((p) => p.id === second.planId);
    value(await call('library.trash', { planId: second.planId, baseRevision: library!.revision, confirm: true }));
    const trashed = await resolve(withSources([{ kind: 'plan', planId: second.planId }, { kind: 'items', itemIds: [second.itemIds[0]!] }]));
    expect(trashed).toEqual({ items: [], excluded: [], missing: [{ source: 0, reason: 'plan' }, { source: 1, reason: 'plan' }] });
  });
});

describe('packet.html', () => {
  it('prints the cover date in the packet’s language, as the builder shows it: 2024年6月1日, 1 Jun 2024', async () => {
    const definition = { ...withSources([{ kind: 'themes', themeIds: ['hz-2024/T1'] }]), cover: { ...VALID_PACKET.cover, date: '2024-06-01' } };
    const coverDate = async (language: 'zh' | 'en') => {
      const { html } = value(await call<{ html: string }>('packet.html', { definition, language }));
      return /<dt>(?:日期|Date)<\/dt><dd>([^<]*)<\/dd>/.exec(html)?.[1];
    };
    expect(await coverDate('zh')).toBe('2024年6月1日');
    expect(await coverDate('en')).toBe('1 Jun 2024');
  });

  it('prints every other date in the packet’s language too: deadlines, publication dates, notes as of', async () => {
    updateLatest(core.db, 'hz-2024/T1/I1', { status: 'done', deadline: '2024-09-30' });
    const published = core.db.prepare("SELECT published_at FROM plans WHERE id = 'hz-2024'").pluck().get() as string;
    expect(published).toMatch(/^2024-05-11\b/);
    const html = async (language: 'zh' | 'en') => value(await call<{ html: string }>('packet.html', { definition: VALID_PACKET, language })).html;
    const zh = await html('zh');
    const en = await html('en');
    // The deadline in the summary table and in the item's fields.
    const summaryRow = (page: string) => /<section class="summary">.*?<\/section>/s.exec(page)![0];
    const fieldRows = (page: string, label: string) => [...page.matchAll(new RegExp(`<tr><th>${label}</th><td>([^<]*)</td></tr>`, 'g'))].map((m) => m[1]);
    expect(summaryRow(zh)).toContain('<td>2024年9月30日</td>');
    expect(summaryRow(en)).toContain('<td>30 Sep 2024</td>');
    expect(fieldRows(zh, '完成时限')).toContain('2024年9月30日');
    expect(fieldRows(en, 'Deadline')).toContain('30 Sep 2024');
    // The plan's publication date: on the cover's list of documents and in the running footer,
    // beside when the notes were read.
    expect(/<span class="src-detail">([^<]*)<\/span>/.exec(zh)?.[1]).toContain('2024年5月11日');
    expect(/<span class="src-detail">([^<]*)<\/span>/.exec(en)?.[1]).toContain('11 May 2024');
    expect(zh).toMatch(/发布: 2024年5月11日 · 笔记截至: \d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d/);
    expect(en).toMatch(/Published: 11 May 2024 · Notes as of: \d{1,2} [A-Z][a-z]{2} \d{4} \d\d:\d\d/);
    // No ISO date is left anywhere in the packet's text.
    for (const page of [zh, en]) expect(page.replace(/<style>.*?<\/style>/gs, '')).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe('left-out items (definition.excluded)', () => {
  it('refuses a bad left-out id with a message naming the field and what an id looks like', async () => {
    const e = error(await call('packet.resolve', { definition: { ...VALID_PACKET, excluded: ['hz-2024/T1/I1', 'not an id'] } }));
    expect(e.code).toBe('BAD_REQUEST');
    expect(e.message).toMatch(/definition\.excluded\.1.*must be an item id such as hz-2024\/T3\/I3/);
  });

  it('leaves an item out whichever source brings it: plan, theme, view, filter, or a hand-pick too', async () => {
    const plan = ids((await resolve(withSources([{ kind: 'plan', planId: 'hz-2024' }]))).items);
    const out = ['hz-2024/T1/I2', 'hz-2024/T3/I1'];
    const fromPlan = await resolve({ ...withSources([{ kind: 'plan', planId: 'hz-2024' }]), excluded: out });
    expect(ids(fromPlan.items)).toEqual(plan.filter((id) => !out.includes(id)));
    // Listed apart, in source order, for the editor's "bring back".
    expect(ids(fromPlan.excluded)).toEqual(out);
    expect(fromPlan.excluded[0]).toMatchObject({ planId: 'hz-2024', headline: expect.any(String) as string });

    const fromTheme = await resolve({ ...withSources([{ kind: 'themes', themeIds: ['hz-2024/T1'] }]), excluded: ['hz-2024/T1/I2'] });
    expect(ids(fromTheme.items)).toEqual(plan.filter((id) => id.startsWith('hz-2024/T1/') && id !== 'hz-2024/T1/I2'));

    updateLatest(core.db, 'hz-2024/T2/I1', { status: 'done', tags: ['本周'] });
    updateLatest(core.db, 'hz-2024/T1/I2', { status: 'done', tags: ['本周'] });
    const view = value(
      await call<SavedView>('view.save', {
        baseRevision: 0,
        name: '完成',
        state: { sort: [], collation: 'pinyin', search: '', filters: { statuses: ['done'] }, groupBy: null, columns: { order: [], hidden: [], sizes: {} } },
      }),
    );
    const fromView = await resolve({ ...withSources([{ kind: 'view', viewId: view.id }]), excluded: ['hz-2024/T1/I2'] });
    expect(ids(fromView.items)).toEqual(['hz-2024/T2/I1']);
    const fromFilter = await resolve({ ...withSources([{ kind: 'filter', tags: ['本周'] }]), excluded: ['hz-2024/T2/I1'] });
    expect(ids(fromFilter.items)).toEqual(['hz-2024/T1/I2']);

    // Left out means not in the packet: a hand-pick of the same item, a second source bringing
    // it, or the reader's order naming it does not put it back.
    const everywhere = await resolve({
      ...withSources([{ kind: 'items', itemIds: ['hz-2024/T1/I2', 'hz-2024/T3/I3'] }, { kind: 'themes', themeIds: ['hz-2024/T1'] }], ['hz-2024/T1/I2']),
      excluded: ['hz-2024/T1/I2'],
    });
    expect(ids(everywhere.items)).not.toContain('hz-2024/T1/I2');
    expect(ids(everywhere.items)[0]).toBe('hz-2024/T3/I3');
    expect(ids(everywhere.excluded)).toEqual(['hz-2024/T1/I2']);
    expect(everywhere.missing).toEqual([]);

    // A left-out id no source brings (or no longer there) changes nothing and is not listed.
    const stray = await resolve({ ...withSources([{ kind: 'themes', themeIds: ['hz-2024/T1'] }]), excluded: ['hz-2024/T3/I3', 'hz-2024/T9/I9'] });
    expect(ids(stray.items)).toEqual(plan.filter((id) => id.startsWith('hz-2024/T1/')));
    expect(stray.excluded).toEqual([]);
    expect(stray.missing).toEqual([]);
  });

  it('the packet document leaves them out too', async () => {
    const all = value(await call<{ html: string; items: number }>('packet.html', { definition: withSources([{ kind: 'themes', themeIds: ['hz-2024/T1'] }]), language: 'zh' }));
    const [left] = (await resolve(withSources([{ kind: 'themes', themeIds: ['hz-2024/T1'] }]))).items;
    const less = value(
      await call<{ html: string; items: number }>('packet.html', { definition: { ...withSources([{ kind: 'themes', themeIds: ['hz-2024/T1'] }]), excluded: [left!.id] }, language: 'zh' }),
    );
    expect(less.items).toBe(all.items - 1);
    expect(all.html).toContain(left!.headline);
    expect(less.html).not.toContain(left!.headline);
  });

  it('a definition saved before items could be left out still loads, resolves and saves, with none left out', async () => {
    // As an older version stored it: no `excluded` at all.
    const old: Record<string, unknown> = { ...VALID_PACKET };
    delete old.excluded;
    core.db
      .prepare('INSERT INTO user_packets (definition_json, revision, created_at, updated_at) VALUES (?, 1, ?, ?)')
      .run(JSON.stringify(old), '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
    const loaded = value(await call<Packet>('packet.get', { id: 1 }));
    expect(loaded.definition).toEqual({ ...VALID_PACKET, excluded: [] });
    expect(value(await call<Packet[]>('packet.list', {}))[0]!.definition.excluded).toEqual([]);
    // An older client sending it without the field is understood the same way.
    const resolved = await resolve(old as unknown as PacketDefinition);
    expect(resolved.items.length).toBeGreaterThan(0);
    expect(resolved.excluded).toEqual([]);
    const saved = value(await call<Packet>('packet.save', { id: 1, baseRevision: 1, definition: old }));
    expect(saved.definition.excluded).toEqual([]);
    expect(value(await call<Packet>('packet.duplicate', { id: 1 })).definition.excluded).toEqual([]);
  });
});
