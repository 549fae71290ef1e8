// Suite "annotations": saving a note through the API (the core router: validation, the
// revision check, the write, the history entry, the commit, the record read back) against the
// floor, the raw UPDATE and commit of the same note (synchronous=FULL, as the app opens its
// database), on a database holding many notes (1M with --full, 100k by default, 10k --quick);
// and the annotation list of one item with 500 highlights and notes in text order (what the
// panel asks for) against a plain SELECT of the same rows.
import { join } from 'node:path';
import type { Core } from '../../../electron/core/core';
import { writeTransaction } from '../../../electron/core/db/transaction';
import type { Result } from '../../../shared/api/result';
import { describePassage } from '../../../shared/domain/anchoring';
import { createTestCore } from '../../helpers/core';
import { deriveSeed, Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb } from '../timing';
import { sampleCount, type SuiteContext } from './context';

const SUITE = 'annotations';
const PANEL_ITEM = 'hz-2024/T3/I3';
const PANEL_SIZE = 500;

const uuidOf = (n: number, tag: number) => `${tag.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

export function runAnnotations(ctx: SuiteContext): void {
  const notes = ctx.options.full ? 1_000_000 : ctx.options.quick ? 10_000 : 100_000;
  const core = createTestCore(join(ctx.tmpDir, 'annotations'));
  try {
    // The item of the panel measurement has its own 500, no more.
    const items = core.db.prepare("SELECT id FROM initiatives WHERE plan_id = 'hz-2024' AND id <> ? ORDER BY id").pluck().all(PANEL_ITEM) as string[];
    fillNotes(core, items, notes);
    ctx.log(`  ${notes.toLocaleString('en')} notes, synchronous=${String(core.db.pragma('synchronous', { simple: true }))} (2 = FULL)`);
    measureSave(ctx, core, notes);
    fillPanel(core, new Prng(deriveSeed(ctx.options.seed, 0x616e6e6f)));
    measureList(ctx, core);
  } finally {
    core.close();
  }
}

/** Notes as the service stores them (a row, a history entry), written in bulk. */
function fillNotes(core: Core, items: string[], count: number): void {
  const at = '2024-01-01T00:00:00.000Z';
  const note = core.db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, body, created_at, modified_at, revision) VALUES (?, 'hz-2024', ?, 'note', ?, ?, ?, 1)`,
  );
  const history = core.db.prepare(
    `INSERT INTO user_annotation_revisions (annotation_id, revision, body, saved_at, reason) VALUES (?, 1, ?, ?, 'edit')`,
  );
  for (let from = 0; from < count; from += 50_000) {
    writeTransaction(core.db, () => {
      for (let n = from; n < Math.min(count, from + 50_000); n++) {
        const id = uuidOf(n, 1);
        const body = `第${n}条笔记：推进数字化改革，落实重点任务。`;
        note.run(id, items[n % items.length], body, at, at);
        history.run(id, body, at);
      }
    });
  }
}

function measureSave(ctx: SuiteContext, core: Core, count: number): void {
  const revisionOf = core.db.prepare('SELECT revision FROM user_annotations WHERE id = ?').pluck();
  // Spread over the table: a save touches pages all over the B-trees, as the reader's would.
  const target = (n: number) => uuidOf(Math.floor(((n * 7919) % 1000) * (count / 1000)), 1);
  let n = 0;
  const api = () => {
    const id = target(n);
    const args = { id, baseRevision: revisionOf.get(id) as number, patch: { body: `改过的笔记 ${n++}：要点一、要点二。` } };
    const { value, ms } = measure(() => core.router.dispatch('annotation.update', args));
    void value.then((res: Result<unknown>) => {
      if (!res.ok) throw new Error(`annotation.update failed: ${res.error.code} ${res.error.message}`);
    });
    return ms;
  };
  const update = core.db.prepare('UPDATE user_annotations SET body = ?, modified_at = ?, revision = revision + 1 WHERE id = ?');
  const save = core.db.transaction((body: string, id: string) => update.run(body, new Date().toISOString(), id));
  let m = 0;
  const raw = () => {
    const id = target(m + 500);
    const body = `直接写入 ${m++}：要点一、要点二。`;
    return measure(() => save.immediate(body, id)).ms;
  };
  const result = runAb(sampleCount(ctx, 60, 15), api, raw);
  ctx.record(
    ratioMeasurement(SUITE, 'note save', ['api', 'floor'], result, {
      note: `${count.toLocaleString('en')} notes; +${fmt(result.a.median - result.b.median)} ms at p50`,
      detail: { notes: count, overP50: result.a.median - result.b.median },
    }),
  );
}

/** PANEL_SIZE highlights and notes on one item: highlights at places all over its body. */
function fillPanel(core: Core, r: Prng): void {
  const body = core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(PANEL_ITEM) as string;
  const length = Array.from(body).length;
  const at = '2024-01-02T00:00:00.000Z';
  const insert = core.db.prepare(
    `INSERT INTO user_annotations (id, plan_id, item_id, kind, part, language, selectors_json, color, body, anchor_status, created_at, modified_at)
     VALUES (?, 'hz-2024', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const tag = core.db.prepare('INSERT INTO user_annotation_tags (annotation_id, tag) VALUES (?, ?)');
  writeTransaction(core.db, () => {
    for (let n = 0; n < PANEL_SIZE; n++) {
      const id = uuidOf(n, 2);
      if (n % 5 === 0) {
        insert.run(id, PANEL_ITEM, 'note', null, null, null, null, `关于本项的第${n}条笔记`, null, at, at);
      } else {
        const start = Math.floor(r.next() * (length - 8));
        const selectors = JSON.stringify(describePassage(body, start, start + 2 + Math.floor(r.next() * 6)));
        insert.run(id, PANEL_ITEM, 'highlight', 'body', 'zh', selectors, 'yellow', n % 3 === 0 ? '批注' : '', 'anchored', at, at);
      }
      if (n % 4 === 0) tag.run(id, '重点');
    }
  });
}

function measureList(ctx: SuiteContext, core: Core): void {
  const api = () => {
    const { value, ms } = measure(() => core.router.dispatch('annotation.list', { itemId: PANEL_ITEM, sort: 'text', limit: PANEL_SIZE }));
    void value.then((res: Result<unknown>) => {
      if (!res.ok) throw new Error(`annotation.list failed: ${res.error.code} ${res.error.message}`);
      const total = (res.value as { total: number }).total;
      if (total !== PANEL_SIZE) throw new Error(`annotation.list: ${total} annotations, expected ${PANEL_SIZE}`);
    });
    return ms;
  };
  const plain = core.db.prepare('SELECT * FROM user_annotations WHERE item_id = ? AND deleted_at IS NULL');
  const raw = () => measure(() => plain.all(PANEL_ITEM)).ms;
  const result = runAb(sampleCount(ctx, 40, 10), api, raw);
  ctx.record(
    ratioMeasurement(SUITE, `list of one item (${PANEL_SIZE})`, ['api', 'select'], result, {
      note: `text order with tags, plan and item names; +${fmt(result.a.median - result.b.median)} ms at p50`,
      detail: { annotations: PANEL_SIZE, overP50: result.a.median - result.b.median },
    }),
  );
}
