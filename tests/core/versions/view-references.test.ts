// Saved views name plans and themes in their filters; a version import points them at the new
// version in its own transaction (revision + 1). A theme follows only when certain (same
// heading, or all its matched items went to one new theme); a theme with no such partner, and
// every reference to another plan, stay as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { importDocument } from '../../../electron/core/import/pipeline';
import { storeImportedPlan } from '../../../electron/core/plan/store-imported';
import { listViews, saveView } from '../../../electron/core/services/views';
import { importVersion } from '../../../electron/core/services/versions/version-import';
import type { TableViewState } from '../../../shared/domain/table';
import { createTestCore } from '../../helpers/core';
import { dumpTables } from '../../helpers/db-dump';
import { useTempDirs } from '../../helpers/temp-dir';

const V1 = '试点工作方案\n一、总体要求\n（一）坚持问题导向。聚焦群众反映强烈的突出问题，逐项研究解决。\n二、重点任务\n（一）推进试点建设。在三个区开展试点，形成可复制的经验做法。\n三、保障措施\n（一）加强组织领导。成立工作专班，定期研究重大事项。\n';
// 总体要求 keeps its heading; 重点任务 is renamed but its item goes on under it; 保障措施 is
// renamed and its only item is replaced by a new one: nothing says where it went.
const V2 = '试点工作方案（修订）\n一、总体要求\n（一）坚持问题导向。聚焦群众反映强烈的突出问题，逐项研究解决。\n二、主要任务\n（一）推进试点建设。在三个区开展试点，形成可复制的经验做法。\n三、组织实施\n（一）完善考核机制。制定年度考核办法，结果向社会公开。\n';

const temp = useTempDirs('briefbook-view-refs-');
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const themeId = (planId: string, headline: string) =>
  core.db.prepare('SELECT id FROM themes WHERE plan_id = ? AND headline = ?').pluck().get(planId, headline) as string;

function state(filters: TableViewState['filters']): TableViewState {
  return { sort: [], collation: 'pinyin', search: '', filters, groupBy: null, columns: { order: [], hidden: [], sizes: {} } };
}

async function setup() {
  const v1 = storeImportedPlan(core.db, await importDocument(Buffer.from(V1), 'pilot-v1.txt')).planId;
  const themes = ['总体要求', '重点任务', '保障措施'].map((h) => themeId(v1, h));
  expect(themes.every(Boolean)).toBe(true);
  const mine = saveView(core.db, { baseRevision: 0, name: '试点·三个主题', state: state({ planIds: [v1, 'hz-2024'], themeIds: themes, statuses: ['done'] }) });
  const other = saveView(core.db, { baseRevision: 0, name: '杭州', state: state({ planIds: ['hz-2024'], themeIds: ['hz-2024/T1'] }) });
  return { v1, themes, mine, other, v2doc: await importDocument(Buffer.from(V2), 'pilot-v2.txt') };
}

describe('saved-view references across a version import', () => {
  it('points the plan and the themes that certainly continue at the new version, revision + 1', async () => {
    const { v1, themes, mine, other, v2doc } = await setup();
    const { planId: v2, version } = importVersion(core.db, v2doc, v1, { now: new Date('2025-03-01T00:00:00Z') });
    expect(version.views).toBe(1);
    const views = new Map(listViews(core.db).map((v) => [v.id, v]));
    const after = views.get(mine.id)!;
    expect(after.revision).toBe(mine.revision + 1);
    expect(after.updatedAt).toBe('2025-03-01T00:00:00.000Z');
    expect(after.state.filters).toEqual({
      planIds: [v2, 'hz-2024'],
      // Same heading; renamed but its item went on under it; no partner: left as it was.
      themeIds: [themeId(v2, '总体要求'), themeId(v2, '主要任务'), themes[2]],
      statuses: ['done'],
    });
    // The rest of the view is as the reader saved it.
    expect({ ...after.state, filters: null }).toEqual({ ...mine.state, filters: null });
    expect(views.get(other.id)).toEqual(other);
  });

  it('is part of the import: a failure while rewriting the views leaves every table as it was', async () => {
    const { v1, v2doc } = await setup();
    const before = dumpTables(core.db);
    core.db.exec(`CREATE TEMP TRIGGER fail_views BEFORE UPDATE ON main.user_saved_views BEGIN
        SELECT RAISE(ABORT, 'injected failure'); END;`);
    expect(() => importVersion(core.db, v2doc, v1)).toThrow('injected failure');
    expect(dumpTables(core.db)).toEqual(before);
  });
});
