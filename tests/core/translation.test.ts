// The English rendering stored with the plan: seeded on first run and on the first start of a
// database made before translations existed, checked against the plan's ids (refused, naming
// them, when it does not fit), and served by plan.translation.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/core';
import { migrate } from '../../electron/core/db/migrate';
import { MIGRATIONS } from '../../electron/core/db/migrations';
import { openDatabase } from '../../electron/core/db/open';
import { EMBEDDED_PLAN } from '../../electron/core/plan/embedded';
import { parseArticle } from '../../electron/core/plan/parse-article';
import { checkTranslation, parseTranslation, TranslationError } from '../../electron/core/plan/translation';
import type { PlanDocument } from '../../shared/domain/plan';
import type { PlanTranslation } from '../../shared/domain/translation';
import type { TablePage } from '../../shared/domain/table';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { EMBEDDED_PLAN_FILE, RESOURCES_DIR } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';
import { value as valueOf } from '../helpers/result';

const temp = useTempDirs();
const RAW = readFileSync(EMBEDDED_PLAN_FILE, 'utf8');
const EN_FILE = join(RESOURCES_DIR, EMBEDDED_PLAN.translations[0].file);
const EN_JSON = readFileSync(EN_FILE, 'utf8');
const PLAN: PlanDocument = parseArticle(RAW, { planId: EMBEDDED_PLAN.id });


/** A resources folder with the shipped plan and the given English file. */
function resourcesWith(enJson: string): string {
  const dir = temp.make();
  mkdirSync(join(dir, 'plans'));
  copyFileSync(EMBEDDED_PLAN_FILE, join(dir, EMBEDDED_PLAN.file));
  copyFileSync(join(RESOURCES_DIR, EMBEDDED_PLAN.ids), join(dir, EMBEDDED_PLAN.ids));
  writeFileSync(join(dir, EMBEDDED_PLAN.translations[0].file), enJson);
  return dir;
}

describe('plan.translation', () => {
  it('returns the shipped English rendering of the seeded plan, marked unofficial', async () => {
    const core = createTestCore(temp.make());
    try {
      const en = valueOf<PlanTranslation>(await core.router.dispatch('plan.translation', { planId: 'hz-2024', language: 'en' }));
      expect(en).toEqual(JSON.parse(EN_JSON));
      expect(en.unofficial).toBe(true);
      expect(Object.keys(en.initiatives)).toHaveLength(15);
      expect(en.themes['hz-2024/T3']).toBe(
        'Following the broad trend to take hold of fostering and developing new quality productive forces',
      );
    } finally {
      core.close();
    }
  });

  it('returns null for a language or plan without one, BAD_REQUEST for a malformed language', async () => {
    const core = createTestCore(temp.make());
    try {
      expect(valueOf(await core.router.dispatch('plan.translation', { planId: 'hz-2024', language: 'fr' }))).toBeNull();
      expect(valueOf(await core.router.dispatch('plan.translation', { planId: 'hz-1999', language: 'en' }))).toBeNull();
      expect(await core.router.dispatch('plan.translation', { planId: 'hz-2024', language: 'EN; DROP' })).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
    } finally {
      core.close();
    }
  });
});

describe('checking a translation against its plan', () => {
  const shipped = (): PlanTranslation => parseTranslation(EN_JSON);

  it('accepts the shipped file', () => {
    expect(() => checkTranslation(shipped(), PLAN)).not.toThrow();
  });

  it('refuses unknown and missing ids, naming every one', () => {
    const t = shipped();
    delete t.themes['hz-2024/T2'];
    delete t.initiatives['hz-2024/T5/I3'];
    t.initiatives['hz-2024/T6/I1'] = { headline: 'Extra', body: ['Extra.'] };
    t.lists['hz-2024/L3'] = { label: 'More', items: ['x'] };
    let error: unknown;
    try {
      checkTranslation(t, PLAN);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TranslationError);
    expect((error as Error).message).toBe(
      'en translation of hz-2024 refused: missing theme hz-2024/T2; unknown initiative hz-2024/T6/I1; ' +
        'missing initiative hz-2024/T5/I3; unknown list hz-2024/L3',
    );
  });

  it('refuses a list with another number of items and a translation of another plan', () => {
    const t = shipped();
    t.lists['hz-2024/L1']!.items.pop();
    expect(() => checkTranslation(t, PLAN)).toThrow('list hz-2024/L1 has 7 items, the plan 8');
    expect(() => checkTranslation({ ...shipped(), planId: 'hz-2023' }, PLAN)).toThrow('it is for plan hz-2023');
  });

  it('refuses malformed files: not JSON, a missing field, an empty string', () => {
    expect(() => parseTranslation('{', 'en.json')).toThrow(/en\.json is not valid JSON/);
    const { meta: _meta, ...noMeta } = JSON.parse(EN_JSON) as PlanTranslation;
    expect(() => parseTranslation(JSON.stringify(noMeta))).toThrow(/meta/);
    const blank = JSON.parse(EN_JSON) as PlanTranslation;
    blank.initiatives['hz-2024/T1/I1']!.headline = ' ';
    expect(() => parseTranslation(JSON.stringify(blank))).toThrow(/initiatives\.hz-2024\/T1\/I1\.headline/);
  });
});

