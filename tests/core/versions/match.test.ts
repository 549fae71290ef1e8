// Item matching across versions: every edit a revised plan makes (text inserted, an item
// deleted, renumbering, a split, a merge, a reworded headline, a few characters, punctuation
// width) either keeps each item with its own text or leaves it unmatched — never pairs it with
// a neighbour's text. The property test checks that over random edit scripts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MATCH_THRESHOLD,
  matchForm,
  matchItems,
  textSimilarity,
  type MatchItem,
} from '../../../electron/core/services/versions/match';

const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const item = (id: string, numbering: string, heading: string, body: string): MatchItem => ({ id, numbering, heading, body });

const PLAN: MatchItem[] = [
  item('a', '（一）', '加快建设现代化产业体系', '推动制造业高端化、智能化、绿色化发展，培育壮大战略性新兴产业，前瞻布局未来产业。'),
  item('b', '（二）', '深入实施科教兴市战略', '加强基础研究和原始创新，建设高水平研究型大学，完善科技成果转化机制。'),
  item('c', '（三）', '持续优化营商环境', '深化“放管服”改革，推进政务服务“一网通办”，依法保护民营企业产权和企业家权益。'),
  item('d', '（四）', '扎实推进乡村全面振兴', '稳定粮食播种面积，发展特色农业，改善农村人居环境，促进农民持续增收。'),
  item('e', '（五）', '加强生态环境保护', '深入打好蓝天碧水净土保卫战，推进重点行业节能降碳改造，完善生态补偿制度。'),
];

const pairsOf = (r: ReturnType<typeof matchItems>) => Object.fromEntries(r.pairs.map((p) => [p.newId, p.oldId]));
const renumber = (items: MatchItem[]) => items.map((it, i) => ({ ...it, numbering: `（${CN[i]}）` }));

