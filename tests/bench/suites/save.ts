// Suite "save": saving a reader's field through the API (the core router: validation, the
// revision check, the write with its search documents and sort keys, the commit, the fresh
// row) against the floor, the raw UPDATE and commit of the same field on the same database.
// A free-text field with a new value each time, once with a handful of distinct values in use
// and once with tens of thousands (what a save costs must not grow with them), and a status.
// The worst case for the dictionary's spaced ranks is measured too: every new value between
// the same two neighbours (dated notes typed one after another), so the gap between them runs
// out every 16 saves; it is timed as runs of 16 saves, the mean save of a run per sample, so
// the renumbering a run includes is in every sample rather than in the tail only.
// The router's work is synchronous: dispatch() has done it all, commit included, when it returns
// its promise, so it is timed like the other suites' synchronous calls.
//
// Each save is timed twice over: wall clock (the figure the reader feels, commit and its fsync
// included) and the process's CPU time (what our code adds, without the waits on the disk and
// on the other processes of a shared 2-core machine, which swamp a sub-millisecond difference
// in the wall-clock figure when the machine is busy).
import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import { importPlan } from '../../../electron/core/plan/store';
import { refreshDerivedData } from '../../../electron/core/refresh-derived';
import { rebuildTextSortKeys } from '../../../electron/core/collation/text-sort-keys';
import { indexReaderFields } from '../../../electron/core/search/initiative-docs';
import type { Result } from '../../../shared/api/result';
import { createTestCore } from '../../helpers/core';
import { articleText, DEFAULT_SHAPE, generatePlans } from '../corpus';
import { deriveSeed, Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { nowMs, runAb, type AbResult, type Sampler } from '../timing';
import { summarize } from '../stats';
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
    // A progress note (migration 0017 copies it onto the table's sort keys, indexed, and the
    // new value's ranks into the rank indexes) with as many distinct values in the dictionary.
    measureText(ctx, core, ids, `${distinct(core)} distinct values`, r, 'progressNote');
    measureCrowded(ctx, core, ids);
    measureStatus(ctx, core, ids);
  } finally {
    core.close();
  }
}

/** Lead units written directly, indexed for search and ranked as saves would have left them. */
function setLeadUnits(core: Core, values: [string, string][]): void {
  writeTransaction(core.db, () => {
    const update = core.db.prepare('UPDATE user_initiative_state SET lead_unit = ? WHERE initiative_id = ?');
    for (const [id, v] of values) {
      update.run(v, id);
      indexReaderFields(core.db, id, { leadUnit: v });
    }
  });
  rebuildTextSortKeys(core.db);
}

function distinct(core: Core): number {
  return (core.db.prepare('SELECT count(*) AS n FROM text_sort_keys').get() as { n: number }).n;
}

function revision(core: Core, id: string): number {
  return (core.db.prepare('SELECT revision FROM user_initiative_state WHERE initiative_id = ?').get(id) as { revision: number }).revision;
}

/** A sampler timing `fn` by the wall clock, which also keeps the CPU time each call took. */
interface TimedSide {
  sample: Sampler;
  cpu: number[];
}

function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function timedSide(prepare: () => () => void): TimedSide {
  const cpu: number[] = [];
  return {
    cpu,
    sample: () => {
      const fn = prepare();
      const wall = nowMs();
      const c = cpuMs();
      fn();
      const used = cpuMs() - c;
      const ms = nowMs() - wall;
      cpu.push(used);
      return ms;
    },
  };
}

/** One side of a save measurement: untimed setup (the revision to name), then the timed save. */
function saver(core: Core, ids: string[], patchOf: (n: number) => Record<string, unknown>): TimedSide {
  let n = 0;
  const check = (res: Result<unknown>) => {
    if (!res.ok) throw new Error(`initiative.update failed: ${res.error.code} ${res.error.message}`);
  };
  return timedSide(() => {
    const id = ids[n % ids.length]!;
    const args = { initiativeId: id, baseRevision: revision(core, id), patch: patchOf(n++) };
    return () => void core.router.dispatch('initiative.update', args).then(check);
  });
}

/** The floor: the same field written by one UPDATE (touched_at and revision too) and committed. */
function rawSaver(core: Core, ids: string[], column: string, valueOf: (n: number) => string): TimedSide {
  const update = core.db.prepare(
    `UPDATE user_initiative_state SET ${column} = ?, touched_at = ?, revision = revision + 1 WHERE initiative_id = ?`,
  );
  const save = core.db.transaction((v: string, id: string) => update.run(v, new Date().toISOString(), id));
  let n = 0;
  return timedSide(() => {
    const id = ids[(n + 7) % ids.length]!;
    const v = valueOf(n++);
    return () => save.immediate(v, id);
  });
}

