// The reader's outline edits (promote / demote / merge a heading, the theme and item levels):
// examples on a real imported document, and properties over random outlines and random edit
// sequences — the text in reading order never changes, ids stay unique, the input is never
// changed, and exactly the impossible edits are refused with the section named.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutlineEdit } from '../../shared/api/import/methods';
import { allSections, type Block, type ImportedDocument, type LevelKind, type Section } from '../../shared/domain/document';
import {
  applyImportChoices,
  applyLevels,
  applyOutlineEdit,
  OutlineEditError,
  readingOrderText,
} from '../../shared/domain/outline-edits';
import { expected, findSection, loadFixture, tree } from './import/outline-text';

const load = loadFixture;
const find = findSection;

function allIds(doc: ImportedDocument): string[] {
  const ids = [...doc.notice, ...doc.preamble].map((b) => b.id);
  for (const s of allSections(doc.sections)) ids.push(s.id, ...s.blocks.map((b) => b.id));
  return ids;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(OutlineEditError);
    return (err as Error).message;
  }
  throw new Error('expected the edit to be refused');
}

describe('outline edits on an imported document (levels.txt)', () => {
  it('promote: the section moves up beside its parent, takes its level, and the sections after it come along', async () => {
    const doc = await load('levels.txt');
    const target = find(doc, '2．2025年累计完成项目180个');
    const out = applyOutlineEdit(doc, { op: 'promote', sectionId: target.id });
    expect(tree(out)).toBe(
      expected(`
        一、总体要求
          （一）指导思想
          （二）工作目标
            1．2024年完成试点项目60个
          2．2025年累计完成项目180个
            （1）老旧小区加装电梯不少于40部
            （2）新增口袋公园20个
            3．2026年全面完成目标任务
        二、重点任务
          (三)补齐公共空间短板
            ①优先利用边角地、夹心地
            ②鼓励机关企事业单位开放附属空间
          (四)完善便民服务设施
        三、保障措施
          （五）加强组织领导
          （六）强化资金保障
      `),
    );
    const promoted = find(out, '2．2025年累计完成项目180个');
    expect(promoted.id).toBe(target.id);
    expect(promoted.kind).toBe('cn-paren');
    expect(readingOrderText(out)).toEqual(readingOrderText(doc));
  });

  it('demote: the section goes under the one before it at its level', async () => {
    const doc = await load('levels.txt');
    const out = applyOutlineEdit(doc, { op: 'demote', sectionId: find(doc, '（二）工作目标').id });
    expect(tree(out).split('\n').slice(0, 4)).toEqual(['一、总体要求', '  （一）指导思想', '    （二）工作目标', '      1．2024年完成试点项目60个']);
    expect(readingOrderText(out)).toEqual(readingOrderText(doc));
  });

  it('demote into a section with children takes their level', async () => {
    const doc = await load('levels.txt');
    const out = applyOutlineEdit(doc, { op: 'demote', sectionId: find(doc, '二、重点任务').id });
    const demoted = find(out, '二、重点任务');
    expect(demoted.kind).toBe('cn-paren');
    expect(out.sections.map((s) => s.numbering)).toEqual(['一、', '三、']);
    expect(out.sections[0]!.children.at(-1)!.id).toBe(demoted.id);
  });

  it('merge: the heading becomes a paragraph of the section before it, the blocks follow, the children take its place', async () => {
    const doc = await load('levels.txt');
    const merged = find(doc, '（二）工作目标');
    const before = find(doc, '（一）指导思想');
    const out = applyOutlineEdit(doc, { op: 'merge', sectionId: merged.id });
    const into = find(out, '（一）指导思想');
    expect(into.blocks.slice(before.blocks.length).map((b) => (b.type === 'paragraph' ? b.text : b.type))).toEqual([
      '（二）工作目标',
      ...merged.blocks.map((b) => (b.type === 'paragraph' ? b.text : b.type)),
    ]);
    expect(out.sections[0]!.children.map((s) => s.numbering)).toEqual(['（一）', '1．', '2．', '3．']);
    expect(readingOrderText(out)).toEqual(readingOrderText(doc));
    expect(new Set(allIds(out)).size).toBe(allIds(out).length);
  });

  it('merge of a first child joins its parent', async () => {
    const doc = await load('levels.txt');
    const out = applyOutlineEdit(doc, { op: 'merge', sectionId: find(doc, '（一）指导思想').id });
    const parent = find(out, '一、总体要求');
    expect(parent.blocks.map((b) => (b as { text?: string }).text)).toContain('（一）指导思想');
    expect(parent.children.map((s) => s.numbering)).toEqual(['（二）']);
  });

  it('merge of a section after a nested one joins the last section in reading order', async () => {
    const doc = await load('levels.txt');
    const out = applyOutlineEdit(doc, { op: 'merge', sectionId: find(doc, '二、重点任务').id });
    const into = find(out, '3．2026年全面完成目标任务');
    expect(into.blocks.map((b) => (b as { text?: string }).text)).toContain('二、重点任务');
    expect(tree(out)).toContain('(三)补齐公共空间短板');
    expect(out.sections.map((s) => s.numbering)).toEqual(['一、', '(三)', '(四)', '三、']);
    expect(readingOrderText(out)).toEqual(readingOrderText(doc));
  });

  it('the input document is never changed', async () => {
    const doc = await load('levels.txt');
    const snapshot = structuredClone(doc);
    applyImportChoices(doc, {
      levels: { theme: 'cn-comma', item: 'cn-paren' },
      edits: [
        { op: 'merge', sectionId: find(doc, '（二）工作目标').id },
        { op: 'promote', sectionId: find(doc, '（1）老旧小区加装电梯不少于40部').id },
        { op: 'demote', sectionId: find(doc, '三、保障措施').id },
      ],
    });
    expect(doc).toEqual(snapshot);
  });

  it('refuses the impossible edits, naming the section', async () => {
    const doc = await load('levels.txt');
    const first = find(doc, '一、总体要求');
    const firstChild = find(doc, '（一）指导思想');
    expect(refusal(() => applyOutlineEdit(doc, { op: 'promote', sectionId: first.id }))).toBe(
      `Cannot promote “一、总体要求” (${first.id}): it is already at the top level.`,
    );
    expect(refusal(() => applyOutlineEdit(doc, { op: 'demote', sectionId: firstChild.id }))).toBe(
      `Cannot demote “（一）指导思想” (${firstChild.id}): it is the first section under “一、总体要求” (${first.id}), with no section before it to go under.`,
    );
    expect(refusal(() => applyOutlineEdit(doc, { op: 'demote', sectionId: first.id }))).toMatch(/first section of the document/);
    expect(refusal(() => applyOutlineEdit(doc, { op: 'merge', sectionId: first.id }))).toBe(
      `Cannot merge “一、总体要求” (${first.id}): it is the first section, with no section before it to join.`,
    );
    expect(refusal(() => applyOutlineEdit(doc, { op: 'merge', sectionId: 's0000000000' }))).toBe(
      'Cannot merge section s0000000000: the document has no such section.',
    );
  });

  it('a refused edit in a list names its position, and nothing is applied', async () => {
    const doc = await load('levels.txt');
    const first = find(doc, '一、总体要求');
    let error: OutlineEditError | null = null;
    try {
      applyImportChoices(doc, {
        levels: { theme: null, item: null },
        edits: [{ op: 'demote', sectionId: find(doc, '二、重点任务').id }, { op: 'promote', sectionId: first.id }],
      });
    } catch (err) {
      error = err as OutlineEditError;
    }
    expect(error).toBeInstanceOf(OutlineEditError);
    expect(error!.index).toBe(1);
    expect(error!.message).toBe(`Edit 2 of 2: Cannot promote “一、总体要求” (${first.id}): it is already at the top level.`);
  });

  it('the level choice: a level the document has, theme and item different', async () => {
    const doc = await load('levels.txt');
    expect(applyLevels(doc, { theme: 'cn-comma', item: 'arabic' }).levels).toEqual({ theme: 'cn-comma', item: 'arabic' });
    expect(applyLevels(doc, { theme: null, item: null }).levels).toEqual({ theme: null, item: null });
    expect(refusal(() => applyLevels(doc, { theme: 'chapter', item: 'cn-paren' }))).toMatch(
      /^The theme level chapter is not a level of this document \(its levels: cn-comma, cn-paren, arabic, arabic-paren, circled\)\.$/,
    );
    expect(refusal(() => applyLevels(doc, { theme: 'cn-paren', item: 'cn-paren' }))).toBe('The theme and item levels must differ (both are cn-paren).');
  });

  it('merging away the only section of a level makes that level unavailable for the choice', async () => {
    const doc = await load('levels.txt');
    const circled = [...allSections(doc.sections)].filter((s) => s.kind === 'circled');
    const edits: OutlineEdit[] = circled.map((s) => ({ op: 'merge', sectionId: s.id }));
    expect(refusal(() => applyImportChoices(doc, { levels: { theme: null, item: 'circled' }, edits }))).toMatch(/item level circled is not a level/);
  });

  it('a merged task row keeps its table values as a row of text', () => {
    const task = (id: string, heading: string): Section => ({
      id,
      kind: 'task',
      numbering: '',
      ordinal: null,
      heading,
      blocks: [],
      children: [],
      task: { lead: '市发改委', responsible: '各区县', deadline: '2024年底前', progress: null },
    });
    const doc = docOf([task('s1', '任务一'), task('s2', '任务二')]);
    const out = applyOutlineEdit(doc, { op: 'merge', sectionId: 's2' });
    expect(out.sections[0]!.blocks).toEqual([
      { id: 's2-heading', type: 'paragraph', text: '任务二' },
      { id: 's2-task', type: 'table-row', header: false, cells: ['市发改委', '各区县', '2024年底前'] },
    ]);
    expect(readingOrderText(out)).toEqual(readingOrderText(doc));
  });

  it('an enumeration stated in a merged section moves with its text', () => {
    const doc: ImportedDocument = {
      ...docOf([section('s1', [], []), section('s2', [], [])]),
      enumerations: [{ sectionId: 's2', label: '新兴产业', statedCount: 2, items: ['甲', '乙'] }],
    };
    expect(applyOutlineEdit(doc, { op: 'merge', sectionId: 's2' }).enumerations[0]!.sectionId).toBe('s1');
  });
});

