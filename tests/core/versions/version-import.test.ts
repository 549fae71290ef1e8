// Importing a revised text as a new version of a plan, through the real core: the reader's
// values (status, priority, fields, tags) on 10 items of renewal-v1.txt, then renewal-v2.txt
// imported as its new version. v2 inserts text before the items, deletes an item, inserts a new
// （四） that pushes the rest down, splits an item in two, merges two, rewords a headline, edits
// a body by a few characters and changes punctuation to half-width. Every value must end on the
// item its text went to, or stay on its old item listed as unmatched — checked item by item over
// every item of both versions, so a value on a wrong item fails.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { importDocument } from '../../../electron/core/import/pipeline';
import { storeImportedPlan } from '../../../electron/core/plan/store-imported';
import { libraryEntry } from '../../../electron/core/services/library/library';
import { importVersion, planItems } from '../../../electron/core/services/versions/version-import';
import type { ImportPreview, ImportResult } from '../../../shared/api/import/methods';
import type { LibraryEntry } from '../../../shared/api/library/methods';
import type { PlanSummary } from '../../../shared/api/plans/methods';
import type { Result } from '../../../shared/api/result';
import type { ItemValues, PlanVersion, UnmatchedItem, VersionItem } from '../../../shared/api/versions/methods';
import type { InitiativeFields, InitiativeRow, TablePage } from '../../../shared/domain/table';
import { describePassage } from '../../../shared/domain/anchoring';
import { randomUUID } from 'node:crypto';
import { createTestCore } from '../../helpers/core';
import { dumpTables } from '../../helpers/db-dump';
import { REPO_ROOT } from '../../helpers/paths';
import { useTempDirs } from '../../helpers/temp-dir';
import { value, error as errorOf } from '../../helpers/result';

// Each preview starts a worker that loads the TypeScript sources through tsx.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'versions');
const temp = useTempDirs('briefbook-versions-');
let core: Core;
let n = 0;

beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await core.router.dispatch(method, args)) as Result<T>;
}
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

async function importFile(name: string, versionOf?: string): Promise<{ preview: ImportPreview; result: ImportResult }> {
  const previewId = `version-test-${++n}`;
  const args = { previewId, fileName: name, dataBase64: fixture(name).toString('base64'), ...(versionOf ? { versionOf } : {}) };
  const preview = value(await call<ImportPreview>('import.preview', args));
  const result = value(
    await call<ImportResult>('import.commit', { previewId, choices: { levels: preview.document.levels, edits: [] }, ...(versionOf ? { versionOf } : {}) }),
  );
  return { preview, result };
}

/** The item of a plan with this headline. */
function itemId(planId: string, headline: string): string {
  const found = planItems(core.db, planId).filter((i) => i.headline === headline);
  if (found.length !== 1) throw new Error(`${planId}: ${found.length} items headed ${headline}`);
  return found[0]!.id;
}

async function update(id: string, patch: Partial<InitiativeFields>): Promise<InitiativeRow> {
  const [row] = value(await call<InitiativeRow[]>('table.rows', { ids: [id] }));
  return value(await call<InitiativeRow>('initiative.update', { initiativeId: id, baseRevision: row!.revision, patch }));
}

