// import.commit through the real core's router on real files: the reader's outline edits and
// level choice applied by the same function the dialog shows them with, the plan stored all or
// nothing, a second commit of one preview refused, the same file recognised when it comes again,
// and a translation attached to the imported plan by its item ids.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { planIdForFile, readPlanTree } from '../../electron/core/plan/store-imported';
import { readPlanDocument } from '../../electron/core/plan/store';
import type { ImportChoices, ImportPreview, ImportResult } from '../../shared/api/import/methods';
import type { PlanSummary } from '../../shared/api/plans/methods';
import type { Result } from '../../shared/api/result';
import { allSections, type ImportedDocument, type Section } from '../../shared/domain/document';
import { applyImportChoices } from '../../shared/domain/outline-edits';
import type { PlanTranslation } from '../../shared/domain/translation';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { REPO_ROOT } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';
import { value } from '../helpers/result';

// Each preview starts a worker that loads the TypeScript sources through tsx.
vi.setConfig({ testTimeout: 60_000 });

const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');
const temp = useTempDirs('briefbook-import-commit-');
let core: Core;
let n = 0;

beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

async function call<T>(method: string, args: unknown): Promise<Result<T>> {
  return (await core.router.dispatch(method, args)) as Result<T>;
}
async function preview(name: string, previewId = `commit-test-${++n}`): Promise<ImportPreview> {
  const dataBase64 = readFileSync(join(FIXTURES, name)).toString('base64');
  return value(await call<ImportPreview>('import.preview', { previewId, fileName: name, dataBase64 }));
}
function find(doc: Pick<ImportedDocument, 'sections'>, label: string): Section {
  const s = [...allSections(doc.sections)].find((x) => `${x.numbering}${x.heading}` === label);
  if (!s) throw new Error(`no section ${label}`);
  return s;
}
/** The tree with ids prefixed as the store prefixes them. */
function prefixed(doc: ImportedDocument, planId: string): Pick<ImportedDocument, 'notice' | 'preamble' | 'sections'> {
  const block = <B extends { id: string }>(b: B): B => ({ ...b, id: `${planId}/${b.id}` });
  const section = (s: Section): Section => ({ ...s, id: `${planId}/${s.id}`, blocks: s.blocks.map(block), children: s.children.map(section) });
  return { notice: doc.notice.map(block), preamble: doc.preamble.map(block), sections: doc.sections.map(section) };
}