// --- properties over random outlines ---

const KINDS: LevelKind[] = ['chapter', 'cn-comma', 'cn-paren', 'arabic', 'headline', 'task'];

function section(id: string, blocks: Block[], children: Section[], kind: LevelKind = 'cn-comma', heading = `标题${id}`): Section {
  return { id, kind, numbering: kind === 'headline' ? '' : '一、', ordinal: 1, heading, blocks, children };
}

function docOf(sections: Section[]): ImportedDocument {
  return {
    metadata: {
      title: '测试', issuer: null, docNumber: null, date: null, dateText: null, source: null, noticeTitle: null,
      addressees: null, publicationNote: null, column: null, author: null, editor: null, graphics: null,
      authorNote: null, tags: [], attachments: [],
    },
    levels: { theme: null, item: null },
    notice: [],
    preamble: [{ id: 'bpre', type: 'paragraph', text: '导语' }],
    sections,
    enumerations: [],
    warnings: [],
    source: { fileName: 't.txt', format: 'txt', encoding: 'utf-8', sha256: '0'.repeat(64) },
  };
}

interface Shape {
  kind: number;
  heading: string;
  blocks: string[];
  children: Shape[];
  task: boolean;
}

const shapeArb: fc.Memo<Shape> = fc.memo((depth) =>
  fc.record({
    kind: fc.nat({ max: KINDS.length - 1 }),
    // Empty headings too (a 第一条 has none); repeated texts too, so ids must not rely on text.
    heading: fc.constantFrom('', '总体要求', '重点任务', '重点任务'),
    blocks: fc.array(fc.constantFrom('甲。', '乙。', '甲。', '丙丁。'), { maxLength: 3 }),
    children: depth > 1 ? fc.array(shapeArb(depth - 1), { maxLength: 3 }) : fc.constant([]),
    task: fc.boolean(),
  }),
);

