// app.start: what a window needs before its first screen in one call — every setting as
// settings.getAll gives them and the current plan's outline as plan.get gives it, the plan being
// the one pickCurrentPlan picks from plan.list (the remembered plan while it is in the library,
// else the first that is not an earlier version, else none) — through the router both hosts
// mount, on a real database, with its arguments checked like every call's.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { importPlan } from '../../electron/core/plan/store';
import { trashPlan } from '../../electron/core/services/library/library';
import { pickCurrentPlan, type AppStart, type PlanSummary } from '../../shared/api/contract';
import { createTestCore } from '../helpers/core';
import { planOf } from '../helpers/plan-docs';
import { useTempDirs } from '../helpers/temp-dir';
import { value } from '../helpers/result';

const temp = useTempDirs();
let core: Core;
afterEach(() => core?.close());


const start = async () => value<AppStart>(await core.router.dispatch('app.start', {}));
const set = async (key: 'ui.currentPlan' | 'ui.theme', v: string | null) => value(await core.router.dispatch('settings.set', { key, value: v }));

/** What the renderer would pick from plan.list and the stored ui.currentPlan. */
async function pickedFromList(): Promise<string | null> {
  const plans = value<PlanSummary[]>(await core.router.dispatch('plan.list', {}));
  const remembered = value<string | null>(await core.router.dispatch('settings.get', { key: 'ui.currentPlan' }));
  return pickCurrentPlan(plans, remembered);
}

function importDated(planId: string, publishedAt: string): void {
  const doc = planOf(planId, [{ headline: `${planId} 主题`, initiatives: ['举措'] }]);
  doc.meta.publishedAt = publishedAt;
  importPlan(core.db, doc, `text of ${planId}`);
}

describe('app.start', () => {
  it('answers what settings.getAll and plan.get answer, for the embedded plan on a fresh library', async () => {
    core = createTestCore(temp.make());
    await set('ui.theme', 'dark');
    const answer = await start();
    expect(answer.settings).toEqual(value(await core.router.dispatch('settings.getAll', {})));
    expect(answer.settings['ui.theme']).toBe('dark');
    expect(answer.outline).toEqual(value(await core.router.dispatch('plan.get', { planId: 'hz-2024' })));
  });

  it('picks the plan pickCurrentPlan picks from plan.list: remembered, newest, not an earlier version, not trashed', async () => {
    core = createTestCore(temp.make());
    importDated('p-older', '2023-01-01 08:00:00');
    importDated('p-newest', '2030-01-01 08:00:00');
    importDated('p-revised', '2029-01-01 08:00:00');
    const expectSame = async (id: string | null) => {
      expect(await pickedFromList()).toBe(id);
      expect((await start()).outline?.meta.id ?? null).toBe(id);
    };
    // Nothing remembered: the newest plan.
    await expectSame('p-newest');
    // The remembered one while it is in the library; a remembered id that is gone is ignored.
    await set('ui.currentPlan', 'p-older');
    await expectSame('p-older');
    await set('ui.currentPlan', 'p-gone');
    await expectSame('p-newest');
    // The newest made an earlier version of p-revised: the first plan is p-revised now, but a
    // reader who picked the earlier version keeps it.
    const now = new Date().toISOString();
    const version = core.db.prepare('INSERT INTO plan_versions (plan_id, lineage_id, version, derived_from, created_at) VALUES (?, ?, ?, ?, ?)');
    version.run('p-newest', 'lineage-x', 1, null, now);
    version.run('p-revised', 'lineage-x', 2, 'p-newest', now);
    await expectSame('p-revised');
    await set('ui.currentPlan', 'p-newest');
    await expectSame('p-newest');
    // In the trash, neither the remembered plan nor the newer version counts.
    trashPlan(core.db, 'p-newest', 0, true);
    await expectSame('p-revised');
    trashPlan(core.db, 'p-revised', 0, true);
    await expectSame('hz-2024');
  });

  it('answers no outline when the library has no plan', async () => {
    core = createTestCore(temp.make());
    trashPlan(core.db, 'hz-2024', 0, true);
    expect(await start()).toMatchObject({ outline: null });
  });

  it('refuses arguments, naming the method', async () => {
    core = createTestCore(temp.make());
    expect(await core.router.dispatch('app.start', { plan: 'hz-2024' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^app\.start/) },
    });
  });
});
