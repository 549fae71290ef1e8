// Saved searches are the reader's records: a revision each, a stale write or delete is a
// CONFLICT carrying the search as stored, names are unique. Recent searches keep the last 20,
// newest first, a repeat moving to the top.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import type { ApiArgs, ApiMethod, ApiResult } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { rememberSearch, RECENT_LIMIT } from '../../../electron/core/services/search/recent';
import { createTestCore } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
let core: Core;
afterEach(() => core.close());

/** The router, typed by the contract. */
const dispatch = <M extends ApiMethod>(method: M, args: ApiArgs<M>): Promise<Result<ApiResult<M>>> =>
  core.router.dispatch(method, args) as Promise<Result<ApiResult<M>>>;

const query = { text: '营商环境', filters: { sources: ['plan' as const] } };

describe('saved searches', () => {
  it('create, replace on the revision read, CONFLICT on a stale one, delete', async () => {
    core = createTestCore(temp.make());
    const d = dispatch;
    const saved = await d('search.saved.save', { baseRevision: 0, name: '营商', query });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value).toMatchObject({ name: '营商', query, revision: 1 });
    const renamed = await d('search.saved.save', { id: saved.value.id, baseRevision: 1, name: '营商环境', query: { text: '营商', filters: {} } });
    expect(renamed.ok && renamed.value.revision).toBe(2);
    const stale = await d('search.saved.save', { id: saved.value.id, baseRevision: 1, name: '旧', query });
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.error.code).toBe('CONFLICT');
      expect(stale.error.message).toMatch(/revision 2/);
    }
    const clash = await d('search.saved.save', { baseRevision: 0, name: '营商环境', query });
    expect(!clash.ok && clash.error.code).toBe('CONFLICT');
    const staleDelete = await d('search.saved.delete', { id: saved.value.id, baseRevision: 1 });
    expect(!staleDelete.ok && staleDelete.error.code).toBe('CONFLICT');
    const list = await d('search.saved.list', {});
    expect(list.ok && list.value.map((s) => [s.name, s.revision])).toEqual([['营商环境', 2]]);
    expect((await d('search.saved.delete', { id: saved.value.id, baseRevision: 2 })).ok).toBe(true);
    const gone = await d('search.saved.save', { id: saved.value.id, baseRevision: 2, name: 'x', query });
    expect(!gone.ok && gone.error.code).toBe('CONFLICT');
  });

  it('refuses bad input with the field named, and changes nothing', async () => {
    core = createTestCore(temp.make());
    const bad = await dispatch('search.saved.save', { baseRevision: 0, name: ' ', query } as never);
    expect(!bad.ok && bad.error.code).toBe('BAD_REQUEST');
    expect(!bad.ok && bad.error.message).toMatch(/name/);
    const list = await dispatch('search.saved.list', {});
    expect(list.ok && list.value).toEqual([]);
  });
});

describe('recent searches', () => {
  it('newest first, a repeat moves to the top, at most 20 kept', async () => {
    core = createTestCore(temp.make());
    const t0 = Date.parse('2026-12-01T00:00:00Z');
    for (let i = 0; i < 25; i++) rememberSearch(core.db, `q${i}`, new Date(t0 + i * 1000));
    rememberSearch(core.db, ' q10 ', new Date(t0 + 100_000));
    const recent = await dispatch('search.recent', {});
    if (!recent.ok) throw new Error(recent.error.message);
    expect(recent.value).toHaveLength(RECENT_LIMIT);
    expect(recent.value.slice(0, 3).map((r) => r.text)).toEqual(['q10', 'q24', 'q23']);
    expect(recent.value.map((r) => r.text)).not.toContain('q4');
    const viaApi = await dispatch('search.remember', { text: '人才' });
    expect(viaApi.ok).toBe(true);
    const again = await dispatch('search.recent', {});
    expect(again.ok && again.value[0]!.text).toBe('人才');
  });
});