function build(shapes: Shape[]): ImportedDocument {
  let n = 0;
  const make = (sh: Shape): Section => {
    const id = `s${(n++).toString(16).padStart(10, '0')}`;
    const kind = KINDS[sh.kind]!;
    return {
      id,
      kind,
      numbering: kind === 'headline' || kind === 'task' ? '' : `${n}、`,
      ordinal: n,
      heading: sh.heading,
      blocks: sh.blocks.map((text, k) => ({ id: `b${id.slice(1)}${k}`, type: 'paragraph', text })),
      children: sh.children.map(make),
      ...(sh.task && kind === 'task' ? { task: { lead: '牵头', responsible: null, deadline: '年底', progress: null } } : {}),
    };
  };
  const doc = docOf(shapes.map(make));
  const ids = [...allSections(doc.sections)].map((s) => s.id);
  // An enumeration on every third section, so merges must carry them.
  doc.enumerations = ids.filter((_, k) => k % 3 === 0).map((sectionId) => ({ sectionId, label: '产业', statedCount: 1, items: ['甲'] }));
  return doc;
}

const OPS = ['promote', 'demote', 'merge'] as const;
const editsArb = fc.array(fc.record({ op: fc.constantFrom(...OPS), pick: fc.nat() }), { maxLength: 25 });

