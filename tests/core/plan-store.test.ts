// storeImportedPlan: an imported document stored as its whole tree and as the themes,
// initiatives and lists the rest of the app reads, in one transaction; the same file twice is
// recognised; a failure midway leaves the database as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDocument } from '../../electron/core/import/pipeline';
import { parseArticle } from '../../electron/core/plan/parse-article';
import { readPlanDocument } from '../../electron/core/plan/store';
import { planIdForFile, readPlanTree, storeImportedPlan } from '../../electron/core/plan/store-imported';
import {
  EMBEDDED_PLAN,
  EmbeddedPlanError,
  matchShippedIds,
  readEmbeddedDocument,
  readShippedIds,
} from '../../electron/core/plan/embedded';
import { searchKeys } from '../../electron/core/search/match';
import { allSections, type ImportedDocument, type Section } from '../../shared/domain/document';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { EMBEDDED_PLAN_FILE, REPO_ROOT, RESOURCES_DIR } from '../helpers/paths';
import { useTempDirs } from '../helpers/temp-dir';

const temp = useTempDirs();
const FIXTURES = join(REPO_ROOT, 'tests', 'fixtures', 'import');
const load = (name: string): Promise<ImportedDocument> => importDocument(new Uint8Array(readFileSync(join(FIXTURES, name))), name);
const NOW = new Date('2025-03-01T09:00:00Z');

/** The tree with ids prefixed as the store prefixes them. */
function prefixed(doc: ImportedDocument, planId: string): Pick<ImportedDocument, 'notice' | 'preamble' | 'sections'> {
  const block = <B extends { id: string }>(b: B): B => ({ ...b, id: `${planId}/${b.id}` });
  const section = (s: Section): Section => ({ ...s, id: `${planId}/${s.id}`, blocks: s.blocks.map(block), children: s.children.map(section) });
  return { notice: doc.notice.map(block), preamble: doc.preamble.map(block), sections: doc.sections.map(section) };
}

describe('storeImportedPlan', () => {
  it('stores the tree, the file and the projection of a work report', async () => {
    const doc = await load('work-report.txt');
    const core = createTestCore(temp.make());
    try {
      const result = storeImportedPlan(core.db, doc, { now: NOW });
      const planId = planIdForFile(doc.source.sha256);
      expect(planId).toMatch(/^p-[0-9a-f]{10}$/);
      expect(result).toEqual({ planId, duplicate: false, items: 5, inTrash: false });

      expect(readPlanTree(core.db, planId)).toEqual(prefixed(doc, planId));
      expect(core.db.prepare('SELECT sha256, plan_id AS planId, file_name AS fileName FROM plan_files WHERE plan_id = ?').all(planId)).toEqual([
        { sha256: doc.source.sha256, planId, fileName: 'work-report.txt' },
      ]);
      expect(
        core.db.prepare('SELECT format, theme_level AS theme, item_level AS item, file_name AS file FROM plans WHERE id = ?').get(planId),
      ).toEqual({ format: 'txt', theme: doc.levels.theme, item: doc.levels.item, file: 'work-report.txt' });

      // Themes and items: the sections of the plan's levels, ids as in the tree.
      const stored = readPlanDocument(core.db, planId)!;
      const themes = doc.sections.filter((s) => s.kind === doc.levels.theme);
      expect(stored.themes.map((t) => [t.id, t.headline])).toEqual(themes.map((t) => [`${planId}/${t.id}`, t.heading]));
      const items = themes.flatMap((t) => t.children.filter((c) => c.kind === doc.levels.item));
      expect(stored.initiatives.map((i) => i.id)).toEqual(items.map((i) => `${planId}/${i.id}`));
      const first = stored.initiatives[0]!;
      expect(first).toMatchObject({ numeral: '（一）', ordinal: 1, themeId: `${planId}/${themes[0]!.id}` });
      // The body is the canonical text of the item's blocks.
      expect(first.body).toBe(items[0]!.blocks.map((b) => (b.type === 'list-item' ? `${b.marker}${b.text}` : b.type === 'paragraph' ? b.text : '')).join('\n'));
      expect(stored.meta.lead).toBe(doc.preamble.map((b) => (b.type === 'paragraph' ? b.text : '')).join('\n'));
      // Searchable like any plan.
      expect(searchKeys(core.db, '着力发展新质', ['headline'])).toEqual([`${planId}/${items[3]!.id}`]);
    } finally {
      core.close();
    }
  });

  it('recognises the same file imported twice and writes nothing', async () => {
    const doc = await load('notice.txt');
    const core = createTestCore(temp.make());
    try {
      const first = storeImportedPlan(core.db, doc, { now: NOW });
      const before = dumpTables(core.db);
      // The same bytes under another name are the same file.
      const again = storeImportedPlan(core.db, { ...doc, source: { ...doc.source, fileName: 'copy.txt' } }, { now: new Date() });
      expect(again).toEqual({ planId: first.planId, duplicate: true, items: first.items, inTrash: false });
      expect(dumpTables(core.db)).toEqual(before);
    } finally {
      core.close();
    }
  });

  it('leaves the database as it was when the store fails midway', async () => {
    const doc = await load('levels.txt');
    const core = createTestCore(temp.make());
    try {
      const before = dumpTables(core.db);
      // Two sections given one inherited id: the second insert fails after the plan, its
      // themes, items, search documents and part of its tree were written.
      const sections = [...allSections(doc.sections)];
      const clash = new Map([
        [sections[0]!.id, 'p-clash/one'],
        [sections.at(-1)!.id, 'p-clash/one'],
      ]);
      expect(() => storeImportedPlan(core.db, doc, { inheritIds: clash })).toThrow(/UNIQUE|PRIMARY/);
      expect(dumpTables(core.db)).toEqual(before);
    } finally {
      core.close();
    }
  });

  it('puts items with no theme under one theme named for the plan', async () => {
    const doc = await load('regulation.txt');
    const core = createTestCore(temp.make());
    try {
      const { planId } = storeImportedPlan(core.db, { ...doc, levels: { theme: null, item: doc.levels.item } });
      const stored = readPlanDocument(core.db, planId)!;
      expect(stored.themes).toEqual([{ id: `${planId}/s0000000000`, planId, ordinal: 1, headline: doc.metadata.title }]);
      const items = [...allSections(doc.sections)].filter((s) => s.kind === doc.levels.item);
      expect(stored.initiatives.map((i) => [i.id, i.ordinal])).toEqual(items.map((s, k) => [`${planId}/${s.id}`, k + 1]));
    } finally {
      core.close();
    }
  });

  it('gives a plan with no item level one item holding its text', async () => {
    const doc = await load('levels.txt');
    const core = createTestCore(temp.make());
    try {
      const { planId, items } = storeImportedPlan(core.db, { ...doc, levels: { theme: null, item: null } });
      expect(items).toBe(1);
      const [item] = readPlanDocument(core.db, planId)!.initiatives;
      expect(item!.body.split('\n')[0]).toBe(`${doc.sections[0]!.numbering}${doc.sections[0]!.heading}`);
      expect(item!.body).toContain('老旧小区加装电梯不少于40部');
    } finally {
      core.close();
    }
  });
});

