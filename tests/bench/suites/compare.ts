// Suite "compare": matching a plan's items against its revision and computing the comparison
// (pairs, rows, the character diffs of every edited pair) — compare.plans' work for two plans
// that are not versions of each other — against the floor, a plain exact-headline join of the
// same items. At 200, 2,000 and 20,000 items (2,000 and 20,000 with --quick), so the growth
// shows: the matching must not be quadratic in practice.
//
// The revision is an edit script over the generated plan: ~4% of items deleted, ~4% new ones
// inserted (pushing the numbering down), ~10% with a body edited by a few characters, ~3% with a
// reworded headline, ~5% with punctuation turned half-width, ~1% split in two and ~1% merged.
import { compareRows, countRows, matchPairs } from '../../../electron/core/services/compare/rows';
import type { CompareItem } from '../../../shared/api/compare/methods';
import { deriveSeed, Prng } from '../prng';
import { fmt, ratioMeasurement } from '../report';
import { measure, runAb } from '../timing';
import { sampleCount, type SuiteContext } from './context';

const SUITE = 'compare';
const WORDS = [
  '推进', '深化', '改革', '建设', '完善', '机制', '加快', '数字化', '产业', '创新', '服务', '体系', '城市', '更新',
  '保障', '民生', '生态', '治理', '能力', '提升', '培育', '新质', '生产力', '项目', '基础设施', '营商', '环境', '优化',
  '社区', '养老', '托育', '教育', '医疗', '交通', '绿色', '低碳', '开放', '合作', '人才', '科技', '金融', '制度',
];
const NUMERALS = '一二三四五六七八九十';

function sentence(r: Prng, words: number): string {
  let s = '';
  for (let i = 0; i < words; i++) s += WORDS[r.int(WORDS.length)];
  return s;
}

function numeral(k: number): string {
  return `（${k < 10 ? NUMERALS[k] : `${NUMERALS[Math.floor(k / 10) % 10]}十${NUMERALS[k % 10] ?? ''}`}）`;
}

/** A plan of `count` items, 20 to a theme; each text unique (a number in it). */
function plan(r: Prng, count: number, tag: string): CompareItem[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `p-${tag}/s${i}`,
    numeral: numeral(i % 20),
    headline: `${sentence(r, 3)}${i}号工程`,
    body: `${sentence(r, 6)}，${sentence(r, 5)}，完成目标${i * 7 + 3}个；${sentence(r, 7)}。`,
    theme: `主题${Math.floor(i / 20)}`,
  }));
}

function revise(r: Prng, items: CompareItem[]): CompareItem[] {
  const out: CompareItem[] = [];
  let added = 0;
  for (let i = 0; i < items.length; i++) {
    const item = { ...items[i]!, id: `p-rev/s${i}` };
    const roll = r.next();
    if (r.chance(0.04)) {
      out.push({ id: `p-rev/new${added}`, numeral: '', headline: `${sentence(r, 3)}新增${added++}`, body: `${sentence(r, 8)}。`, theme: item.theme });
    }
    if (roll < 0.04) continue; // deleted
    if (roll < 0.14) item.body = item.body.replace(/完成目标/, '力争完成目标不少于');
    else if (roll < 0.17) item.headline = `${sentence(r, 1)}${item.headline}`;
    else if (roll < 0.22) item.body = item.body.replace(/，/g, ',').replace(/；/g, ';');
    else if (roll < 0.23 && i + 1 < items.length) {
      // Merged with the next one.
      item.body += items[i + 1]!.body;
      i++;
    } else if (roll < 0.24) {
      // Split: the body's second half becomes an item of its own.
      const half = item.body.indexOf('；');
      out.push({ ...item, body: item.body.slice(0, half + 1) });
      out.push({ ...item, id: `p-rev/split${i}`, headline: `${sentence(r, 2)}分项${i}`, body: item.body.slice(half + 1) });
      continue;
    }
    out.push(item);
  }
  // Numbering from the new order.
  return out.map((item, k) => ({ ...item, numeral: numeral(k % 20) }));
}

/** The floor: pair items whose headline is the same, nothing else. */
function headlineJoin(olds: CompareItem[], news: CompareItem[]): number {
  const byHeadline = new Map(olds.map((o) => [o.headline, o]));
  let paired = 0;
  for (const n of news) if (byHeadline.get(n.headline)) paired++;
  return paired;
}

export function runCompare(ctx: SuiteContext): void {
  const sizes = ctx.options.quick ? [2_000, 20_000] : [200, 2_000, 20_000];
  const perItem: Record<string, number> = {};
  for (const size of sizes) {
    const r = new Prng(deriveSeed(ctx.options.seed, 0x636d7000 + size));
    const olds = plan(r, size, 'old');
    const news = revise(r, olds);
    let summary = '';
    const compare = () =>
      measure(() => {
        const rows = compareRows(olds, news, matchPairs(olds, news));
        const c = countRows(rows);
        summary = `${c.edited} edited, ${c.added} added, ${c.removed} removed, ${c.renumbered} renumbered`;
        return rows.length;
      }).ms;
    const floor = () => measure(() => headlineJoin(olds, news)).ms;
    const samples = size >= 20_000 ? sampleCount(ctx, 5, 3) : sampleCount(ctx, 15, 5);
    const result = runAb(samples, compare, floor);
    perItem[size] = result.a.median / size;
    ctx.record(
      ratioMeasurement(SUITE, `match + compare ${size.toLocaleString('en')} items`, ['compare', 'headline join'], result, {
        note: `${summary}; ${fmt((result.a.median / size) * 1000)} µs per item`,
        detail: { items: size, revisedItems: news.length, usPerItem: (result.a.median / size) * 1000 },
      }),
    );
  }
  const [small, large] = [sizes[sizes.length - 2]!, sizes[sizes.length - 1]!];
  const growth = perItem[large]! / perItem[small]!;
  ctx.record({
    kind: 'fixed',
    suite: SUITE,
    name: 'growth per item',
    text: `${fmt(growth)}× the time per item at ${large.toLocaleString('en')} as at ${small.toLocaleString('en')} (1 = linear, ${large / small} = quadratic)`,
    values: { growth, from: small, to: large },
  });
}
