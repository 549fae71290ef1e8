// Fixture data for component tests, shaped by the contract types. Titles, headlines, the
// lists and the bodies of hz-2024/T1/I1 and hz-2024/T3/I3 are the embedded plan's own; other
// bodies are short stand-ins. The English is the shipped translation file, with stand-in
// English for the stand-in bodies (one sentence each, like their Chinese).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { InitiativeDetail, PlanOutline, PlanSummary } from '../../shared/api/contract';
import type { Initiative, PlanList, PlanMeta } from '../../shared/domain/plan';
import type { PlanTranslation } from '../../shared/domain/translation';

export const PLAN_ID = 'hz-2024';
export const LISTS_INITIATIVE_ID = 'hz-2024/T3/I3';

export const META: PlanMeta = {
  id: 'hz-2024',
  title: '聚焦“深化改革、强基固本”主题主线 探索杭州打造中国式现代化城市范例的新思路',
  column: '杭州有理',
  publishedAt: '2024-05-11 15:55:53',
  source: '杭州日报',
  author: '赵亚东',
  editor: '程慧雨',
  graphics: '王璟',
  tags: ['杭州有理', '理论宣传'],
  themeLine: '深化改革、强基固本',
  lead: '2023年杭州全市上下牢记嘱托、感恩奋进、众志成城,打赢了亚(残)运攻坚战和经济翻身仗“两场硬仗”,开启了杭州拥抱世界的新篇章,创下了杭州高质量发展的新辉煌。2024年杭州将持续放大亚运效应,以迈入世界超大城市为契机,持续打造中国式现代化城市范例,立足新征程新定位新使命,紧扣“深化改革、强基固本”主题主线,主要从以下五方面进行重点探索:',
  authorNote: '作者系杭州市政协事业发展服务中心、杭州市政协委员工作委员会助理研究员',
  language: 'zh',
};

const NUMERALS = ['第一', '第二', '第三'];

const THEMES: Array<[string, string[]]> = [
  ['在深化改革中破除制约高质量发展的体制机制障碍', ['建立解难题促发展政策机制', '营造市场化、法治化、国际化一流营商环境', '优化惠民生保稳定政策服务体系']],
  ['在强基固本中补齐影响高质量发展的突出短板', ['补齐制造业比重偏低的短板', '补齐科技“硬核”支撑力度不足的短板', '补齐治理超大城市经验不足的短板']],
  ['在顺应大势中把握培育发展新质生产力', ['培育新质生产力,掌握发展主动权', '打造适应新质生产力发展需要的创新人才队伍', '大力发展战略性新兴产业,布局未来产业']],
  ['在深度推进绿色发展中打造中国式现代化范例城市“美丽样板”', ['打造“绿色生活”之城', '打造“绿色风貌”之城', '打造“绿色产业”之城']],
  ['在通往共同富裕的征途中绘就中国式现代化范例城市“生动图景”', ['以笃行实干做大共富蛋糕', '以创新方式方法推动高质量发展', '以奋进“两个先行”展现头雁风采']],
];

const LISTS: Array<[string, string[]]> = [
  ['新兴产业', ['新一代信息技术', '新能源', '新材料', '高端装备', '新能源汽车', '绿色环保', '民用航空', '船舶与海洋工程装备']],
  ['未来产业', ['元宇宙', '脑机接口', '量子信息', '人形机器人', '生成式人工智能', '生物制造', '未来显示', '未来网络', '新型储能']],
];

export const LIST_BODY = '杭州要顺应中国新兴产业战略整体布局,结合实际向“新”而行,通过加强基础科学研究、强化科技赋能等硬核手段,积极培育发展新一代信息技术、新能源、新材料、高端装备、新能源汽车、绿色环保、民用航空、船舶与海洋工程装备等8大新兴产业,超前布局元宇宙、脑机接口、量子信息、人形机器人、生成式人工智能、生物制造、未来显示、未来网络、新型储能等9大未来产业。';

