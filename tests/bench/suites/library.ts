// Suite "library": a library of 2,000 plans stored as the app stores an imported file (the
// generated article → the importer's outline step → storeImportedPlan: tree, projection, sort
// keys, search documents), with the reader's values on some items and a few plans renamed,
// tagged and trashed. Measured against plain SQL floors beside them in the same run:
// - opening the library: listLibrary (every plan with its counts, progress and reader values)
//   against reading the same plan rows with one plain query and no counts;
// - switching plans: plan.get's getPlanOutline on random plans against the plain SELECTs of
//   the same rows (plan, themes, headings, lists) without mapping them.
import type Database from 'better-sqlite3';
import { openDatabase } from '../../../electron/core/db/open';
import { documentFromRaw } from '../../../electron/core/import/pipeline';
import { readText } from '../../../electron/core/import/read-text';
import { storeImportedPlan } from '../../../electron/core/plan/store-imported';
import { listLibrary } from '../../../electron/core/services/library/library';
import { getPlanOutline } from '../../../electron/core/services/plans';
import { articleText, generatePlan } from '../corpus';
import { Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb, timed } from '../timing';
import { freshDbPath, removeDb, sampleCount, type SuiteContext } from './context';

const SUITE = 'library';
const PLANS = 2000;
// Small plans: the library's costs grow with the number of plans; the 100k-item table has its
// own suite.
const SHAPE = { plans: PLANS, themesPerPlan: 3, initiativesPerTheme: 5 };
const SWITCHES = 200;

export function runLibrary(ctx: SuiteContext): void {
  const file = freshDbPath(ctx, 'library');
  const db = openDatabase(file);
  try {
    // Filling is setup, not a comparison: without an fsync per plan it takes a quarter of the
    // time on this machine's disk. The measurements below run with the app's settings.
    db.pragma('synchronous = OFF');
    const { ms: loadMs, value: ids } = measure(() => fillLibrary(db, ctx.options.seed));
    db.pragma('synchronous = FULL');
    const items = (db.prepare('SELECT count(*) FROM initiatives').pluck().get() as number);
    ctx.record({
      kind: 'fixed',
      suite: SUITE,
      name: 'store 2,000 plans',
      text: `${ids.length} plans / ${items} items through the importer's outline step and storeImportedPlan in ${fmt(loadMs / 1000)} s (${fmt(loadMs / ids.length)} ms a plan, synchronous=OFF)`,
      values: { plans: ids.length, items, ms: loadMs },
    });
    measureList(ctx, db);
    measureSwitch(ctx, db, ids);
  } finally {
    db.close();
    removeDb(file);
  }
}

/** Stores the generated plans as imported files; returns their plan ids. */
function fillLibrary(db: Database.Database, seed: number): string[] {
  const r = new Prng(seed);
  const ids: string[] = [];
  const state = db.prepare(
    `INSERT INTO user_initiative_state (initiative_id, status, lead_unit, touched_at) VALUES (?, ?, ?, '2025-01-01T00:00:00.000Z')`,
  );
  const planState = db.prepare(
    `INSERT INTO user_plan_state (plan_id, title, tags_json, trashed_at, touched_at) VALUES (?, ?, ?, ?, '2025-01-01T00:00:00.000Z')`,
  );
  for (let i = 0; i < PLANS; i++) {
    const bytes = Buffer.from(articleText(generatePlan(seed, i, SHAPE)), 'utf8');
    const name = `plan-${i}.txt`;
    const { planId } = storeImportedPlan(db, documentFromRaw(readText(bytes, name, false), bytes, name));
    ids.push(planId);
    // Reader data on one plan in five: a status (some done) and a lead unit on a few items.
    if (i % 5 === 0) {
      const itemIds = db.prepare('SELECT id FROM initiatives WHERE plan_id = ? ORDER BY id').pluck().all(planId) as string[];
      db.transaction(() => {
        for (const id of r.sample(itemIds, 4)) state.run(id, r.chance(0.5) ? 'done' : 'in_progress', r.chance(0.5) ? '市发改委' : null);
        planState.run(planId, i % 10 === 0 ? `重命名 ${i}` : null, JSON.stringify(['重点']), i % 50 === 0 ? '2025-02-01T00:00:00.000Z' : null);
      })();
    }
  }
  return ids;
}

function measureList(ctx: SuiteContext, db: Database.Database): void {
  const raw = db.prepare(
    `SELECT p.id, p.title, p.issuer, p.doc_number, p.doc_date, p.published_at, p.format, p.file_name, p.imported_at,
       s.title AS custom, s.tags_json, s.trashed_at, s.revision
     FROM plans p LEFT JOIN user_plan_state s ON s.plan_id = p.id WHERE s.trashed_at IS NULL
     ORDER BY p.imported_at DESC, p.id`,
  );
  let listed = 0;
  const r = runAb(
    sampleCount(ctx, 15, 5),
    () => timed(() => (listed = listLibrary(db).length)),
    () => timed(() => raw.all()),
  );
  ctx.record(
    ratioMeasurement(SUITE, 'open the library', ['listLibrary', 'plain rows'], r, {
      note: `${listed} plans listed with counts, progress and reader values; ${fmt(r.a.median)} ms`,
      detail: { plans: listed, medianMs: r.a.median },
    }),
  );
}

function measureSwitch(ctx: SuiteContext, db: Database.Database, ids: string[]): void {
  const r0 = new Prng(ctx.options.seed + 1);
  const order = Array.from({ length: SWITCHES }, () => r0.pick(ids));
  const plan = db.prepare('SELECT * FROM plans WHERE id = ?');
  const themes = db.prepare('SELECT id, plan_id, ordinal, headline FROM themes WHERE plan_id = ? ORDER BY ordinal');
  const headings = db.prepare('SELECT id, ordinal, numeral, headline FROM initiatives WHERE theme_id = ? ORDER BY ordinal');
  const lists = db.prepare('SELECT * FROM plan_lists WHERE plan_id = ? ORDER BY ordinal');
  const listItems = db.prepare('SELECT * FROM list_items WHERE list_id = ? ORDER BY ordinal');
  const r = runAb(
    sampleCount(ctx, 15, 5),
    () => timed(() => order.forEach((id) => getPlanOutline(db, id))),
    () =>
      timed(() => {
        for (const id of order) {
          plan.get(id);
          for (const t of themes.all(id) as { id: string }[]) headings.all(t.id);
          for (const l of lists.all(id) as { id: string }[]) listItems.all(l.id);
        }
      }),
  );
  ctx.record(
    ratioMeasurement(SUITE, 'switch plans (plan.get)', ['getPlanOutline', 'plain selects'], r, {
      note: `${SWITCHES} switches among ${ids.length} plans; ${fmt((r.a.median / SWITCHES) * 1000)} µs a switch`,
      detail: { switches: SWITCHES, usPerSwitch: (r.a.median / SWITCHES) * 1000 },
    }),
  );
}