/** The reader's values on every item of the plans, keyed by plan and headline (empty ones left out). */
function valuesByItem(planIds: string[]): Record<string, Partial<InitiativeFields> & { revision: number }> {
  const out: Record<string, Partial<InitiativeFields> & { revision: number }> = {};
  for (const planId of planIds) {
    const items = planItems(core.db, planId);
    const rows = core.db
      .prepare(
        `SELECT initiative_id AS id, status, priority, lead_unit AS leadUnit, responsible_units AS responsibleUnits,
           deadline, progress_note AS progressNote, revision FROM user_initiative_state
         WHERE initiative_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(items.map((i) => i.id))) as ({ id: string } & Record<string, unknown>)[];
    for (const item of items) {
      const row = rows.find((r) => r.id === item.id);
      const tags = core.db.prepare('SELECT tag FROM user_initiative_tags WHERE initiative_id = ? ORDER BY rowid').pluck().all(item.id);
      if (!row && tags.length === 0) continue;
      const filled = Object.fromEntries(Object.entries(row ?? {}).filter(([k, v]) => v !== null && k !== 'id'));
      out[`${planId === planIds[0] ? 'v1' : 'v2'} ${item.numbering}${item.headline}`] = {
        ...(filled as { revision: number }),
        ...(tags.length ? { tags: tags as string[] } : {}),
      };
    }
  }
  return out;
}

/** The reader's values on 10 items of v1 (status, priority, fields, tags). */
async function setValues(v1: string): Promise<void> {
  await update(itemId(v1, '推进老旧小区改造'), { status: 'done', tags: ['民生'] }); // split in two
  await update(itemId(v1, '完善社区服务设施'), { priority: 'high', leadUnit: '市民政局' }); // renumbered
  await update(itemId(v1, '建设口袋公园'), { deadline: '2025-06-30', tags: ['绿化', '民生'] }); // renumbered
  await update(itemId(v1, '提升交通微循环'), { progressNote: '已开工8条' }); // renumbered
  await update(itemId(v1, '加强历史文化保护'), { status: 'watching', tags: ['文保'] }); // deleted
  await update(itemId(v1, '加强组织领导'), { status: 'in_progress' }); // headline reworded
  await update(itemId(v1, '强化资金保障'), { responsibleUnits: '市财政局、市发改委' }); // body edited
  await update(itemId(v1, '完善政策体系'), { tags: ['政策'] }); // merged (the larger part)
  await update(itemId(v1, '严格督查考核'), { status: 'not_started', leadUnit: '市督查室' }); // merged into the other
  await update(itemId(v1, '营造良好氛围'), { priority: 'low' }); // punctuation to half-width
}

describe('a revised text imported as a new version', () => {
  it('shows what changes before writing anything', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    await setValues(v1);
    const before = dumpTables(core.db);
    const previewId = `version-test-${++n}`;
    const preview = value(
      await call<ImportPreview>('import.preview', {
        previewId,
        fileName: 'renewal-v2.txt',
        dataBase64: fixture('renewal-v2.txt').toString('base64'),
        versionOf: v1,
      }),
    );
    expect(dumpTables(core.db)).toEqual(before);
    const changes = preview.changes!;
    expect(changes.versionOf).toEqual({ planId: v1, title: '青禾市城市更新行动方案', version: 1 });
    const headlines = (items: VersionItem[]) => items.map((i) => `${i.numeral}${i.headline}`);
    expect(headlines(changes.added)).toEqual(['（二）实施加装电梯和管网更新', '（四）发展社区商业']);
    expect(changes.removed.map((r) => [`${r.numeral}${r.headline}`, r.values])).toEqual([
      ['（五）加强历史文化保护', 2],
      ['（四）严格督查考核', 2],
    ]);
    expect(changes.counts).toEqual({
      unchanged: 0,
      edited: 5,
      moved: 0,
      renumbered: 5,
      added: 2,
      removed: 2,
      ambiguous: 0,
      unmatchedWithValues: 2,
    });
    const changed = Object.fromEntries(
      changes.changed.map((c) => [`${c.from.numeral}${c.from.headline} → ${c.to.numeral}${c.to.headline}`, c.how]),
    );
    expect(changed).toEqual({
      '（一）推进老旧小区改造 → （一）推进老旧小区改造': 'heading',
      '（二）完善社区服务设施 → （三）完善社区服务设施': 'identical',
      '（三）建设口袋公园 → （五）建设口袋公园': 'identical',
      '（四）提升交通微循环 → （六）提升交通微循环': 'identical',
      '（一）加强组织领导 → （一）健全组织领导机制': 'similar',
      '（二）强化资金保障 → （二）强化资金保障': 'heading',
      '（三）完善政策体系 → （三）完善政策体系和督查考核': 'similar',
      '（五）营造良好氛围 → （四）营造良好氛围': 'heading',
      '（六）做好风险防控 → （五）做好风险防控': 'identical',
    });
  });

  it('moves every value to the item its text went to, or leaves it listed as unmatched (item by item)', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    await setValues(v1);
    const { result } = await importFile('renewal-v2.txt', v1);
    const v2 = result.planId;
    expect(result.version).toMatchObject({ lineageId: v1, version: 2, matched: 9, valuesMoved: 8, unmatched: 2 });

    // Every value of both versions, item by item: moved ones at revision + 1 on their new item,
    // the unmatched ones where they were; no other item has any.
    expect(valuesByItem([v1, v2])).toEqual({
      'v1 （五）加强历史文化保护': { status: 'watching', tags: ['文保'], revision: 1 },
      'v1 （四）严格督查考核': { status: 'not_started', leadUnit: '市督查室', revision: 1 },
      'v2 （一）推进老旧小区改造': { status: 'done', tags: ['民生'], revision: 2 },
      'v2 （三）完善社区服务设施': { priority: 'high', leadUnit: '市民政局', revision: 2 },
      'v2 （五）建设口袋公园': { deadline: '2025-06-30', tags: ['绿化', '民生'], revision: 2 },
      'v2 （六）提升交通微循环': { progressNote: '已开工8条', revision: 2 },
      'v2 （一）健全组织领导机制': { status: 'in_progress', revision: 2 },
      'v2 （二）强化资金保障': { responsibleUnits: '市财政局、市发改委', revision: 2 },
      'v2 （三）完善政策体系和督查考核': { tags: ['政策'], revision: 2 },
      'v2 （四）营造良好氛围': { priority: 'low', revision: 2 },
    });
    // The touched_at of a moved record says when it moved; its other columns came along whole.
    const unmatched = value(await call<{ items: UnmatchedItem[]; unclaimed: VersionItem[] }>('version.unmatched', { planId: v2 }));
    expect(unmatched.items.map((u) => [`${u.numeral}${u.headline}`, u.values.status, u.values.tags, u.left])).toEqual([
      ['（五）加强历史文化保护', 'watching', ['文保'], false],
      ['（四）严格督查考核', 'not_started', [], false],
    ]);
    expect(unmatched.unclaimed.map((u) => u.headline)).toEqual(['实施加装电梯和管网更新', '发展社区商业']);

    // The reader's text is found by search on its new item, no longer on the old one.
    const page = value(
      await call<TablePage>('table.query', {
        planId: v2,
        sort: [],
        collation: 'pinyin',
        search: '市民政局',
        filters: {},
        groupBy: null,
        offset: 0,
        limit: 50,
      }),
    );
    expect(page.rows.map((r) => r.id)).toEqual([itemId(v2, '完善社区服务设施')]);
    const tagged = value(
      await call<TablePage>('table.query', { sort: [], collation: 'pinyin', search: '', filters: { tags: ['民生'] }, groupBy: null, offset: 0, limit: 50 }),
    );
    expect(tagged.rows.map((r) => r.headline).sort()).toEqual(['建设口袋公园', '推进老旧小区改造']);
    expect(tagged.rows.every((r) => r.planId === v2)).toBe(true);
  });

  it('a write made on the moved record’s old revision is a CONFLICT; the moved record takes revision + 1', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    const oldId = itemId(v1, '完善社区服务设施');
    await update(oldId, { status: 'done' });
    const { result } = await importFile('renewal-v2.txt', v1);
    const stale = errorOf(await call('initiative.update', { initiativeId: oldId, baseRevision: 1, patch: { status: 'watching' } }));
    expect(stale.code).toBe('CONFLICT');
    const [moved] = value(await call<InitiativeRow[]>('table.rows', { ids: [itemId(result.planId, '完善社区服务设施')] }));
    expect(moved).toMatchObject({ status: 'done', revision: 2 });
  });

  it('shows the current version only in the plan list, the table and the library; old versions stay readable', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    await call('settings.set', { key: 'ui.currentPlan', value: v1 });
    const { result } = await importFile('renewal-v2.txt', v1);
    const v2 = result.planId;
    expect(value(await call<string | null>('settings.get', { key: 'ui.currentPlan' }))).toBe(v2);

    // plan.list names the old version as superseded (kept for a reader who picks it), last.
    const plans = value(await call<PlanSummary[]>('plan.list', {}));
    expect(plans.filter((p) => !p.supersededBy).map((p) => p.id).sort()).toEqual(['hz-2024', v2].sort());
    expect(plans.map((p) => [p.id, p.supersededBy]).at(-1)).toEqual([v1, v2]);
    const library = value(await call<LibraryEntry[]>('library.list', {}));
    expect(library.filter((e) => e.id === v1 || e.id === v2).map((e) => [e.id, e.version])).toEqual([[v2, { number: 2, count: 2 }]]);
    const all = value(
      await call<TablePage>('table.query', { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 200 }),
    );
    expect(new Set(all.rows.map((r) => r.planId))).toEqual(new Set(['hz-2024', v2]));
    // Picked by the reader, the old version is all there.
    const old = value(
      await call<TablePage>('table.query', { planId: v1, sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset: 0, limit: 200 }),
    );
    expect(old.rows).toHaveLength(11);
    const versions = value(await call<PlanVersion[]>('version.list', { planId: v1 }));
    expect(versions.map((v) => [v.planId, v.version, v.current, v.unmatched])).toEqual([
      [v1, 1, false, 0],
      [v2, 2, true, 2],
    ]);

    // The new version in the trash: the old one is current again.
    const entry = library.find((e) => e.id === v2)!;
    value(await call('library.trash', { planId: v2, baseRevision: entry.revision, confirm: true }));
    expect(value(await call<PlanSummary[]>('plan.list', {})).find((p) => p.id === v1)).not.toHaveProperty('supersededBy');
    expect(value(await call<PlanVersion[]>('version.list', { planId: v2 })).map((v) => v.current)).toEqual([true, false]);
  });

  it('refuses a version of a superseded or trashed plan, and the same file again, changing nothing', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    const { result: second } = await importFile('renewal-v2.txt', v1);
    const before = dumpTables(core.db);
    const previewId = `version-test-${++n}`;
    const dataBase64 = Buffer.from(`${fixture('renewal-v2.txt').toString('utf8')}\n（七）新增一项任务。内容。\n`).toString('base64');
    const superseded = errorOf(await call('import.preview', { previewId, fileName: 'v3.txt', dataBase64, versionOf: v1 }));
    expect(superseded.code).toBe('BAD_REQUEST');
    expect(superseded.message).toMatch(/^v3\.txt: plan p-\w+ is version 1; version 2 \(p-\w+\) is newer/);
    const again = errorOf(
      await call('import.preview', { previewId: `version-test-${++n}`, fileName: 'renewal-v1.txt', dataBase64: fixture('renewal-v1.txt').toString('base64'), versionOf: 'hz-2024' }),
    );
    expect(again.message).toBe('renewal-v1.txt: this file is already in the library as plan ' + v1 + '; a new version must be a different text');
    expect(errorOf(await call('import.preview', { previewId: `version-test-${++n}`, fileName: 'v3.txt', dataBase64, versionOf: 'p-0000000000' })).code).toBe(
      'NOT_FOUND',
    );
    expect(dumpTables(core.db)).toEqual(before);

    const entry = value(await call<LibraryEntry[]>('library.list', {})).find((e) => e.id === second.planId)!;
    value(await call('library.trash', { planId: second.planId, baseRevision: entry.revision, confirm: true }));
    const trashed = errorOf(await call('import.preview', { previewId: `version-test-${++n}`, fileName: 'v3.txt', dataBase64, versionOf: second.planId }));
    expect(trashed.message).toBe(`v3.txt: plan ${second.planId} is in the trash; restore it before importing a new version of it`);
  });
});

describe('annotations across a version import', () => {
  it('move with their item and are anchored again in its new text; those of an unmatched item stay, counted', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    const funds = itemId(v1, '强化资金保障');
    const heritage = itemId(v1, '加强历史文化保护');
    const body = planItems(core.db, v1).find((i) => i.id === funds)!.body;
    // The body is all in the BMP: its UTF-16 offsets are its code point offsets.
    const start = body.indexOf('专项资金');
    const highlight = value(
      await call<{ id: string }>('annotation.create', {
        id: randomUUID(),
        kind: 'highlight',
        planId: v1,
        itemId: funds,
        target: { itemId: funds, part: 'body', language: 'zh', selectors: describePassage(body, start, start + 4) },
        color: 'yellow',
        body: '',
        tags: [],
      }),
    );
    const note = value(
      await call<{ id: string }>('annotation.create', { id: randomUUID(), kind: 'note', planId: v1, itemId: heritage, target: null, color: null, body: '文保', tags: [] }),
    );
    const { result } = await importFile('renewal-v2.txt', v1);
    expect(result.version!.annotations).toEqual({ anchored: 1, relocated: 0, ambiguous: 0, orphaned: 0 });
    const where = (id: string) => core.db.prepare('SELECT item_id AS itemId, plan_id AS planId FROM user_annotations WHERE id = ?').get(id);
    expect(where(highlight.id)).toEqual({ itemId: itemId(result.planId, '强化资金保障'), planId: result.planId });
    expect(where(note.id)).toEqual({ itemId: heritage, planId: v1 });
    const unmatched = value(await call<{ items: UnmatchedItem[] }>('version.unmatched', { planId: result.planId }));
    expect(unmatched.items.map((u) => [u.headline, u.annotations])).toEqual([
      ['加强历史文化保护', 1],
      ['严格督查考核', 0],
    ]);
  });
});

describe('version.assign', () => {
  it('moves an unmatched item’s values to the item the reader picks (revision + 1), or leaves it', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    await setValues(v1);
    const { result } = await importFile('renewal-v2.txt', v1);
    const v2 = result.planId;
    const review = itemId(v1, '严格督查考核');
    const heritage = itemId(v1, '加强历史文化保护');
    const merged = itemId(v2, '完善政策体系和督查考核');
    const lift = itemId(v2, '实施加装电梯和管网更新');

    // The merged item already continues 完善政策体系: refused, nothing moves.
    const taken = errorOf(await call('version.assign', { fromItemId: review, toItemId: merged, baseRevision: 1 }));
    expect(taken.code).toBe('CONFLICT');
    // A stale decision (made on another revision) is a CONFLICT with the values as stored.
    const stale = await call<never>('version.assign', { fromItemId: review, toItemId: lift, baseRevision: 0 });
    expect(errorOf(stale).code).toBe('CONFLICT');
    expect((stale as { error: { current: ItemValues } }).error.current).toMatchObject({ status: 'not_started', revision: 1 });
    // An item of another version is not a successor.
    expect(errorOf(await call('version.assign', { fromItemId: review, toItemId: itemId(v1, '营造良好氛围'), baseRevision: 1 })).code).toBe(
      'BAD_REQUEST',
    );

    const assigned = value(await call<{ values: ItemValues }>('version.assign', { fromItemId: review, toItemId: lift, baseRevision: 1 }));
    expect(assigned.values).toMatchObject({ status: 'not_started', leadUnit: '市督查室', revision: 2 });
    const left = value(await call<{ values: ItemValues }>('version.assign', { fromItemId: heritage, toItemId: null, baseRevision: 1 }));
    expect(left.values).toMatchObject({ status: 'watching', revision: 1 });

    const unmatched = value(await call<{ items: UnmatchedItem[] }>('version.unmatched', { planId: v2 }));
    expect(unmatched.items.map((u) => [u.headline, u.left])).toEqual([['加强历史文化保护', true]]);
    const how = core.db
      .prepare('SELECT from_item_id AS fromId, to_item_id AS toId, how FROM item_successions WHERE how = ? ORDER BY from_item_id')
      .all('manual');
    expect(how).toEqual(
      [
        { fromId: review, toId: lift, how: 'manual' },
        { fromId: heritage, toId: null, how: 'manual' },
      ].sort((a, b) => (a.fromId < b.fromId ? -1 : 1)),
    );
    expect(valuesByItem([v1, v2])['v2 （二）实施加装电梯和管网更新']).toEqual({ status: 'not_started', leadUnit: '市督查室', revision: 2 });
  });
});

describe('a version purged and imported again', () => {
  it('is imported as the same version again: its earlier successions neither stop it nor are left behind, the reader’s own decisions stand', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    await setValues(v1);
    const { result } = await importFile('renewal-v2.txt', v1);
    const v2 = result.planId;
    value(await call('version.assign', { fromItemId: itemId(v1, '严格督查考核'), toItemId: itemId(v2, '实施加装电梯和管网更新'), baseRevision: 1 }));
    const values = valuesByItem([v1, v2]);
    const successions = () =>
      core.db.prepare('SELECT from_item_id, to_plan_id, to_item_id, how FROM item_successions ORDER BY from_item_id').all();
    const before = successions();

    // Purged: its text goes, the reader's values on its items and the successions stay.
    const trashed = value(await call<LibraryEntry>('library.trash', { planId: v2, baseRevision: libraryEntry(core.db, v2)!.revision, confirm: true }));
    value(await call('library.purge', { planId: v2, baseRevision: trashed.revision }));
    expect(core.db.prepare('SELECT count(*) FROM plans WHERE id = ?').pluck().get(v2)).toBe(0);

    // The same text as a version of v1 again: the same plan and item ids, every value where it was.
    const { result: again } = await importFile('renewal-v2.txt', v1);
    expect(again.planId).toBe(v2);
    expect(again.version).toMatchObject({ lineageId: v1, version: 2 });
    expect(valuesByItem([v1, v2])).toEqual(values);
    expect(successions()).toEqual(before);
  });
});

describe('the table over two versions', () => {
  it('keeps each version’s rows together when a theme filter names themes of both (each theme is its own plan’s)', async () => {
    const { result: first } = await importFile('renewal-v1.txt');
    const v1 = first.planId;
    const { result } = await importFile('renewal-v2.txt', v1);
    const v2 = result.planId;
    const themes = core.db.prepare('SELECT id, plan_id AS planId, headline FROM themes WHERE plan_id IN (?, ?) ORDER BY plan_id, ordinal').all(v1, v2) as {
      id: string;
      planId: string;
      headline: string;
    }[];
    // A new version's themes are its own (their ids start with its plan id, as the table's
    // spansPlans reads them), never the older version's ids kept.
    for (const t of themes) expect(t.id.startsWith(`${t.planId}/`), t.id).toBe(true);
    // The same heading in both versions, under two ids.
    const shared = themes.filter((t) => t.planId === v1).find((t) => themes.some((u) => u.planId === v2 && u.headline === t.headline))!;
    const pair = themes.filter((t) => t.headline === shared.headline);
    expect(pair.map((t) => t.planId)).toEqual([v1, v2].sort());
    for (const groupBy of [null, 'theme'] as const) {
      const page = value(
        await call<TablePage>('table.query', {
          sort: [],
          collation: 'pinyin',
          search: '',
          filters: { planIds: [v1, v2], themeIds: pair.map((t) => t.id) },
          groupBy,
          offset: 0,
          limit: 200,
        }),
      );
      const plans = page.rows.map((r) => r.planId);
      expect(new Set(plans), String(groupBy)).toEqual(new Set([v1, v2]));
      // One run of rows per version: each plan's rows together, not interleaved by ordinal.
      expect(plans.filter((p, i) => p !== plans[i - 1]), String(groupBy)).toHaveLength(2);
    }
  });
});

describe('the version import transaction', () => {
  it('failing midway leaves every table exactly as before', async () => {
    const f = (name: string) => new Uint8Array(fixture(name));
    const v1doc = await importDocument(f('renewal-v1.txt'), 'renewal-v1.txt');
    const v2doc = await importDocument(f('renewal-v2.txt'), 'renewal-v2.txt');
    const v1 = storeImportedPlan(core.db, v1doc).planId;
    await setValues(v1);
    await call('settings.set', { key: 'ui.currentPlan', value: v1 });
    const before = dumpTables(core.db);
    // Fails on the 6th succession, after the values of the items before it have moved. The
    // attempts are counted in JavaScript (a count in a table would be rolled back too).
    let attempts = 0;
    core.db.function('count_attempt', () => ++attempts);
    core.db.exec(`CREATE TEMP TRIGGER fail_midway BEFORE INSERT ON main.item_successions BEGIN
        SELECT RAISE(ABORT, 'injected failure') WHERE count_attempt() >= 6;
      END;`);
    expect(() => importVersion(core.db, v2doc, v1)).toThrow('injected failure');
    expect(attempts).toBe(6);
    expect(dumpTables(core.db)).toEqual(before);
    core.db.exec('DROP TRIGGER temp.fail_midway');
    // The same import then goes through.
    expect(importVersion(core.db, v2doc, v1).version.valuesMoved).toBe(8);
  });
});
