// The embedded plan article, parsed and imported into a real database: nothing lost, nothing
// invented, every structure the article states found, and loud failures (with line numbers)
// when the text does not have the shape the parser expects.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticle, PlanParseError } from '../../electron/core/plan/parse-article';
import { parseSmallNumber } from '../../electron/core/plan/chinese-numerals';
import { reassembleArticle } from '../../electron/core/plan/reassemble';
import { importPlan, readPlanDocument } from '../../electron/core/plan/store';
import type { PlanDocument } from '../../shared/domain/plan';
import { useTempDirs } from '../helpers/temp-dir';
import { createTestCore } from '../helpers/core';
import { dumpTables } from '../helpers/db-dump';
import { EMBEDDED_PLAN_FILE } from '../helpers/paths';

const RAW = readFileSync(EMBEDDED_PLAN_FILE, 'utf8');
const PLAN_ID = 'hz-2024';
const parse = (text: string): PlanDocument => parseArticle(text, { planId: PLAN_ID });
const temp = useTempDirs();

/** The one whitespace normalisation of the fidelity check: every run of whitespace (spaces,
 *  tabs, newlines; JavaScript's \s, which also covers the U+00A0 spaces of the source line)
 *  becomes one space, and the ends are trimmed. */
const normaliseWhitespace = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The article without page chrome, worked out here from the raw lines, not by the parser. */
function articleWithoutChrome(raw: string): string {
  return raw
    .split('\n')
    .filter((line) => line.trim() !== '返 回' && !line.startsWith('所在位置:'))
    .join('\n');
}

/** Replaces `needle` (which must occur exactly once) so a broken copy is what we think it is. */
function replaceOnce(text: string, needle: string, replacement: string): string {
  const at = text.indexOf(needle);
  if (at < 0 || text.indexOf(needle, at + 1) >= 0) throw new Error(`expected exactly one ${needle}`);
  return text.slice(0, at) + replacement + text.slice(at + needle.length);
}

/** Edits lines by their 1-based number, keeping every other line where it was. */
function editLines(text: string, edits: Record<number, string>): string {
  const lines = text.split('\n');
  for (const [no, value] of Object.entries(edits)) {
    if (lines[Number(no) - 1] === undefined) throw new Error(`no line ${no}`);
    lines[Number(no) - 1] = value;
  }
  return lines.join('\n');
}

function parseError(text: string): PlanParseError {
  try {
    parse(text);
  } catch (err) {
    expect(err).toBeInstanceOf(PlanParseError);
    return err as PlanParseError;
  }
  throw new Error('expected the parse to fail');
}

const THEME_HEADLINES = [
  '在深化改革中破除制约高质量发展的体制机制障碍',
  '在强基固本中补齐影响高质量发展的突出短板',
  '在顺应大势中把握培育发展新质生产力',
  '在深度推进绿色发展中打造中国式现代化范例城市“美丽样板”',
  '在通往共同富裕的征途中绘就中国式现代化范例城市“生动图景”',
];

// [id, numeral, headline without its closing 。]
const INITIATIVES: [string, string, string][] = [
  ['hz-2024/T1/I1', '第一', '建立解难题促发展政策机制'],
  ['hz-2024/T1/I2', '第二', '营造市场化、法治化、国际化一流营商环境'],
  ['hz-2024/T1/I3', '第三', '优化惠民生保稳定政策服务体系'],
  ['hz-2024/T2/I1', '第一', '补齐制造业比重偏低的短板'],
  ['hz-2024/T2/I2', '第二', '补齐科技“硬核”支撑力度不足的短板'],
  ['hz-2024/T2/I3', '第三', '补齐治理超大城市经验不足的短板'],
  ['hz-2024/T3/I1', '第一', '培育新质生产力,掌握发展主动权'],
  ['hz-2024/T3/I2', '第二', '打造适应新质生产力发展需要的创新人才队伍'],
  ['hz-2024/T3/I3', '第三', '大力发展战略性新兴产业,布局未来产业'],
  ['hz-2024/T4/I1', '第一', '打造“绿色生活”之城'],
  ['hz-2024/T4/I2', '第二', '打造“绿色风貌”之城'],
  ['hz-2024/T4/I3', '第三', '打造“绿色产业”之城'],
  ['hz-2024/T5/I1', '第一', '以笃行实干做大共富蛋糕'],
  ['hz-2024/T5/I2', '第二', '以创新方式方法推动高质量发展'],
  ['hz-2024/T5/I3', '第三', '以奋进“两个先行”展现头雁风采'],
];

