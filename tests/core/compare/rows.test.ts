// The rows of a comparison from two item lists and their pairs, on edited lists of our own:
// an item inserted, one deleted, two swapped (moved), numbering pushed down, one split in two
// and two merged — paired by the same matching a version import uses.
import { describe, expect, it } from 'vitest';
import { compareRows, countRows, matchPairs } from '../../../electron/core/services/compare/rows';
import type { CompareItem, CompareRow } from '../../../shared/api/compare/methods';

let n = 0;
const item = (numeral: string, headline: string, body: string, theme = '重点任务'): CompareItem => ({
  id: `p-test/s${++n}`,
  numeral,
  headline,
  body,
  theme,
});

const OLD = [
  item('（一）', '推进老旧小区改造', '完成老旧小区改造项目120个，优先解决群众急难愁盼问题。同步实施加装电梯和地下管网更新，加装电梯不少于80部。'),
  item('（二）', '完善社区服务设施', '新建社区食堂30家，推动托育点、养老服务站就近布局，方便居民生活。'),
  item('（三）', '建设口袋公园', '利用边角地、夹心地新增口袋公园20个，打造十五分钟健身圈。'),
  item('（四）', '提升交通微循环', '打通断头路15条，新增公共停车泊位5000个，优化公交线网。'),
  item('（五）', '加强历史文化保护', '修缮历史建筑40处，活化利用工业遗存，延续城市文脉。'),
  item('（六）', '完善政策体系', '出台城市更新项目审批办法，简化审批流程，缩短审批时限。'),
  item('（七）', '严格督查考核', '将城市更新纳入年度综合考核，定期通报各区县工作进展。'),
];
const NEW = [
  // Split: the first half keeps the item, the second is new.
  item('（一）', '推进老旧小区改造', '完成老旧小区改造项目120个，优先解决群众急难愁盼问题。'),
  item('（二）', '实施加装电梯和管网更新', '同步实施加装电梯和地下管网更新，加装电梯不少于80部。'),
  // Swapped: 提升交通微循环 now comes before 完善社区服务设施.
  item('（三）', '提升交通微循环', '打通断头路15条，新增公共停车泊位5000个，优化公交线网。'),
  item('（四）', '完善社区服务设施', '新建社区食堂30家，推动托育点、养老服务站就近布局，方便居民生活。'),
  item('（五）', '建设口袋公园', '利用边角地、夹心地新增口袋公园20个，打造十五分钟健身圈。'),
  // 加强历史文化保护 deleted; two merged into one.
  item('（六）', '完善政策体系和督查考核', '出台城市更新项目审批办法，简化审批流程，缩短审批时限。将城市更新纳入年度综合考核，定期通报各区县工作进展。'),
];

const show = (rows: CompareRow[]) =>
  rows.map((r) => `${r.kind}${r.moved ? '+moved' : ''}${r.renumbered ? '+renumbered' : ''} ${r.left?.headline ?? '—'} | ${r.right?.headline ?? '—'}`);

describe('compareRows', () => {
  it('pairs, marks and orders the rows of an edited list', () => {
    const rows = compareRows(OLD, NEW, matchPairs(OLD, NEW));
    expect(show(rows)).toEqual([
      'edited 推进老旧小区改造 | 推进老旧小区改造',
      'added — | 实施加装电梯和管网更新',
      'unchanged+moved+renumbered 提升交通微循环 | 提升交通微循环',
      'unchanged+renumbered 完善社区服务设施 | 完善社区服务设施',
      'unchanged+renumbered 建设口袋公园 | 建设口袋公园',
      'removed 加强历史文化保护 | —',
      'edited 完善政策体系 | 完善政策体系和督查考核',
      'removed 严格督查考核 | —',
    ]);
    expect(countRows(rows)).toEqual({ unchanged: 0, edited: 2, added: 1, removed: 2, moved: 1, renumbered: 3, changes: 8 });
  });

  it('puts every item in exactly one row, even when given a pair twice or a stranger', () => {
    const pairs = matchPairs(OLD, NEW);
    const rows = compareRows(OLD, NEW, [...pairs, pairs[0]!, { leftId: 'p-x/s1', rightId: NEW[1]!.id, score: 1, basis: 'manual' }]);
    expect(rows.flatMap((r) => (r.left ? [r.left.id] : [])).sort()).toEqual(OLD.map((i) => i.id).sort());
    expect(rows.flatMap((r) => (r.right ? [r.right.id] : [])).sort()).toEqual(NEW.map((i) => i.id).sort());
  });

  it('counts a plan against itself as all unchanged', () => {
    const rows = compareRows(OLD, OLD, matchPairs(OLD, OLD));
    expect(countRows(rows)).toEqual({ unchanged: 7, edited: 0, added: 0, removed: 0, moved: 0, renumbered: 0, changes: 0 });
  });
});
