// Suite "save": saving a reader's field through the API (the core router: validation, the
// revision check, the write with its search documents and sort keys, the commit, the fresh
// row) against the floor, the raw UPDATE and commit of the same field on the same database.
// A free-text field with a new value each time, once with a handful of distinct values in use
// and once with tens of thousands (what a save costs must not grow with them), and a status.
// The router's work is synchronous: dispatch() has done it all, commit included, when it returns
// its promise, so it is timed like the other suites' synchronous calls.
import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshDerivedData } from '../../../electron/core/refresh-derived';
import { rebuildTextSortKeys } from '../../../electron/core/collation/text-sort-keys';
import type { Result } from '../../../shared/api/result';
import { createTestCore } from '../../helpers/core';
import { articleText, DEFAULT_SHAPE, generatePlans } from '../corpus';
import { deriveSeed, Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb } from '../timing';
import * as V from '../vocabulary';
import { sampleCount, type SuiteContext } from './context';

const SUITE = 'save';

export function runSave(ctx: SuiteContext): void {
  const plans = ctx.options.quick ? 40 : 400;
  const core = createTestCore(join(ctx.tmpDir, 'save'));
  try {
    for (const doc of generatePlans(ctx.options.seed, { ...DEFAULT_SHAPE, plans })) importPlan(core.db, doc, articleText(doc));
    refreshDerivedData(core.db);
    const ids = (core.db.prepare("SELECT id FROM initiatives WHERE plan_id <> 'hz-2024' ORDER BY id").all() as { id: string }[]).map(
      (r) => r.id,
    );
    // Every initiative has a state row, as after the reader's first edit of it.
    writeTransaction(core.db, () => {
      const insert = core.db.prepare("INSERT OR IGNORE INTO user_initiative_state (initiative_id, status, touched_at, revision) VALUES (?, 'not_started', '2024-01-01T00:00:00.000Z', 1)");
      for (const id of ids) insert.run(id);
    });
    const r = new Prng(deriveSeed(ctx.options.seed, 0x73617665));
    const few = ids.slice(0, 5);
    setLeadUnits(core, few.map((id, i) => [id, V.INSTITUTIONS[i]!]));
    measureText(ctx, core, ids, `${distinct(core)} distinct values`, r);
    // Tens of thousands of distinct values: one per initiative, written directly and ranked once.
    setLeadUnits(core, ids.map((id, i) => [id, `${r.pick(V.CITIES)}${r.pick(V.POLICY_TERMS)}${r.pick(V.MECHANISMS)}第${i}组`]));
    measureText(ctx, core, ids, `${distinct(core)} distinct values`, r);
    measureStatus(ctx, core, ids);
  } finally {
    core.close();
  }
}

function setLeadUnits(core: Core, values: [string, string][]): void {
  writeTransaction(core.db, () => {
    const update = core.db.prepare('UPDATE user_initiative_state SET lead_unit = ? WHERE initiative_id = ?');
    for (const [id, v] of values) update.run(v, id);
  });
  rebuildTextSortKeys(core.db);
}

function distinct(core: Core): number {
  return (core.db.prepare('SELECT count(*) AS n FROM text_sort_keys').get() as { n: number }).n;
}

function revision(core: Core, id: string): number {
  return (core.db.prepare('SELECT revision FROM user_initiative_state WHERE initiative_id = ?').get(id) as { revision: number }).revision;
}

/** One side of a save measurement: untimed setup (the revision to name), then the timed save. */
function saver(core: Core, ids: string[], patchOf: (n: number) => Record<string, unknown>) {
  let n = 0;
  let pending: Promise<Result<unknown>> | null = null;
  return () => {
    const id = ids[n % ids.length]!;
    const args = { initiativeId: id, baseRevision: revision(core, id), patch: patchOf(n++) };
    const { value, ms } = measure(() => core.router.dispatch('initiative.update', args));
    pending = value;
    void pending.then((res) => {
      if (!res.ok) throw new Error(`initiative.update failed: ${res.error.code} ${res.error.message}`);
    });
    return ms;
  };
}

function rawSaver(core: Core, ids: string[], column: string, valueOf: (n: number) => string) {
  const update = core.db.prepare(
    `UPDATE user_initiative_state SET ${column} = ?, touched_at = ?, revision = revision + 1 WHERE initiative_id = ?`,
  );
  const save = core.db.transaction((v: string, id: string) => update.run(v, new Date().toISOString(), id));
  let n = 0;
  return () => {
    const id = ids[(n + 7) % ids.length]!;
    const v = valueOf(n++);
    return measure(() => save.immediate(v, id)).ms;
  };
}

function measureText(ctx: SuiteContext, core: Core, ids: string[], what: string, r: Prng): void {
  // A value no one typed before, each time: the sort-key dictionary gains one.
  const fresh = (side: string) => (n: number) => `${r.pick(V.CITIES)}${r.pick(V.ACTORS)}${side}${n}号`;
  const core1 = saver(core, ids, (n) => ({ leadUnit: fresh('甲')(n) }));
  const raw = rawSaver(core, ids, 'lead_unit', fresh('乙'));
  const result = runAb(sampleCount(ctx, 40, 10), core1, raw);
  ctx.record(
    ratioMeasurement(SUITE, `save text, ${what.split(' ')[0]}`, ['api', 'floor'], result, {
      note: `lead unit, a new value each save, ${what}; +${fmt(result.a.median - result.b.median)} ms at p50`,
      detail: { distinct: what, overP50: result.a.median - result.b.median },
    }),
  );
}

function measureStatus(ctx: SuiteContext, core: Core, ids: string[]): void {
  const statuses = ['in_progress', 'done', 'watching', 'not_started'];
  const api = saver(core, ids, (n) => ({ status: statuses[n % statuses.length] }));
  const raw = rawSaver(core, ids, 'status', (n) => statuses[n % statuses.length]!);
  const result = runAb(sampleCount(ctx, 40, 10), api, raw);
  ctx.record(
    ratioMeasurement(SUITE, 'save status', ['api', 'floor'], result, {
      note: `+${fmt(result.a.median - result.b.median)} ms at p50`,
      detail: { overP50: result.a.median - result.b.median },
    }),
  );
}