export const EMERGING_INDUSTRIES = LISTS[0]![1];
export const FUTURE_INDUSTRIES = LISTS[1]![1];

const lists: PlanList[] = LISTS.map(([label, items], li) => ({
  id: `${PLAN_ID}/L${li + 1}`,
  planId: PLAN_ID,
  initiativeId: LISTS_INITIATIVE_ID,
  ordinal: li + 1,
  label,
  statedCount: items.length,
  items: items.map((text, ii) => ({ id: `${PLAN_ID}/L${li + 1}/${ii + 1}`, listId: `${PLAN_ID}/L${li + 1}`, ordinal: ii + 1, text })),
}));

export const OUTLINE: PlanOutline = {
  meta: META,
  themes: THEMES.map(([headline, initiatives], ti) => ({
    id: `${PLAN_ID}/T${ti + 1}`,
    planId: PLAN_ID,
    ordinal: ti + 1,
    headline,
    initiatives: initiatives.map((h, ii) => ({
      id: `${PLAN_ID}/T${ti + 1}/I${ii + 1}`,
      ordinal: ii + 1,
      numeral: NUMERALS[ii]!,
      headline: h,
    })),
  })),
  lists,
};

export const SUMMARY: PlanSummary = {
  id: PLAN_ID,
  title: META.title,
  publishedAt: META.publishedAt,
  source: META.source,
  author: META.author,
  themeCount: 5,
  initiativeCount: 15,
};

/** hz-2024/T1/I1's own body: two sentences, each ending in 。 */
export const TWO_SENTENCE_ID = 'hz-2024/T1/I1';
export const TWO_SENTENCE_BODY =
  '杭州应及时建章立制,该出台的政策制度及时出台、该修订的及时修订、该废止的果断废止,以“猛药去疴、重典治乱”的决心和“刮骨疗毒、壮士断腕”的勇气,直面各种体制机制障碍和政策僵化问题。着重在夯实基础、产业转型、资源利用、科技创新、大城市治理等方面出实招立新规,为高质量发展提供制度保障、打开新空间、释放新动能。';

const REAL_BODIES: Record<string, string> = { [LISTS_INITIATIVE_ID]: LIST_BODY, [TWO_SENTENCE_ID]: TWO_SENTENCE_BODY };

/** Body text of an initiative in the fixture. */
export function bodyOf(id: string): string {
  return REAL_BODIES[id] ?? `${id} 的正文。`;
}

// A path, not new URL(…, import.meta.url): under jsdom the global URL is jsdom's, which node:url rejects.
const shipped = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../resources/plans/hangzhou-2024-05-11.en.json'), 'utf8'),
) as PlanTranslation;

/** What plan.translation answers for the fixture plan in English. */
export const TRANSLATION: PlanTranslation = {
  ...shipped,
  initiatives: Object.fromEntries(
    Object.entries(shipped.initiatives).map(([id, en]) => [
      id,
      REAL_BODIES[id] ? en : { headline: en.headline, body: [`The English of ${id}.`] },
    ]),
  ),
};

/** What initiative.get answers for an id in the outline, or undefined. */
export function detailOf(id: string): InitiativeDetail | undefined {
  const order = OUTLINE.themes.flatMap((t) => t.initiatives.map((i) => ({ theme: t, heading: i })));
  const at = order.findIndex((e) => e.heading.id === id);
  const entry = order[at];
  if (!entry) return undefined;
  const { theme, heading } = entry;
  const initiative: Initiative = { ...heading, themeId: theme.id, body: bodyOf(id) };
  return {
    initiative,
    theme: { id: theme.id, planId: PLAN_ID, ordinal: theme.ordinal, headline: theme.headline },
    planId: PLAN_ID,
    lists: lists.filter((l) => l.initiativeId === id),
    previousId: order[at - 1]?.heading.id ?? null,
    nextId: order[at + 1]?.heading.id ?? null,
  };
}