/** Why the edit must be refused, or null when it must apply (the rule stated independently). */
function expectedRefusal(doc: ImportedDocument, op: OutlineEdit['op'], id: string): string | null {
  const order = [...allSections(doc.sections)];
  const topLevel = doc.sections.some((s) => s.id === id);
  const firstAmongSiblings = doc.sections[0]?.id === id || order.some((p) => p.children[0]?.id === id);
  if (op === 'promote' && topLevel) return 'already at the top level';
  if (op === 'demote' && firstAmongSiblings) return 'with no section before it to go under';
  if (op === 'merge' && order[0]?.id === id) return 'with no section before it to join';
  return null;
}

describe('outline edit properties', () => {
  it('any sequence of edits keeps the text in reading order, ids unique, enumerations placed, and refuses exactly the impossible ones', () => {
    fc.assert(
      fc.property(fc.array(shapeArb(4), { minLength: 1, maxLength: 5 }), editsArb, (shapes, edits) => {
        const original = build(shapes);
        const text = readingOrderText(original);
        const snapshot = structuredClone(original);
        let doc = original;
        for (const { op, pick } of edits) {
          const sections = [...allSections(doc.sections)];
          const target = sections[pick % sections.length]!;
          const why = expectedRefusal(doc, op, target.id);
          if (why) {
            const message = refusal(() => applyOutlineEdit(doc, { op, sectionId: target.id }));
            expect(message).toContain(why);
            expect(message).toContain(`(${target.id})`);
            continue;
          }
          const next = applyOutlineEdit(doc, { op, sectionId: target.id });
          const after = [...allSections(next.sections)];
          expect(after.length).toBe(op === 'merge' ? sections.length - 1 : sections.length);
          if (op !== 'merge') expect(after.some((s) => s.id === target.id)).toBe(true);
          else expect(after.some((s) => s.id === target.id)).toBe(false);
          doc = next;
          expect(readingOrderText(doc)).toEqual(text);
          const ids = allIds(doc);
          expect(new Set(ids).size).toBe(ids.length);
          const present = new Set(after.map((s) => s.id));
          for (const e of doc.enumerations) expect(present.has(e.sectionId)).toBe(true);
        }
        expect(original).toEqual(snapshot);
      }),
      { numRuns: 400 },
    );
    // Hundreds of random runs: seconds on a busy machine (no test here measures time).
  }, 60_000);

  it('the choices applied at once equal the edits applied one by one', () => {
    fc.assert(
      fc.property(fc.array(shapeArb(3), { minLength: 1, maxLength: 4 }), editsArb, (shapes, picks) => {
        let doc = build(shapes);
        const start = doc;
        const edits: OutlineEdit[] = [];
        for (const { op, pick } of picks) {
          const sections = [...allSections(doc.sections)];
          const target = sections[pick % sections.length]!;
          if (expectedRefusal(doc, op, target.id)) continue;
          edits.push({ op, sectionId: target.id });
          doc = applyOutlineEdit(doc, { op, sectionId: target.id });
        }
        expect(applyImportChoices(start, { levels: { theme: null, item: null }, edits })).toEqual(doc);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
