// The router both hosts mount: method names and arguments checked against the contract,
// service errors mapped to Result codes, unexpected errors reported without leaking; then the
// real core's services answered through it, against a real database.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, type ApiMethod } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/api/result';
import { argSchemas } from '../../shared/api/schemas';
import { createRouter, type Handlers, type Router } from '../../electron/core/api/router';
import type { Core } from '../../electron/core/core';
import { latestVersion } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import type { InitiativeDetail, PlanOutline, PlanSummary } from '../../shared/api/contract';
import { createTestCore } from '../helpers/core';
import { validArgs } from '../helpers/valid-args';
import { useTempDirs } from '../helpers/temp-dir';
import { value as valueOf } from '../helpers/result';

const temp = useTempDirs();


/** Handlers that must not be reached, with the ones a test cares about replaced. */
function stubHandlers(overrides: Partial<Record<ApiMethod, (args: never) => unknown>>): Handlers {
  const unreachable = (): never => {
    throw new Error('this handler should not be called');
  };
  const all = Object.fromEntries(API_METHODS.map((m) => [m, overrides[m] ?? unreachable]));
  return all as unknown as Handlers;
}

function errorOf(result: Result<unknown>): { code: string; message: string } {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}


describe('createRouter', () => {
  it.each(['plan.delete', '', 'constructor', '__proto__', 'toString', 'PLAN.GET'])(
    'answers UNKNOWN_METHOD for %j',
    async (method) => {
      const router = createRouter(stubHandlers({}));
      expect(errorOf(await router.dispatch(method, {})).code).toBe('UNKNOWN_METHOD');
    },
  );

  it('answers BAD_REQUEST naming the field that failed', async () => {
    const router = createRouter(stubHandlers({}));
    const error = errorOf(await router.dispatch('plan.get', { planId: '../../etc/passwd' }));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message.startsWith('plan.get: planId must be a plan id')).toBe(true);

    const missing = errorOf(await router.dispatch('initiative.get', {}));
    expect(missing.code).toBe('BAD_REQUEST');
    expect(missing.message).toMatch(/^initiative\.get: initiativeId /);

    const badKey = errorOf(await router.dispatch('settings.set', { key: 'db.path', value: 'x' }));
    expect(badKey.code).toBe('BAD_REQUEST');
    expect(badKey.message).toMatch(/^settings\.set: key /);
  });

  it.each([
    ['a string', 'hz-2024'],
    ['a number', 42],
    ['an array', ['hz-2024']],
    ['a wrong type', { planId: 2024 }],
  ])('answers BAD_REQUEST for %s as arguments', async (_what, args) => {
    const router = createRouter(stubHandlers({}));
    expect(errorOf(await router.dispatch('plan.get', args)).code).toBe('BAD_REQUEST');
  });

  it('rejects unknown keys (the schemas are strict)', async () => {
    const router = createRouter(stubHandlers({ 'plan.get': () => ({}), 'app.info': () => ({}) }));
    const extra = errorOf(await router.dispatch('plan.get', { planId: 'hz-2024', dropTables: true }));
    expect(extra.code).toBe('BAD_REQUEST');
    expect(extra.message).toContain('dropTables');
    expect(errorOf(await router.dispatch('app.info', { verbose: true })).code).toBe('BAD_REQUEST');
  });

  it('treats missing arguments of a method without arguments as {}', async () => {
    const router = createRouter(stubHandlers({ 'plan.list': () => [] }));
    expect(valueOf(await router.dispatch('plan.list', undefined))).toEqual([]);
    expect(valueOf(await router.dispatch('plan.list', null))).toEqual([]);
  });

  it('passes the validated arguments to the handler', async () => {
    const seen: unknown[] = [];
    const router = createRouter(stubHandlers({ 'settings.set': (args) => (seen.push(args), null) }));
    expect(valueOf(await router.dispatch('settings.set', { key: 'ui.language', value: null }))).toBeNull();
    expect(seen).toEqual([{ key: 'ui.language', value: null }]);
  });

  it.each(['NOT_FOUND', 'CONFLICT'] as const)('maps an AppError %s to its code and message', async (code) => {
    const onInternalError = vi.fn();
    const router = createRouter(
      stubHandlers({
        'plan.get': () => {
          throw new AppError(code, 'No plan with id hz-1999');
        },
      }),
      onInternalError,
    );
    expect(errorOf(await router.dispatch('plan.get', { planId: 'hz-1999' }))).toEqual({
      code,
      message: 'No plan with id hz-1999',
    });
    expect(onInternalError).not.toHaveBeenCalled();
  });

  it.each([
    ['throws', () => {
      throw new Error('SQLITE_CORRUPT at /home/ada/secret/path.sqlite3');
    }],
    ['rejects', () => Promise.reject(new Error('SQLITE_CORRUPT at /home/ada/secret/path.sqlite3'))],
  ])('answers INTERNAL, without the error text, when a handler %s a plain Error', async (_how, handler) => {
    const onInternalError = vi.fn();
    const router = createRouter(stubHandlers({ 'plan.list': handler }), onInternalError);
    const error = errorOf(await router.dispatch('plan.list', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toContain('SQLITE');
    expect(error.message).not.toContain('secret');
    expect(error.message).toContain('plan.list');
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect((onInternalError.mock.calls[0]![0] as Error).message).toContain('SQLITE_CORRUPT');
  });
});

describe('the real core through its router', () => {
  let core: Core;
  let router: Router;
  beforeEach(() => {
    core = createTestCore(temp.make());
    router = core.router;
  });
  afterEach(() => {
    core.close();
  });

  // Every method once, an import read in a worker thread and a packet rendered to PDF by Chromium
  // among them: more than the default 5 s on a loaded machine.
  it('has an argument schema and a working handler for every method of the contract', async () => {
    expect(Object.keys(argSchemas).sort()).toEqual([...API_METHODS].sort());
    for (const method of API_METHODS) {
      const args = await validArgs(method, core);
      const result = await router.dispatch(method, args);
      expect(result, method).toMatchObject({ ok: true });
    }
  }, 120_000);

  it('app.info reports the schema version and host', async () => {
    expect(valueOf(await router.dispatch('app.info', {}))).toMatchObject({
      name: 'Briefbook',
      schemaVersion: latestVersion(MIGRATIONS),
      host: 'browser',
    });
  });

  it('plan.list lists the seeded plan with its counts', async () => {
    expect(valueOf<PlanSummary[]>(await router.dispatch('plan.list', {}))).toEqual([
      {
        id: 'hz-2024',
        title: '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路',
        publishedAt: '2024-05-11 15:55:53',
        source: '杭州日报',
        author: '赵亚东',
        themeCount: 5,
        initiativeCount: 15,
      },
    ]);
  });

  it('plan.get returns the outline: 5 themes of 3 initiatives, and the lists', async () => {
    const outline = valueOf<PlanOutline>(await router.dispatch('plan.get', { planId: 'hz-2024' }));
    expect(outline.meta.id).toBe('hz-2024');
    expect(outline.themes.map((t) => t.id)).toEqual([1, 2, 3, 4, 5].map((n) => `hz-2024/T${n}`));
    for (const theme of outline.themes) {
      expect(theme.initiatives.map((i) => i.id)).toEqual([1, 2, 3].map((n) => `${theme.id}/I${n}`));
      expect(theme.initiatives.map((i) => i.numeral)).toEqual(['第一', '第二', '第三']);
    }
    expect(outline.lists.map((l) => [l.id, l.initiativeId, l.label, l.statedCount, l.items.length])).toEqual([
      ['hz-2024/L1', 'hz-2024/T3/I3', '新兴产业', 8, 8],
      ['hz-2024/L2', 'hz-2024/T3/I3', '未来产业', 9, 9],
    ]);
  });

  it('plan.get answers NOT_FOUND for an unknown plan', async () => {
    expect(errorOf(await router.dispatch('plan.get', { planId: 'hz-1999' })).code).toBe('NOT_FOUND');
  });

  it('initiative.get returns T3/I3 with its theme, both lists and its neighbours', async () => {
    const detail = valueOf<InitiativeDetail>(await router.dispatch('initiative.get', { initiativeId: 'hz-2024/T3/I3' }));
    expect(detail.initiative).toMatchObject({
      id: 'hz-2024/T3/I3',
      themeId: 'hz-2024/T3',
      ordinal: 3,
      numeral: '第三',
      headline: '大力发展战略性新兴产业,布局未来产业',
    });
    expect(detail.theme).toEqual({
      id: 'hz-2024/T3',
      planId: 'hz-2024',
      ordinal: 3,
      headline: '在顺应大势中把握培育发展新质生产力',
    });
    expect(detail.planId).toBe('hz-2024');
    expect(detail.lists.map((l) => [l.label, l.items.length])).toEqual([
      ['新兴产业', 8],
      ['未来产业', 9],
    ]);
    expect(detail.previousId).toBe('hz-2024/T3/I2');
    expect(detail.nextId).toBe('hz-2024/T4/I1');
  });

  it.each([
    ['hz-2024/T1/I1', null, 'hz-2024/T1/I2'],
    ['hz-2024/T1/I3', 'hz-2024/T1/I2', 'hz-2024/T2/I1'],
    ['hz-2024/T2/I1', 'hz-2024/T1/I3', 'hz-2024/T2/I2'],
    ['hz-2024/T5/I3', 'hz-2024/T5/I2', null],
  ])('initiative.get %s: previous %s, next %s', async (initiativeId, previousId, nextId) => {
    const detail = valueOf<InitiativeDetail>(await router.dispatch('initiative.get', { initiativeId }));
    expect([detail.previousId, detail.nextId]).toEqual([previousId, nextId]);
    expect(detail.lists).toEqual([]);
  });

  it('initiative.get answers NOT_FOUND for an unknown initiative', async () => {
    const error = errorOf(await router.dispatch('initiative.get', { initiativeId: 'hz-2024/T9/I9' }));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message).toContain('hz-2024/T9/I9');
  });

  it('settings.set stores, replaces and (with null) deletes a setting', async () => {
    const get = async (): Promise<unknown> => valueOf(await router.dispatch('settings.get', { key: 'ui.theme' }));
    expect(await get()).toBeNull();
    expect(valueOf(await router.dispatch('settings.set', { key: 'ui.theme', value: 'dark' }))).toBeNull();
    expect(await get()).toBe('dark');
    await router.dispatch('settings.set', { key: 'ui.theme', value: 'light' });
    expect(await get()).toBe('light');
    await router.dispatch('settings.set', { key: 'ui.theme', value: null });
    expect(await get()).toBeNull();
    expect(core.db.prepare('SELECT count(*) FROM user_settings').pluck().get()).toBe(0);
  });

  it('answers INTERNAL without details when the database fails under a handler', async () => {
    const onInternalError = vi.fn();
    const failing = createTestCore(temp.make(), undefined, { onInternalError });
    failing.close();
    const error = errorOf(await failing.router.dispatch('plan.list', {}));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toMatch(/database|connection|sqlite/i);
    expect(onInternalError).toHaveBeenCalledTimes(1);
    expect(String(onInternalError.mock.calls[0]![0])).toMatch(/database connection is not open/);
  });
});
