// Every UI string, in one catalogue with a Chinese and an English entry. Chinese is the default
// for now; a later issue adds the language switch (settings key ui.language).

export type Language = 'zh' | 'en';
export const DEFAULT_LANGUAGE: Language = 'zh';

export interface Strings {
  /** BCP 47 tag for the document's lang attribute. */
  lang: string;
  appName: string;
  skipToContent: string;
  loading: string;
  loadingInitiative: string;
  meta: {
    label: string;
    source: string;
    column: string;
    published: string;
    author: string;
    editor: string;
    graphics: string;
  };
  themeLine: string;
  lead: string;
  authorNote: string;
  outlineLabel: string;
  overview: string;
  themeLabel: (ordinal: number) => string;
  initiativeTitle: (numeral: string, headline: string) => string;
  overviewTitle: string;
  overviewIntro: (themes: number, initiatives: number) => string;
  listsTitle: string;
  listsInInitiative: string;
  /** Title of a stated enumeration, e.g. 8大新兴产业. */
  listTitle: (count: number, label: string) => string;
  listStatedIn: string;
  previous: string;
  next: string;
  backToOverview: string;
  noPlans: string;
  retry: string;
  errorTitle: string;
  /** The failed call's code and contract method, e.g. NOT_FOUND (initiative.get). */
  errorCode: (code: string, method: string) => string;
  failed: {
    loadPlan: string;
    loadInitiative: string;
  };
  unreachable: string;
  unauthorizedTitle: string;
  unauthorizedBody: string;
  notFound: string;
  documentTitle: (page: string | null) => string;
}

const ZH_NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1–99 as Chinese numerals (一, 十二, 二十三), enough for theme numbers. */
function zhNumber(n: number): string {
  if (n <= 10) return ZH_NUMERALS[n] ?? String(n);
  if (n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : ZH_NUMERALS[tens]}十${ones ? ZH_NUMERALS[ones] : ''}`;
}

const zh: Strings = {
  lang: 'zh-CN',
  appName: '简报本',
  skipToContent: '跳到正文',
  loading: '正在载入…',
  loadingInitiative: '正在载入举措…',
  meta: {
    label: '出处',
    source: '来源',
    column: '栏目',
    published: '发布时间',
    author: '作者',
    editor: '编辑',
    graphics: '制图',
  },
  themeLine: '主题主线',
  lead: '导语',
  authorNote: '作者简介',
  outlineLabel: '计划大纲',
  overview: '概览',
  themeLabel: (n) => `主题${zhNumber(n)}`,
  initiativeTitle: (numeral, headline) => `${numeral} ${headline}`,
  overviewTitle: '计划概览',
  overviewIntro: (themes, initiatives) => `${themes}个方面，${initiatives}项举措`,
  listsTitle: '文中列举',
  listsInInitiative: '本条列举',
  listTitle: (count, label) => `${count}大${label}`,
  listStatedIn: '出自',
  previous: '上一条',
  next: '下一条',
  backToOverview: '返回概览',
  noPlans: '还没有任何计划。',
  retry: '重试',
  errorTitle: '出错了',
  errorCode: (code, method) => `错误代码：${code}（${method}）`,
  failed: {
    loadPlan: '无法载入计划',
    loadInitiative: '无法载入这条举措',
  },
  unreachable: '无法连接到简报本的后台。',
  unauthorizedTitle: '需要访问密钥',
  unauthorizedBody: '此页面需要使用 `npm run serve` 打印出的地址打开（地址中带有一次性密钥）。',
  notFound: '没有找到这条内容。',
  documentTitle: (page) => (page ? `${page} · 简报本` : '简报本'),
};

const en: Strings = {
  lang: 'en',
  appName: 'Briefbook',
  skipToContent: 'Skip to content',
  loading: 'Loading…',
  loadingInitiative: 'Loading initiative…',
  meta: {
    label: 'Source details',
    source: 'Source',
    column: 'Column',
    published: 'Published',
    author: 'Author',
    editor: 'Editor',
    graphics: 'Graphics',
  },
  themeLine: 'Theme line',
  lead: 'Lead',
  authorNote: 'About the author',
  outlineLabel: 'Plan outline',
  overview: 'Overview',
  themeLabel: (n) => `Theme ${n}`,
  initiativeTitle: (numeral, headline) => `${numeral} ${headline}`,
  overviewTitle: 'Plan overview',
  overviewIntro: (themes, initiatives) => `${themes} themes, ${initiatives} initiatives`,
  listsTitle: 'Lists in the text',
  listsInInitiative: 'Lists in this initiative',
  listTitle: (count, label) => `${count} ${label}`,
  listStatedIn: 'From',
  previous: 'Previous',
  next: 'Next',
  backToOverview: 'Back to overview',
  noPlans: 'There are no plans yet.',
  retry: 'Try again',
  errorTitle: 'Something went wrong',
  errorCode: (code, method) => `Error code: ${code} (${method})`,
  failed: {
    loadPlan: 'Could not load the plan',
    loadInitiative: 'Could not load this initiative',
  },
  unreachable: 'Could not reach the Briefbook backend.',
  unauthorizedTitle: 'Access key needed',
  unauthorizedBody: 'This page needs the address printed by `npm run serve` (it carries a one-time key).',
  notFound: 'This item was not found.',
  documentTitle: (page) => (page ? `${page} · Briefbook` : 'Briefbook'),
};

export const CATALOGUE: Record<Language, Strings> = { zh, en };