/** Both sides run A/B; records the wall-clock ratio and the CPU-time ratio of the same saves. */
function measureSaves(ctx: SuiteContext, name: string, api: TimedSide, raw: TimedSide, note: string, detail: Record<string, number | string>): void {
  // No forced collection between samples: see AbOptions.collect (a save is far below 1 ms of work).
  const wall = runAb(sampleCount(ctx, 100, 10), api.sample, raw.sample, { collect: false });
  // The warm-up call of each side is not a sample.
  const cpu: AbResult = cpuResult(api.cpu.slice(1), raw.cpu.slice(1));
  const over = wall.a.median - wall.b.median;
  const overCpu = cpu.a.median - cpu.b.median;
  ctx.record(
    ratioMeasurement(SUITE, name, ['api', 'floor'], wall, {
      note: `${note}+${fmt(over)} ms at p50`,
      detail: { ...detail, overP50: over },
    }),
  );
  ctx.record(
    ratioMeasurement(SUITE, `${name} (CPU)`, ['api', 'floor'], cpu, {
      note: `CPU time of the same saves; +${fmt(overCpu)} ms at p50`,
      detail: { ...detail, overP50: overCpu },
    }),
  );
}

function cpuResult(a: number[], b: number[]): AbResult {
  const sa = summarize(a);
  const sb = summarize(b);
  return { a: sa, b: sb, ratio: sa.median / sb.median, aSamples: a, bSamples: b };
}

function measureText(ctx: SuiteContext, core: Core, ids: string[], what: string, r: Prng, field: 'leadUnit' | 'progressNote' = 'leadUnit'): void {
  // A value no one typed before, each time: the sort-key dictionary gains one.
  const fresh = (side: string) => (n: number) => `${r.pick(V.CITIES)}${r.pick(V.ACTORS)}${side}${n}号`;
  const api = saver(core, ids, (n) => ({ [field]: fresh('甲')(n) }));
  const raw = rawSaver(core, ids, field === 'leadUnit' ? 'lead_unit' : 'progress_note', fresh('乙'));
  const name = field === 'leadUnit' ? `save text, ${what.split(' ')[0]}` : `save progress note, ${what.split(' ')[0]}`;
  measureSaves(ctx, name, api, raw, `${field === 'leadUnit' ? 'lead unit' : 'progress note'}, a new value each save, ${what}; `, { distinct: what });
}

/** Saves in a sample of the crowded scenario: a fresh gap (RANK_GAP) halves 16 times. */
const CROWD_RUN = 16;

/** A sampler timing runs of CROWD_RUN saves, each save's value from `valueOf`, returning the
 *  mean of a run (wall) and keeping its CPU mean; the ids' revisions are read before the run. */
function runSide(ids: string[], offset: number, save: (id: string, revision: number, n: number) => void, revisionOf: (id: string) => number): TimedSide {
  let n = 0;
  const side = timedSide(() => {
    const run = Array.from({ length: CROWD_RUN }, (_, k) => ids[(offset + n + k) % ids.length]!);
    const revisions = run.map(revisionOf);
    const first = n;
    n += CROWD_RUN;
    return () => run.forEach((id, k) => save(id, revisions[k]!, first + k));
  });
  return {
    cpu: side.cpu,
    sample: () => {
      const ms = side.sample();
      side.cpu[side.cpu.length - 1]! /= CROWD_RUN;
      return ms / CROWD_RUN;
    },
  };
}

function measureCrowded(ctx: SuiteContext, core: Core, ids: string[]): void {
  // Every new value sorts right after the one before it and before the anchor's neighbour,
  // in both orders (a text sorts right after its prefix).
  const anchor = (core.db.prepare('SELECT lead_unit AS v FROM user_initiative_state WHERE initiative_id = ?').get(ids[0]!) as { v: string }).v;
  const valueOf = (side: string) => (n: number) => `${anchor}${side}${String(n).padStart(6, '0')}`;
  const check = (res: Result<unknown>) => {
    if (!res.ok) throw new Error(`initiative.update failed: ${res.error.code} ${res.error.message}`);
  };
  const api = runSide(
    ids,
    1,
    (id, baseRevision, n) => void core.router.dispatch('initiative.update', { initiativeId: id, baseRevision, patch: { leadUnit: valueOf('甲')(n) } }).then(check),
    (id) => revision(core, id),
  );
  const update = core.db.prepare('UPDATE user_initiative_state SET lead_unit = ?, touched_at = ?, revision = revision + 1 WHERE initiative_id = ?');
  const save = core.db.transaction((v: string, id: string) => update.run(v, new Date().toISOString(), id));
  const raw = runSide(ids, 5001, (id, _revision, n) => void save.immediate(valueOf('乙')(n), id), () => 0);
  const before = distinct(core);
  measureSaves(ctx, 'save text, crowded gap', api, raw, `lead unit, each new value between the same two neighbours, ${before} distinct values at the start, mean save of runs of ${CROWD_RUN}; `, {
    distinct: before,
    run: CROWD_RUN,
  });
}

function measureStatus(ctx: SuiteContext, core: Core, ids: string[]): void {
  const statuses = ['in_progress', 'done', 'watching', 'not_started'];
  const api = saver(core, ids, (n) => ({ status: statuses[n % statuses.length] }));
  const raw = rawSaver(core, ids, 'status', (n) => statuses[n % statuses.length]!);
  measureSaves(ctx, 'save status', api, raw, '', {});
}