describe('import.commit', () => {
  it('stores the plan with the reader’s edits and levels, exactly as the preview function shows it', async () => {
    const p = await preview('levels.txt');
    const choices: ImportChoices = {
      levels: { theme: 'cn-comma', item: 'cn-paren' },
      edits: [
        // （二）工作目标 joins （一）指导思想; its numbered children take its place.
        { op: 'merge', sectionId: find(p.document, '（二）工作目标').id },
        // ①… becomes an item of its own beside (三) and (四).
        { op: 'promote', sectionId: find(p.document, '①优先利用边角地、夹心地').id },
      ],
    };
    const shown = applyImportChoices(p.document, choices);
    const result = value(await call<ImportResult>('import.commit', { previewId: p.previewId, choices }));
    const planId = planIdForFile(p.document.source.sha256);
    expect(result).toEqual({ planId, duplicate: false, themeCount: 3, itemCount: 6 });

    expect(readPlanTree(core.db, planId)).toEqual(prefixed(shown, planId));
    const stored = readPlanDocument(core.db, planId)!;
    expect(stored.meta.title).toBe('青禾市推进社区微更新三年行动方案');
    expect(stored.initiatives.map((i) => `${i.numeral}${i.headline}`)).toEqual([
      '（一）指导思想',
      '(三)补齐公共空间短板',
      '①优先利用边角地、夹心地',
      '(四)完善便民服务设施',
      '（五）加强组织领导',
      '（六）强化资金保障',
    ]);
    // The merged heading is text of the item before it, not lost.
    expect(stored.initiatives[0]!.body).toContain('（二）工作目标');
    expect(core.db.prepare('SELECT theme_level AS theme, item_level AS item FROM plans WHERE id = ?').get(planId)).toEqual({ theme: 'cn-comma', item: 'cn-paren' });
    const plans = value(await call<PlanSummary[]>('plan.list', {}));
    expect(plans.map((x) => x.id)).toContain(planId);
  });

  it('a second commit of the same preview is refused and writes nothing', async () => {
    const p = await preview('levels.txt');
    const choices: ImportChoices = { levels: { theme: 'cn-comma', item: 'cn-paren' }, edits: [] };
    const { planId } = value(await call<ImportResult>('import.commit', { previewId: p.previewId, choices }));
    const before = dumpTables(core.db);
    expect(await call('import.commit', { previewId: p.previewId, choices })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: `This preview was imported already (as plan ${planId}); a preview is imported only once.` },
    });
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('a refused edit names the section and writes nothing; the preview can still be imported', async () => {
    const p = await preview('levels.txt');
    const first = p.document.sections[0]!;
    const before = dumpTables(core.db);
    const bad = await call('import.commit', { previewId: p.previewId, choices: { levels: { theme: null, item: 'cn-comma' }, edits: [{ op: 'promote', sectionId: first.id }] } });
    expect(bad).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: `levels.txt: Cannot promote “一、总体要求” (${first.id}): it is already at the top level.` },
    });
    const badLevel = await call('import.commit', { previewId: p.previewId, choices: { levels: { theme: 'chapter', item: 'cn-comma' }, edits: [] } });
    expect(badLevel).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('The theme level chapter is not a level of this document') } });
    expect(dumpTables(core.db)).toEqual(before);
    expect(value(await call<ImportResult>('import.commit', { previewId: p.previewId, choices: { levels: { theme: null, item: 'cn-comma' }, edits: [] } })).itemCount).toBe(3);
  });

  it('an unknown or cancelled preview is NOT_FOUND', async () => {
    const p = await preview('levels.txt');
    value(await call('import.cancel', { previewId: p.previewId }));
    const choices: ImportChoices = { levels: { theme: null, item: null }, edits: [] };
    expect(await call('import.commit', { previewId: p.previewId, choices })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: `There is no preview ${p.previewId}: it was cancelled, or forgotten after 30 minutes; open the file again.` },
    });
  });

  it('the same file again is recognised in its preview and not stored twice', async () => {
    const first = await preview('work-report.txt');
    const { planId } = value(await call<ImportResult>('import.commit', { previewId: first.previewId, choices: { levels: first.document.levels, edits: [] } }));
    const again = await preview('work-report.txt');
    expect(again.duplicateOf).toEqual({ planId, title: readPlanDocument(core.db, planId)!.meta.title, trashed: false });
    const before = dumpTables(core.db);
    const result = value(await call<ImportResult>('import.commit', { previewId: again.previewId, choices: { levels: again.document.levels, edits: [] } }));
    expect(result).toMatchObject({ planId, duplicate: true });
    expect(dumpTables(core.db)).toEqual(before);
  });

  it('a file whose plan is in the trash is named as such in the preview', async () => {
    const first = await preview('notice.txt');
    const { planId } = value(await call<ImportResult>('import.commit', { previewId: first.previewId, choices: { levels: first.document.levels, edits: [] } }));
    value(await call('library.trash', { planId, baseRevision: 0 }));
    const again = await preview('notice.txt');
    expect(again.duplicateOf).toMatchObject({ planId, trashed: true });
  });

  it('a translation of the imported plan: the template lists its items by their ids; a filled file is attached', async () => {
    const p = await preview('levels.txt');
    const { planId } = value(await call<ImportResult>('import.commit', { previewId: p.previewId, choices: { levels: { theme: 'cn-comma', item: 'cn-paren' }, edits: [] } }));
    const { json } = value(await call<{ fileName: string; json: string }>('translation.template', { planId, language: 'en' }));
    const t = JSON.parse(json) as PlanTranslation;
    const items = readPlanDocument(core.db, planId)!.initiatives;
    expect(Object.keys(t.initiatives)).toEqual(items.map((i) => i.id));
    expect(Object.keys(t.initiatives)[0]).toMatch(/^p-[0-9a-f]{10}\/s[0-9a-f]{10}/);
    t.translator = 'Test translator';
    const id = items[0]!.id;
    t.initiatives[id] = { headline: 'Guiding thought', body: t.initiatives[id]!.body.map((_, k) => `Sentence ${k + 1}.`) };
    expect(value(await call('translation.attach', { planId, fileName: 'levels.en.json', text: JSON.stringify(t) }))).toEqual({ language: 'en', matched: 1, total: items.length });
    const stored = value(await call<PlanTranslation | null>('plan.translation', { planId, language: 'en' }));
    expect(stored?.initiatives[id]?.headline).toBe('Guiding thought');
  });
});
