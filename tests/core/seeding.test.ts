// First run seeds the embedded plan once; re-importing a plan (same text or an edited one)
// replaces plan content only and never changes the reader's own data in user_* tables.
import { addAnnotation } from '../helpers/annotations';
import { setColorNames } from '../../electron/core/services/annotations/annotations';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { openDatabase, type Db } from '../../electron/core/db/open';
import { EMBEDDED_PLAN, EmbeddedPlanError } from '../../electron/core/plan/embedded';
import { updateLibraryPlan } from '../../electron/core/services/library/library';
import { parseArticle } from '../../electron/core/plan/parse-article';
import { importPlan, readPlanDocument } from '../../electron/core/plan/store';
import { setSetting } from '../../electron/core/services/settings';
import { rememberSearch } from '../../electron/core/services/search/recent';
import { saveSearch } from '../../electron/core/services/search/saved';
import { savePacket } from '../../electron/core/services/packets/store';
import { updateLatest } from '../helpers/core';
import { saveView } from '../../electron/core/services/views';
import { searchKeys } from '../../electron/core/search/match';
import { createTestCore } from '../helpers/core';
import { dumpTables, tableNames } from '../helpers/db-dump';
import { EMBEDDED_PLAN_FILE, RESOURCES_DIR } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const RAW = readFileSync(EMBEDDED_PLAN_FILE, 'utf8');
const USER_TABLES = /^user_/;

const importedAt = (db: Db): unknown =>
  db.prepare('SELECT imported_at FROM plans WHERE id = ?').pluck().get(EMBEDDED_PLAN.id);

/** Puts the reader's own data in the database: rows in each known user table, on the
 *  initiatives an edited re-import changes (T3/I3) and removes (T5). */
function addUserData(db: Db): void {
  setSetting(db, 'ui.lastInitiative', 'hz-2024/T3/I3', new Date('2024-06-01T08:00:00Z'));
  setSetting(db, 'ui.theme', 'dark', new Date('2024-06-02T08:00:00Z'));
  setSetting(db, 'ui.language', 'zh', new Date('2024-06-03T08:00:00Z'));
  const at = new Date('2024-06-04T08:00:00Z');
  updateLatest(db, 'hz-2024/T3/I3', { status: 'in_progress', leadUnit: '市经信局', tags: ['数字'] }, at);
  updateLatest(db, 'hz-2024/T5/I1', { status: 'done', priority: 'high', deadline: '2024-12-31', tags: ['共富'] }, at);
  addAnnotation(db, { kind: 'note', itemId: 'hz-2024/T5/I1', body: '一条笔记', tags: ['共富'], now: at });
  addAnnotation(db, { kind: 'highlight', itemId: 'hz-2024/T3/I3', now: at });
  addAnnotation(db, { kind: 'note', itemId: null, planId: 'hz-2024', body: '整个方案的笔记', now: at });
  setColorNames(db, { yellow: '重点', blue: '疑问' }, at);
  updateLibraryPlan(db, 'hz-2024', 0, { title: '杭州新思路', tags: ['城市'] }, at);
  saveView(db, { baseRevision: 0, name: '我的视图', state: { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null,
    columns: { order: [], hidden: [], sizes: {} } } }, at);
  rememberSearch(db, '营商环境', at);
  saveSearch(db, { baseRevision: 0, name: '营商', query: { text: '营商环境', filters: {} } }, at);
  savePacket(db, { baseRevision: 0, definition: {
    cover: { title: '例会简报', subtitle: '', preparedFor: '', preparedBy: '', date: null, marking: '' },
    sources: [{ kind: 'items', itemIds: ['hz-2024/T3/I3', 'hz-2024/T5/I1'] }],
    order: ['hz-2024/T5/I1'],
    options: { language: 'zh', highlights: true, notes: 'margin', fields: true, summary: true, ruledSpace: 'none', paper: 'A4', orientation: 'portrait' },
  } }, at);
}