describe('seeding the translation', () => {
  it('fails loudly, with nothing imported, when the shipped translation does not fit the plan', () => {
    const broken = JSON.parse(EN_JSON) as PlanTranslation;
    delete broken.initiatives['hz-2024/T1/I1'];
    const dataDir = temp.make();
    expect(() => createTestCore(dataDir, resourcesWith(JSON.stringify(broken)))).toThrow(
      /missing initiative hz-2024\/T1\/I1/,
    );
    const db = openDatabase(join(dataDir, DATABASE_FILE));
    try {
      expect(db.prepare('SELECT count(*) AS n FROM plans').get()).toEqual({ n: 0 });
      expect(db.prepare('SELECT count(*) AS n FROM plan_translations').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('replaces a stored translation with a revised shipped one on the next start', async () => {
    const dataDir = temp.make();
    const older = JSON.parse(EN_JSON) as PlanTranslation;
    older.meta.title = 'An older wording of the title';
    createTestCore(dataDir, resourcesWith(JSON.stringify(older))).close();
    const core = createTestCore(dataDir, resourcesWith(EN_JSON));
    try {
      const en = valueOf<PlanTranslation>(await core.router.dispatch('plan.translation', { planId: 'hz-2024', language: 'en' }));
      expect(en).toEqual(JSON.parse(EN_JSON));
    } finally {
      core.close();
    }
  });

  it('refuses a file whose language is not the one it is shipped as', () => {
    const french = { ...(JSON.parse(EN_JSON) as PlanTranslation), language: 'fr' };
    expect(() => createTestCore(temp.make(), resourcesWith(JSON.stringify(french)))).toThrow(/language is fr, not en/);
  });

  it('gives a database seeded before translations existed its translation, search and sort keys on next start', async () => {
    // A data folder as the previous release left it: schema version 2, the plan imported.
    const dataDir = temp.make();
    const old = new Database(join(dataDir, DATABASE_FILE));
    old.pragma('journal_mode = WAL');
    migrate(old, MIGRATIONS, 2);
    insertPlanAtVersion2(old, PLAN);
    old.close();

    const core = createTestCore(dataDir);
    try {
      const content = dumpTables(core.db, /^(plans|themes|initiatives|plan_lists|list_items)$/);
      expect(content['plans']).toHaveLength(1);
      expect(core.db.prepare('SELECT imported_at FROM plans').get()).toEqual({ imported_at: '2024-05-12T00:00:00.000Z' });
      const en = valueOf<PlanTranslation>(await core.router.dispatch('plan.translation', { planId: 'hz-2024', language: 'en' }));
      expect(en.language).toBe('en');
      const page = valueOf<TablePage>(
        await core.router.dispatch('table.query', {
          planId: 'hz-2024', sort: [{ column: 'headline', desc: false }], collation: 'pinyin', search: '短板',
          filters: {}, groupBy: null, offset: 0, limit: 50,
        }),
      );
      expect(page.rows.map((r) => r.shortId)).toEqual(['T2·I2', 'T2·I1', 'T2·I3']);
    } finally {
      core.close();
    }
  });
});

/** The plan-content rows the release before translations wrote for a plan. */
function insertPlanAtVersion2(db: Database.Database, doc: PlanDocument): void {
  const m = doc.meta;
  db.prepare(
    `INSERT INTO plans (id, title, column_name, published_at, source, author, editor, graphics, tags_json, theme_line,
      lead, author_note, language, source_sha256, imported_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  ).run(m.id, m.title, m.column, m.publishedAt, m.source, m.author, m.editor, m.graphics, JSON.stringify(m.tags),
    m.themeLine, m.lead, m.authorNote, m.language, 'sha', '2024-05-12T00:00:00.000Z');
  for (const t of doc.themes) db.prepare('INSERT INTO themes VALUES (?,?,?,?)').run(t.id, m.id, t.ordinal, t.headline);
  for (const i of doc.initiatives) {
    db.prepare('INSERT INTO initiatives VALUES (?,?,?,?,?,?,?)').run(i.id, m.id, i.themeId, i.ordinal, i.numeral, i.headline, i.body);
  }
  for (const l of doc.lists) {
    db.prepare('INSERT INTO plan_lists VALUES (?,?,?,?,?,?)').run(l.id, m.id, l.initiativeId, l.ordinal, l.label, l.statedCount);
    for (const it of l.items) db.prepare('INSERT INTO list_items VALUES (?,?,?,?)').run(it.id, l.id, it.ordinal, it.text);
  }
}
