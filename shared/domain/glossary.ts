// The recurring policy terms of Chinese plans, each with ONE English rendering and a one-line
// explanation for a reader who does not know the term. The shipped translations use exactly
// these renderings (tests/core/glossary.test.ts checks every aligned sentence pair), and the
// reading views mark them in English text with the explanation on hover.

export interface GlossaryTerm {
  /** The term as the Chinese text writes it. */
  zh: string;
  /** Its one rendering in English, as the translation writes it. */
  en: string;
  /** Inflected forms the translation may use instead (plural), still this rendering. */
  variants?: readonly string[];
  /** What the term means, in one line. */
  note: string;
}

export const POLICY_GLOSSARY: readonly GlossaryTerm[] = [
  {
    zh: '中国式现代化',
    en: 'Chinese modernization',
    note: 'The official name for China’s own path to modernization, set out at the 20th Party Congress in 2022.',
  },
  {
    zh: '主题主线',
    en: 'main theme',
    note: 'The slogan a city or ministry sets for a year’s work, under which all its tasks are grouped.',
  },
  {
    zh: '高质量发展',
    en: 'high-quality development',
    note: 'Growth judged by innovation, efficiency and sustainability rather than by speed alone.',
  },
  {
    zh: '新质生产力',
    en: 'new quality productive forces',
    note: 'Productivity driven by new technology and innovation rather than by more labour, land and capital (coined in 2023).',
  },
  {
    zh: '营商环境',
    en: 'business environment',
    note: 'The conditions firms meet: approvals, government services, fair competition, costs and the rule of law.',
  },
  {
    zh: '共同富裕',
    en: 'common prosperity',
    note: 'The goal of narrowing income, urban–rural and regional gaps; Zhejiang is the national pilot zone.',
  },
  {
    zh: '共富蛋糕',
    en: 'wealth to be shared under common prosperity',
    note: 'Literally the “common-prosperity cake”: the wealth created first, so that it can then be shared more fairly.',
  },
  {
    zh: '八八战略',
    en: 'Double-Eight Strategy',
    note: 'Zhejiang’s development strategy of 2003: eight advantages to build on and eight measures to take.',
  },
  {
    zh: '两个先行',
    en: 'pioneering common prosperity and modernization',
    note: 'Zhejiang’s aim to lead the country in reaching common prosperity and in modernizing a whole province.',
  },
  {
    zh: '头雁',
    en: 'lead goose',
    note: 'The goose at the head of the flock: a front-runner that sets the course for others.',
  },
  {
    zh: '无废城市',
    en: 'zero-waste city',
    variants: ['zero-waste cities'],
    note: 'A national pilot programme to cut solid waste at source and to recycle and safely treat the rest.',
  },
  {
    zh: '硬核',
    en: 'robust',
    note: 'Literally “hard core”: solid, substantive capability rather than appearance.',
  },
  {
    zh: '标志性',
    en: 'landmark',
    note: 'Standing out as a symbol of a place’s achievements, recognizable at a glance.',
  },
  {
    zh: '亚(残)运',
    en: 'Asian Games and Asian Para Games',
    note: 'The 19th Asian Games and the 4th Asian Para Games, held in Hangzhou in 2023.',
  },
  {
    zh: '绿水青山就是金山银山',
    en: 'lucid waters and lush mountains are invaluable assets',
    note: 'Xi Jinping’s 2005 saying from Zhejiang that a protected environment is itself wealth.',
  },
  {
    zh: '乡村振兴',
    en: 'rural revitalization',
    note: 'The national strategy (since 2017) for rural industry, living conditions and governance.',
  },
];

/** Every English form of a term (its rendering first, then its variants). */
export function englishForms(term: GlossaryTerm): string[] {
  return [term.en, ...(term.variants ?? [])];
}