describe('seeding the embedded plan', () => {
  it('imports hz-2024 into an empty data folder', () => {
    const dir = join(temp.make(), 'not-yet-created');
    const core = createTestCore(dir);
    try {
      const doc = readPlanDocument(core.db, 'hz-2024');
      expect(doc?.themes).toHaveLength(5);
      expect(doc?.initiatives).toHaveLength(15);
      const sha = core.db.prepare('SELECT source_sha256 FROM plans WHERE id = ?').pluck().get('hz-2024');
      expect(sha).toBe(createHash('sha256').update(RAW, 'utf8').digest('hex'));
    } finally {
      core.close();
    }
  });

  it('does not import again when the data folder already has the plan', () => {
    const dir = temp.make();
    const first = createTestCore(dir);
    const firstImport = importedAt(first.db);
    const contentBefore = dumpTables(first.db, /^(plans|themes|initiatives|plan_lists|list_items)$/);
    first.close();
    expect(firstImport).toEqual(expect.any(String));

    const second = createTestCore(dir);
    try {
      expect(importedAt(second.db)).toBe(firstImport);
      expect(dumpTables(second.db, /^(plans|themes|initiatives|plan_lists|list_items)$/)).toEqual(contentBefore);
    } finally {
      second.close();
    }
  });

  it('fails loudly, with nothing imported, when the shipped plan does not parse', () => {
    const resources = temp.make();
    mkdirSync(join(resources, 'plans'));
    writeFileSync(join(resources, EMBEDDED_PLAN.file), RAW.replace('等8大新兴产业', '等7大新兴产业'));
    copyFileSync(join(RESOURCES_DIR, EMBEDDED_PLAN.ids), join(resources, EMBEDDED_PLAN.ids));
    const dataDir = temp.make();
    // The importer reads the count as a warning; for the shipped plan any warning is an error.
    expect(() => createTestCore(dataDir, resources)).toThrow(EmbeddedPlanError);
    expect(() => createTestCore(dataDir, resources)).toThrow(/does not import cleanly \(line \d+\): .*8/);

    const db = openDatabase(join(dataDir, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('re-importing a plan never changes user data', () => {
  it('covers at least the user tables known today', () => {
    const core = createTestCore(temp.make());
    try {
      expect(tableNames(core.db, USER_TABLES)).toEqual([
        'user_annotation_color_names',
        'user_annotation_revisions',
        'user_annotation_tags',
        'user_annotations',
        'user_initiative_state',
        'user_initiative_tags',
        'user_packets',
        'user_plan_state',
        'user_recent_searches',
        'user_saved_searches',
        'user_saved_views',
        'user_settings',
      ]);
    } finally {
      core.close();
    }
  });

  it('keeps every user_* table identical after importing the same document again', () => {
    const core = createTestCore(temp.make());
    try {
      addUserData(core.db);
      const before = dumpTables(core.db, USER_TABLES);
      expect(before['user_settings']).toHaveLength(3);
      for (const table of tableNames(core.db, USER_TABLES)) expect(before[table]!.length, table).toBeGreaterThan(0);

      importPlan(core.db, parseArticle(RAW, { planId: 'hz-2024' }), RAW, new Date('2030-01-01T00:00:00Z'));

      expect(importedAt(core.db)).toBe('2030-01-01T00:00:00.000Z'); // the import did happen
      expect(dumpTables(core.db, USER_TABLES)).toEqual(before);
    } finally {
      core.close();
    }
  });

  it('keeps every user_* table identical after importing an edited document', () => {
    const core = createTestCore(temp.make());
    try {
      addUserData(core.db);
      const before = dumpTables(core.db, USER_TABLES);

      // An edited plan: a changed headline, and the whole last theme gone.
      const edited = RAW.replace('第三、大力发展战略性新兴产业', '第三、加快发展战略性新兴产业');
      const doc = parseArticle(edited, { planId: 'hz-2024' });
      const shorter = {
        ...doc,
        themes: doc.themes.slice(0, 4),
        initiatives: doc.initiatives.filter((i) => !i.themeId.endsWith('/T5')),
      };
      importPlan(core.db, shorter, edited);

      const stored = readPlanDocument(core.db, 'hz-2024')!;
      expect(stored.initiatives.find((i) => i.id === 'hz-2024/T3/I3')?.headline).toBe('加快发展战略性新兴产业,布局未来产业');
      expect(stored.themes).toHaveLength(4);
      expect(dumpTables(core.db, USER_TABLES)).toEqual(before);
      // The reader's text stays findable: its search documents are not the plan's.
      expect(searchKeys(core.db, '经信', ['leadUnit'])).toEqual(['hz-2024/T3/I3']);
      expect(searchKeys(core.db, '加快发展', ['headline'])).toEqual(['hz-2024/T3/I3']);
      expect(searchKeys(core.db, '大力发展战略', ['headline'])).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('keeps user data when another plan is imported beside the embedded one', () => {
    const core = createTestCore(temp.make());
    try {
      addUserData(core.db);
      const before = dumpTables(core.db, USER_TABLES);
      importPlan(core.db, parseArticle(RAW, { planId: 'hz-2024-copy' }), RAW);
      expect(readPlanDocument(core.db, 'hz-2024-copy')?.initiatives).toHaveLength(15);
      expect(readPlanDocument(core.db, 'hz-2024')?.initiatives).toHaveLength(15);
      expect(dumpTables(core.db, USER_TABLES)).toEqual(before);
    } finally {
      core.close();
    }
  });

  it('has no foreign keys from user_* tables into plan content (they would cascade on re-import)', () => {
    const core = createTestCore(temp.make());
    try {
      for (const table of tableNames(core.db, USER_TABLES)) {
        const keys = core.db.pragma(`foreign_key_list("${table}")`) as { table: string }[];
        // Keys between user tables are fine; a key into plan content is not.
        expect(keys.filter((k) => !USER_TABLES.test(k.table)), table).toEqual([]);
      }
    } finally {
      core.close();
    }
  });
});