describe('matching the items of two versions', () => {
  it('pairs an unchanged plan item by item, each identical', () => {
    const r = matchItems(PLAN, PLAN.map((it) => ({ ...it, id: `n-${it.id}` })));
    expect(pairsOf(r)).toEqual({ 'n-a': 'a', 'n-b': 'b', 'n-c': 'c', 'n-d': 'd', 'n-e': 'e' });
    expect(r.pairs.every((p) => p.basis === 'identical' && p.score === 1 && !p.moved && !p.renumbered)).toBe(true);
    expect([r.unmatchedOld, r.unmatchedNew, r.ambiguous]).toEqual([[], [], []]);
  });

  it('follows the text when a new （二） pushes the rest down, and reports the renumbering', () => {
    const inserted = item('x', '', '大力发展数字经济', '推进数字产业化和产业数字化，建设全国数字经济创新高地。');
    const next = renumber([PLAN[0]!, inserted, ...PLAN.slice(1)]);
    const r = matchItems(PLAN, next);
    expect(pairsOf(r)).toEqual({ a: 'a', b: 'b', c: 'c', d: 'd', e: 'e' });
    expect(r.unmatchedNew).toEqual(['x']);
    expect(r.pairs.filter((p) => p.renumbered).map((p) => p.oldId)).toEqual(['b', 'c', 'd', 'e']);
    expect(r.pairs.some((p) => p.moved)).toBe(false);
  });

  it('leaves a deleted item unmatched and the others on their own text', () => {
    const r = matchItems(PLAN, renumber(PLAN.filter((it) => it.id !== 'c')));
    expect(pairsOf(r)).toEqual({ a: 'a', b: 'b', d: 'd', e: 'e' });
    expect(r.unmatchedOld).toEqual(['c']);
  });

  it('keeps an item whose body was edited by a few characters, and one whose headline was reworded', () => {
    const next = PLAN.map((it) =>
      it.id === 'b'
        ? { ...it, body: it.body.replace('高水平研究型大学', '一流研究型大学') }
        : it.id === 'd'
          ? { ...it, heading: '全面推进乡村振兴' }
          : it,
    );
    const r = matchItems(PLAN, next);
    expect(pairsOf(r)).toEqual({ a: 'a', b: 'b', c: 'c', d: 'd', e: 'e' });
    const b = r.pairs.find((p) => p.oldId === 'b')!;
    expect([b.basis, b.bodyEdited, b.headingEdited]).toEqual(['heading', true, false]);
    const d = r.pairs.find((p) => p.oldId === 'd')!;
    expect([d.basis, d.headingEdited, d.bodyEdited]).toEqual(['similar', true, false]);
    expect(d.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
  });

  it('treats full-width and half-width punctuation and digits as the same text', () => {
    expect(matchForm('推进“一网通办”，建设１０个园区')).toBe(matchForm('推进“一网通办”,建设10个园区'));
    const next = PLAN.map((it) => ({ ...it, body: it.body.replace(/，/g, ',') }));
    const r = matchItems(PLAN, next);
    expect(r.pairs.every((p) => p.basis === 'identical')).toBe(true);
  });

  it('gives a split item to the half that keeps most of its text and leaves the other half new', () => {
    const c = PLAN[2]!;
    const first = { ...c, id: 'c1', body: '深化“放管服”改革，推进政务服务“一网通办”。' };
    const second = item('c2', '（四）', '保护民营企业合法权益', '依法保护民营企业产权和企业家权益。');
    const r = matchItems(PLAN, [PLAN[0]!, PLAN[1]!, first, second, ...PLAN.slice(3)]);
    expect(pairsOf(r)['c1']).toBe('c');
    expect(r.unmatchedNew).toEqual(['c2']);
  });

  it('gives two merged items to at most one of them', () => {
    const merged = item('de', '（四）', '扎实推进乡村全面振兴', `${PLAN[3]!.body}${PLAN[4]!.body}`);
    const r = matchItems(PLAN, [...PLAN.slice(0, 3), merged]);
    const partners = r.pairs.filter((p) => p.newId === 'de').map((p) => p.oldId);
    expect(partners.length).toBeLessThanOrEqual(1);
    expect(['d', 'e']).toEqual(expect.arrayContaining(partners));
    expect(r.unmatchedOld.length + partners.length).toBe(2);
  });

  it('marks an item moved when it leaves the order, not the items it jumped over', () => {
    const next = [PLAN[0]!, PLAN[1]!, PLAN[3]!, PLAN[4]!, PLAN[2]!];
    const r = matchItems(PLAN, next);
    expect(r.pairs.filter((p) => p.moved).map((p) => p.oldId)).toEqual(['c']);
  });

  it('calls two equally close candidates ambiguous instead of guessing', () => {
    const left = item('l', '1.', '', '推进城市更新行动，改造老旧小区一百个，建设口袋公园五十个。');
    const right = item('r', '2.', '', '推进城市更新行动，改造老旧小区二百个，建设口袋公园六十个。');
    const blend = item('n', '1.', '', '推进城市更新行动，改造老旧小区三百个，建设口袋公园七十个。');
    const r = matchItems([left, right], [blend]);
    expect(r.pairs).toEqual([]);
    expect(r.ambiguous).toEqual([{ newId: 'n', candidates: expect.arrayContaining([expect.objectContaining({ oldId: 'l' }), expect.objectContaining({ oldId: 'r' })]) }]);
    expect(r.unmatchedOld.sort()).toEqual(['l', 'r']);
  });

  it('pairs word-for-word repeats in document order (position breaks the tie)', () => {
    const same = (id: string) => item(id, '', '总则', '本办法自发布之日起施行。');
    const r = matchItems([same('o1'), same('o2')], [same('n1'), same('n2')]);
    expect(pairsOf(r)).toEqual({ n1: 'o1', n2: 'o2' });
  });

  it('does not pair unrelated texts however the numbering lines up', () => {
    const other = PLAN.map((it, i) => item(`z${i}`, it.numbering, `第${i}项不相关的标题`, '完全不同的内容，关于海洋渔业和港口航运的安排。'));
    const r = matchItems(PLAN, other);
    expect(r.pairs).toEqual([]);
    expect(textSimilarity(PLAN[0]!.body, other[0]!.body)).toBeLessThan(MATCH_THRESHOLD);
  });
});

// The property: each new item records which original items its text came from; a pair is only
// ever made with one of those. Texts are built from the stock phrases every plan repeats
// (推进, 体系建设, 高质量发展…), so unrelated items share many bigrams, as real ones do, and a
// matcher that trusted a loose resemblance would fail here.
const PHRASES = Array.from(
  '推进|加快|完善|健全|深化|实施|建设|培育|强化|提升|体系|机制|产业|创新|发展|改革|服务|治理|城市|乡村|生态|数字|人才|科技|开放|民生|安全|制度|现代化|高质量|新质生产力|营商环境|基础设施|公共服务|重点领域|示范|试点|行动|工程|项目|平台|园区|企业|政策|保障|，|。|、'.split('|'),
);
const text = (min: number, max: number) =>
  fc.array(fc.constantFrom(...PHRASES), { minLength: min, maxLength: max }).map((ps) => ps.join(''));
/** Two characters no stock phrase uses, different for every n: real items differ somewhere,
 *  and two identical texts could not be told apart by any matcher. */
const mark = (n: number) => String.fromCodePoint(0x5a00 + 2 * n, 0x5a01 + 2 * n);

type Tracked = MatchItem & { from: Set<string> };
const editScript = fc.array(
  fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), heading: text(2, 5), body: text(8, 30) }),
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('edit' as const), at: fc.nat(), pos: fc.nat(), chars: text(1, 2) }),
    fc.record({ op: fc.constant('reword' as const), at: fc.nat(), heading: text(2, 5) }),
    fc.record({ op: fc.constant('split' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('merge' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
    fc.record({ op: fc.constant('punctuation' as const), at: fc.nat() }),
  ),
  { maxLength: 12 },
);

type Edit = typeof editScript extends fc.Arbitrary<(infer E)[]> ? E : never;

function apply(items: Tracked[], script: Edit[]): Tracked[] {
  let list = items.map((it) => ({ ...it, from: new Set(it.from) }));
  let fresh = 0;
  for (const e of script) {
    const at = list.length ? e.at % list.length : 0;
    const target = list[at];
    switch (e.op) {
      case 'insert':
        list.splice(at, 0, { id: `new${fresh}`, numbering: '', heading: e.heading + mark(2000 + fresh), body: e.body + mark(1000 + fresh++), from: new Set() });
        break;
      case 'delete':
        if (target) list.splice(at, 1);
        break;
      case 'edit':
        if (target) {
          const p = e.pos % (target.body.length + 1);
          target.body = target.body.slice(0, p) + e.chars + target.body.slice(p + e.chars.length);
        }
        break;
      case 'reword':
        if (target) target.heading = e.heading + target.heading.slice(-2);
        break;
      case 'split':
        if (target && target.body.length > 8) {
          const half = Math.floor(target.body.length / 2);
          const tail = { id: `new${fresh++}`, numbering: '', heading: '', body: target.body.slice(half), from: new Set(target.from) };
          target.body = target.body.slice(0, half);
          list.splice(at + 1, 0, tail);
        }
        break;
      case 'merge':
        if (target && list[at + 1]) {
          const next = list[at + 1]!;
          target.body += next.heading + next.body;
          for (const f of next.from) target.from.add(f);
          list.splice(at + 1, 1);
        }
        break;
      case 'move':
        if (target) {
          list.splice(at, 1);
          list.splice(e.to % (list.length + 1), 0, target);
        }
        break;
      case 'punctuation':
        if (target) target.body = target.body.replace(/，/g, ',');
        break;
    }
  }
  list = list.map((it, i) => ({ ...it, numbering: `${i + 1}.`, id: `n${i}` }));
  return list;
}

describe('matching never puts an item on text that did not come from it', () => {
  it('holds for random plans and random edit scripts', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ heading: text(2, 5), body: text(8, 30) }), { minLength: 1, maxLength: 25 }),
        editScript,
        (raw, script) => {
          const original: Tracked[] = raw.map((r, i) => ({
            id: `o${i}`,
            numbering: `${i + 1}.`,
            heading: r.heading + mark(3000 + i),
            body: r.body + mark(i),
            from: new Set([`o${i}`]),
          }));
          const revised = apply(original, script);
          const result = matchItems(original, revised);
          const byId = new Map(revised.map((it) => [it.id, it]));
          for (const pair of result.pairs) {
            expect(byId.get(pair.newId)!.from.has(pair.oldId), `${pair.oldId} → ${pair.newId} (${pair.basis} ${pair.score})`).toBe(true);
          }
          // Every item is accounted for exactly once.
          const oldSeen = [...result.pairs.map((p) => p.oldId), ...result.unmatchedOld];
          expect(oldSeen.sort()).toEqual(original.map((o) => o.id).sort());
          const newSeen = [...result.pairs.map((p) => p.newId), ...result.unmatchedNew, ...result.ambiguous.map((a) => a.newId)];
          expect(newSeen.sort()).toEqual(revised.map((n) => n.id).sort());
        },
      ),
      { numRuns: 300 },
    );
  });
});