const EMERGING_INDUSTRIES = [
  '新一代信息技术',
  '新能源',
  '新材料',
  '高端装备',
  '新能源汽车',
  '绿色环保',
  '民用航空',
  '船舶与海洋工程装备',
];

const FUTURE_INDUSTRIES = [
  '元宇宙',
  '脑机接口',
  '量子信息',
  '人形机器人',
  '生成式人工智能',
  '生物制造',
  '未来显示',
  '未来网络',
  '新型储能',
];

/** The plan as stored: imported by a real core into a real SQLite file, then read back. */
function importedPlan(): PlanDocument {
  const core = createTestCore(temp.make());
  try {
    const doc = readPlanDocument(core.db, PLAN_ID);
    if (!doc) throw new Error('the embedded plan was not seeded');
    return doc;
  } finally {
    core.close();
  }
}

describe('the embedded plan, imported and read back', () => {
  it('reassembles to the article without page chrome, character for character', () => {
    const doc = importedPlan();
    expect(normaliseWhitespace(reassembleArticle(doc))).toBe(normaliseWhitespace(articleWithoutChrome(RAW)));
  });

  it('reads back exactly what the parser produced', () => {
    expect(importedPlan()).toEqual(parse(RAW));
  });

  it('has the 5 theme headlines in order, with stable ids', () => {
    const { themes } = importedPlan();
    expect(themes.map((t) => t.headline)).toEqual(THEME_HEADLINES);
    expect(themes.map((t) => t.id)).toEqual(['hz-2024/T1', 'hz-2024/T2', 'hz-2024/T3', 'hz-2024/T4', 'hz-2024/T5']);
    expect(themes.map((t) => t.ordinal)).toEqual([1, 2, 3, 4, 5]);
    expect(themes.every((t) => t.planId === PLAN_ID)).toBe(true);
  });

  it('has 15 initiatives, 3 per theme, with their printed numerals and headlines', () => {
    const { initiatives } = importedPlan();
    expect(initiatives.map((i) => [i.id, i.numeral, i.headline])).toEqual(INITIATIVES);
    for (const i of initiatives) {
      expect(i.themeId).toBe(i.id.replace(/\/I\d+$/, ''));
      expect(i.ordinal).toBe(Number(i.id.slice(-1)));
      expect(i.body.length).toBeGreaterThan(0);
      expect(i.headline.endsWith('。')).toBe(false);
    }
  });

  it('splits an initiative into its headline sentence and the body after it', () => {
    const t3i3 = importedPlan().initiatives.find((i) => i.id === 'hz-2024/T3/I3')!;
    expect(t3i3.body.startsWith('杭州要顺应中国新兴产业战略整体布局')).toBe(true);
    expect(t3i3.body.endsWith('等9大未来产业。')).toBe(true);
  });

  it('finds the 8 emerging and 9 future industries, item by item, in T3/I3', () => {
    const { lists } = importedPlan();
    expect(lists).toHaveLength(2);
    const [emerging, future] = lists as [PlanDocument['lists'][0], PlanDocument['lists'][0]];

    expect(emerging).toMatchObject({ id: 'hz-2024/L1', planId: PLAN_ID, initiativeId: 'hz-2024/T3/I3', ordinal: 1 });
    expect(emerging.label).toBe('新兴产业');
    expect(emerging.statedCount).toBe(8);
    expect(emerging.items.map((x) => x.text)).toEqual(EMERGING_INDUSTRIES);
    expect(emerging.items.map((x) => x.id)).toEqual(EMERGING_INDUSTRIES.map((_, k) => `hz-2024/L1/${k + 1}`));
    expect(emerging.items.every((x) => x.listId === 'hz-2024/L1')).toBe(true);

    expect(future).toMatchObject({ id: 'hz-2024/L2', planId: PLAN_ID, initiativeId: 'hz-2024/T3/I3', ordinal: 2 });
    expect(future.label).toBe('未来产业');
    expect(future.statedCount).toBe(9);
    expect(future.items.map((x) => x.text)).toEqual(FUTURE_INDUSTRIES);
    expect(future.items.map((x) => x.id)).toEqual(FUTURE_INDUSTRIES.map((_, k) => `hz-2024/L2/${k + 1}`));
    expect(future.items.map((x) => x.ordinal)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('finds every list item in its initiative body, in the order of the text', () => {
    const { lists, initiatives } = importedPlan();
    for (const list of lists) {
      const body = initiatives.find((i) => i.id === list.initiativeId)!.body;
      let from = 0;
      for (const item of list.items) {
        const at = body.indexOf(item.text, from);
        expect(at, `${item.id} ${item.text}`).toBeGreaterThanOrEqual(0);
        from = at + item.text.length;
      }
    }
  });

  it('keeps the metadata printed around the article', () => {
    const { meta } = importedPlan();
    expect(meta).toMatchObject({
      id: PLAN_ID,
      title: '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路',
      column: '杭州有理',
      publishedAt: '2024-05-11 15:55:53',
      source: '杭州日报',
      author: '赵亚东',
      editor: '程慧雨',
      graphics: '王璟',
      tags: ['杭州有理', '理论宣传'],
      themeLine: '深化改革、强基固本',
      language: 'zh',
    });
    expect(meta.authorNote).toBe('作者系杭州市政协事业发展服务中心、杭州市政协委员工作委员会助理研究员');
    expect(meta.authorNote!.startsWith('作者系')).toBe(true);
    expect(meta.authorNote).not.toMatch(/[()（）]/);
    expect(meta.lead.startsWith('2023年')).toBe(true);
    expect(meta.lead.endsWith('重点探索:')).toBe(true);
  });

  it('stores no page chrome anywhere', () => {
    const stored = JSON.stringify(importedPlan());
    expect(stored).not.toMatch(/返\s*回/);
    expect(stored).not.toContain('所在位置');
  });
});

describe('reading enumerations in other wordings', () => {
  it('cuts only the introducing verbs from the first item, not a verb inside the item', () => {
    const doc = parse(replaceOnce(RAW, '积极培育发展新一代信息技术、', '积极培育绿色发展产业、'));
    expect(doc.lists[0]!.items.map((x) => x.text)).toEqual(['绿色发展产业', ...EMERGING_INDUSTRIES.slice(1)]);
  });

  it('reads a count written in Chinese numerals', () => {
    const doc = parse(replaceOnce(RAW, '等9大未来产业', '等九大未来产业'));
    expect(doc.lists[1]).toMatchObject({ label: '未来产业', statedCount: 9 });
    expect(doc.lists[1]!.items.map((x) => x.text)).toEqual(FUTURE_INDUSTRIES);
  });
});

describe('loud failures', () => {
  it('refuses a stated count that does not match the items, naming count, items and line', () => {
    const err = parseError(replaceOnce(RAW, '等8大新兴产业', '等7大新兴产业'));
    expect(err.line).toBe(32);
    expect(err.message).toContain('line 32');
    expect(err.message).toContain('7大新兴产业');
    expect(err.message).toContain('8 items');
    expect(err.message).toContain(EMERGING_INDUSTRIES.join('、'));
  });

  it('refuses a stated count it cannot read, rather than silently dropping the list', () => {
    const err = parseError(replaceOnce(RAW, '等9大未来产业。', '等9大未来产业(2024年)。'));
    expect(err.line).toBe(32);
    expect(err.message).toContain('9大');
  });

  it('names the line of the initiative that states the list, not an earlier line quoting it', () => {
    const quotedInLead = replaceOnce(RAW, '主要从以下五方面', '关注等7大新兴产业,主要从以下五方面');
    const err = parseError(replaceOnce(quotedInLead, '等8大新兴产业', '等7大新兴产业'));
    expect(err.line).toBe(32);
  });

  it('refuses a misnumbered initiative, naming its line', () => {
    const err = parseError(replaceOnce(RAW, '第二、营造市场化', '第四、营造市场化'));
    expect(err.line).toBe(14);
    expect(err.message).toContain('line 14');
    expect(err.message).toContain('第四');
  });

  it.each([
    ['the first', { 12: '', 14: '', 16: '' }, 10],
    ['a middle', { 20: '', 22: '', 24: '' }, 18],
    ['the last', { 44: '', 46: '', 48: '' }, 42],
  ])('refuses %s theme without initiatives, naming its headline line', (_which, blanked, headlineLine) => {
    const err = parseError(editLines(RAW, blanked));
    expect(err.line).toBe(headlineLine);
    expect(err.message).toContain(`line ${headlineLine}`);
  });

  it('refuses text after the tag line, naming its line', () => {
    // The tag line is line 54; the added line becomes line 55.
    const err = parseError(`${RAW.replace(/\n*$/, '')}\n多出来的一行`);
    expect(err.line).toBe(55);
    expect(err.message).toContain('line 55');
    expect(err.message).toContain('多出来的一行');
  });

  it.each([
    ['an empty file', ''],
    ['only blank lines', '\n  \n\t\n'],
    ['only a byte order mark', '\uFEFF'],
    ['only page chrome', '返 回\n所在位置: 杭州有理\n'],
  ])('refuses %s', (_what, text) => {
    expect(() => parse(text)).toThrow(PlanParseError);
  });

  it('parses CRLF line endings and a byte order mark to the same document', () => {
    const crlfBom = `\uFEFF${RAW.replace(/\n/g, '\r\n')}`;
    expect(crlfBom).not.toBe(RAW);
    expect(parse(crlfBom)).toEqual(parse(RAW));
    // Line numbers in errors still count the lines of the file as given.
    expect(parseError(replaceOnce(crlfBom, '第二、营造市场化', '第四、营造市场化')).line).toBe(14);
  });
});

describe('importing is all-or-nothing', () => {
  const broken = replaceOnce(RAW, '等8大新兴产业', '等7大新兴产业');

  it('writes nothing when the parse fails', () => {
    const core = createTestCore(temp.make());
    try {
      const before = dumpTables(core.db);
      expect(() => importPlan(core.db, parse(broken), broken)).toThrow(PlanParseError);
      expect(dumpTables(core.db)).toEqual(before);
    } finally {
      core.close();
    }
  });

  it('keeps the previous version of a plan when writing the new one fails half-way', () => {
    const core = createTestCore(temp.make());
    try {
      const before = dumpTables(core.db);
      const doc = parse(RAW);
      // Two initiatives with one id: the insert of the second violates the primary key after
      // the old plan was deleted and the new plan, themes and first initiatives were written.
      const bad: PlanDocument = { ...doc, initiatives: [...doc.initiatives, doc.initiatives[0]!] };
      expect(() => importPlan(core.db, bad, RAW)).toThrow(/UNIQUE|PRIMARY KEY/);
      expect(dumpTables(core.db)).toEqual(before);
    } finally {
      core.close();
    }
  });
});

describe('parseSmallNumber', () => {
  it.each([
    ['一', 1],
    ['二', 2],
    ['五', 5],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['十九', 19],
    ['二十', 20],
    ['二十一', 21],
    ['五十五', 55],
    ['九十九', 99],
    ['0', 0],
    ['8', 8],
    ['12', 12],
    ['2024', 2024],
  ])('reads %s as %i', (text, value) => {
    expect(parseSmallNumber(text)).toBe(value);
  });

  it.each(['', '零', '百', '一百', '十十', '一一', '二二十', '两', '8大', ' 8', '８', '12345', 'abc', '-1', '1.5'])(
    'returns null for %j',
    (junk) => {
      expect(parseSmallNumber(junk)).toBeNull();
    },
  );
});