describe('the embedded plan through the importer', () => {
  it('stores the same themes, initiatives, lists and metadata as the article parser, under the shipped ids', () => {
    const core = createTestCore(temp.make());
    try {
      const raw = readFileSync(EMBEDDED_PLAN_FILE, 'utf8');
      const parsed = parseArticle(raw, { planId: EMBEDDED_PLAN.id });
      expect(readPlanDocument(core.db, EMBEDDED_PLAN.id)).toEqual(parsed);
      // And its tree is stored, the themes and items under their shipped names.
      const tree = readPlanTree(core.db, EMBEDDED_PLAN.id);
      expect(tree.sections.map((s) => s.id)).toEqual(parsed.themes.map((t) => t.id));
      expect(tree.sections.flatMap((s) => s.children.map((c) => c.id))).toEqual(parsed.initiatives.map((i) => i.id));
    } finally {
      core.close();
    }
  });

  it('gives the shipped ids by text, not by position', () => {
    const doc = readEmbeddedDocument(RESOURCES_DIR);
    const shipped = readShippedIds(RESOURCES_DIR);
    const ids = matchShippedIds(doc, shipped);
    // The shipped list in reverse order names the same sections.
    const reversed = matchShippedIds(doc, { ...shipped, sections: [...shipped.sections].reverse(), lists: [...shipped.lists].reverse() });
    expect(reversed).toEqual(ids);
    const t3i3 = doc.sections[2]!.children[2]!;
    expect(ids.get(t3i3.id)).toBe('hz-2024/T3/I3');
    expect(ids.get(`${t3i3.id}/L1`)).toBe('hz-2024/L1');
    expect(ids.get(`${t3i3.id}/L2`)).toBe('hz-2024/L2');
    // Two items whose numbering and heading were swapped in the shipped list swap their ids:
    // the text decides, whatever the order.
    const swapped = shipped.sections.map((s) =>
      s.id === 'hz-2024/T1/I1' ? { ...s, id: 'hz-2024/T1/I2' } : s.id === 'hz-2024/T1/I2' ? { ...s, id: 'hz-2024/T1/I1' } : s,
    );
    const bySwapped = matchShippedIds(doc, { ...shipped, sections: swapped });
    expect(bySwapped.get(doc.sections[0]!.children[0]!.id)).toBe('hz-2024/T1/I2');
  });

  it('stops with both sides named when the text and the shipped ids no longer match', () => {
    const doc = readEmbeddedDocument(RESOURCES_DIR);
    const shipped = readShippedIds(RESOURCES_DIR);
    const edited = {
      ...shipped,
      sections: shipped.sections.map((s) => (s.id === 'hz-2024/T2/I2' ? { ...s, heading: '补齐科技支撑力度不足的短板' } : s)),
    };
    expect(() => matchShippedIds(doc, edited)).toThrow(EmbeddedPlanError);
    expect(() => matchShippedIds(doc, edited)).toThrow(/no id for 第二、补齐科技“硬核”支撑力度不足的短板; no text for hz-2024\/T2\/I2/);
  });
});
