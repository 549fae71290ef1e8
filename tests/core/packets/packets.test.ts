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

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const call = async <T>(method: string, args: unknown): Promise<Result<T>> => (await core.router.dispatch(method, args)) as Result<T>;
function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}
function error(result: Result<unknown>): { code: string; message: string; current?: unknown } {
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

const withSources = (sources: PacketDefinition['sources'], order: string[] = []): PacketDefinition => ({ ...VALID_PACKET, sources, order });
const resolve = async (definition: PacketDefinition) =>
  value(await call<{ items: PacketItem[]; missing: { source: number; reason: string }[] }>('packet.resolve', { definition }));

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
    expect(copy.definition).toEqual({ ...VALID_PACKET, cover: { ...VALID_PACKET.cover, title: '周例会简报（副本）' } });
    const en = value(await call<Packet>('packet.save', { baseRevision: 0, definition: { ...VALID_PACKET, cover: { ...VALID_PACKET.cover, title: 'Weekly' } } }));
    expect(value(await call<Packet>('packet.duplicate', { id: en.id })).definition.cover.title).toBe('Weekly (copy)');
    expect(error(await call('packet.duplicate', { id: 99 })).code).toBe('NOT_FOUND');
  });

  it.each([
    ['an unknown source kind', { ...VALID_PACKET, sources: [{ kind: 'search', q: 'x' }] }, 'sources.0'],
    ['an item named twice in the order', { ...VALID_PACKET, order: ['hz-2024/T1/I1', 'hz-2024/T1/I1'] }, 'order'],
    ['an unknown paper', { ...VALID_PACKET, options: { ...VALID_PACKET.options, paper: 'A3' } }, 'definition.options.paper'],
    ['a date that is no date', { ...VALID_PACKET, cover: { ...VALID_PACKET.cover, date: '2024-02-30' } }, 'definition.cover.date'],
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
    expect(trashed).toEqual({ items: [], missing: [{ source: 0, reason: 'plan' }, { source: 1, reason: 'plan' }] });
  });
});
