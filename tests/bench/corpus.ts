// Deterministic synthetic corpus for benchmarks: plans shaped like the embedded Hangzhou
// article (themes headed 在…中…, initiatives 第一、…, enumerations with stated counts) and a
// lazy stream of reader notes. Plan k depends only on (seed, k), so any plan can be made on
// its own; notes come from one sequential stream and are never held in memory all at once.
import type { Initiative, PlanDocument, PlanList, PlanMeta, Theme } from '../../shared/domain/plan';
import { reassembleArticle } from '../../electron/core/plan/reassemble';
import { deriveSeed, Prng } from './prng';
import * as V from './vocabulary';

export interface CorpusShape {
  plans: number;
  themesPerPlan: number;
  initiativesPerTheme: number;
}

/** 2,000 plans × 5 themes × 10 initiatives = 100k initiatives. */
export const DEFAULT_SHAPE: CorpusShape = { plans: 2000, themesPerPlan: 5, initiativesPerTheme: 10 };
export const DEFAULT_NOTES = 1_000_000;
export const DEFAULT_SEED = 20240511;

/** Initiative bodies stay within these lengths (characters, punctuation included). */
export const BODY_MIN = 150;
export const BODY_MAX = 300;
/** Note bodies stay within these lengths. */
export const NOTE_MIN = 60;
export const NOTE_MAX = 200;

/** Chance that an initiative states an enumeration (the Hangzhou plan: 2 of 15). */
const LIST_CHANCE = 0.06;
const NOTES_STREAM = 0x6e6f7465;

export function benchPlanId(index: number): string {
  return `bench-${String(index).padStart(6, '0')}`;
}

const DIGITS = '一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 35 → 三十五 (1…99), the way plans number their items. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no small Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  const unit = units ? DIGITS[units - 1]! : '';
  if (tens === 0) return unit;
  return `${tens === 1 ? '' : DIGITS[tens - 1]!}十${unit}`;
}

export function generatePlan(seed: number, index: number, shape: CorpusShape = DEFAULT_SHAPE): PlanDocument {
  const r = new Prng(deriveSeed(seed, index));
  const id = benchPlanId(index);
  const city = r.pick(V.CITIES);
  const [areaA, areaB] = r.sample(V.REFORM_AREAS, 2) as [string, string];
  const themeLine = `${areaA}、${areaB}`;
  const year = r.between(2019, 2025);

  const themes: Theme[] = [];
  const initiatives: Initiative[] = [];
  const lists: PlanList[] = [];
  for (let t = 1; t <= shape.themesPerPlan; t++) {
    const theme: Theme = { id: `${id}/T${t}`, planId: id, ordinal: t, headline: themeHeadline(r, city) };
    themes.push(theme);
    for (let k = 1; k <= shape.initiativesPerTheme; k++) {
      const initiativeId = `${theme.id}/I${k}`;
      const listId = `${id}/L${lists.length + 1}`;
      const enumeration = r.chance(LIST_CHANCE) ? makeEnumeration(r, listId, id, initiativeId, lists.length + 1) : null;
      if (enumeration) lists.push(enumeration.list);
      initiatives.push({
        id: initiativeId,
        themeId: theme.id,
        ordinal: k,
        numeral: `第${chineseNumeral(k)}`,
        headline: initiativeHeadline(r),
        body: body(r, city, year, enumeration?.sentence ?? null),
      });
    }
  }

  const meta: PlanMeta = {
    id,
    title: title(r, city, themeLine, year),
    column: r.chance(0.7) ? r.pick(V.COLUMNS) : null,
    publishedAt: timestamp(r, year),
    source: r.pick(V.PUBLICATIONS),
    author: personName(r),
    editor: personName(r),
    graphics: r.chance(0.6) ? personName(r) : null,
    tags: r.sample(V.POLICY_TERMS, r.between(2, 4)),
    themeLine,
    lead:
      `${year - 1}年${city}全市上下${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}，${r.pick(V.GOALS)}。` +
      `${year}年${city}将${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}，紧扣“${themeLine}”主题主线，` +
      `主要从以下${chineseNumeral(shape.themesPerPlan)}方面进行重点探索：`,
    authorNote: r.chance(0.7) ? `作者系${r.pick(V.INSTITUTIONS)}${r.pick(V.ROLES)}` : null,
    language: 'zh',
  };
  return { meta, themes, initiatives, lists };
}

/** Plans 0…shape.plans-1, one at a time. */
export function* generatePlans(seed: number, shape: CorpusShape = DEFAULT_SHAPE): Generator<PlanDocument> {
  for (let i = 0; i < shape.plans; i++) yield generatePlan(seed, i, shape);
}

/** The article a plan would be imported from: page chrome, then the printed text. */
export function articleText(doc: PlanDocument): string {
  const chrome = doc.meta.column === null ? [] : ['返 回', `所在位置: ${doc.meta.column}`];
  return [...chrome, reassembleArticle(doc)].join('\n');
}

export interface ReaderNote {
  initiativeId: string;
  body: string;
  /** ISO 8601, UTC; increasing through the stream. */
  createdAt: string;
}

/** `count` notes on initiatives of a corpus of this shape, generated lazily. */
export function* generateNotes(seed: number, count: number, shape: CorpusShape = DEFAULT_SHAPE): Generator<ReaderNote> {
  const r = new Prng(deriveSeed(seed, NOTES_STREAM));
  let at = Date.UTC(2024, 0, 1);
  for (let n = 0; n < count; n++) {
    // Readers return to a few plans: skew towards the first ones.
    const plan = Math.floor(shape.plans * r.next() ** 2);
    const theme = r.between(1, shape.themesPerPlan);
    const initiative = r.between(1, shape.initiativesPerTheme);
    at += r.between(1, 120) * 1000;
    yield { initiativeId: `${benchPlanId(plan)}/T${theme}/I${initiative}`, body: noteBody(r), createdAt: new Date(at).toISOString() };
  }
}

function personName(r: Prng): string {
  return r.pick(V.SURNAMES) + r.sample(V.GIVEN_CHARS, r.between(1, 2)).join('');
}

function timestamp(r: Prng, year: number): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${year}-${two(r.between(1, 12))}-${two(r.between(1, 28))} ${two(r.between(6, 22))}:${two(r.int(60))}:${two(r.int(60))}`;
}

function title(r: Prng, city: string, themeLine: string, year: number): string {
  switch (r.int(3)) {
    case 0:
      return `聚焦“${themeLine}”主题主线 探索${city}打造${r.pick(V.POLICY_TERMS)}新高地的新思路`;
    case 1:
      return `${city}市${year}年${r.pick(V.POLICY_TERMS)}工作要点解读`;
    default:
      return `奋力推进${r.pick(V.POLICY_TERMS)} ${city}${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}的实践与思考`;
  }
}

/** Theme headlines never end in 。 (the parser tells them from initiatives that way). */
function themeHeadline(r: Prng, city: string): string {
  const area = r.pick(V.REFORM_AREAS);
  switch (r.int(4)) {
    case 0:
      return `在${area}中破除制约${r.pick(V.POLICY_TERMS)}的${r.pick(V.MECHANISMS)}障碍`;
    case 1:
      return `在${area}中补齐影响${r.pick(V.POLICY_TERMS)}的突出短板`;
    case 2:
      return `在${area}中把握${r.pick(V.POLICY_TERMS)}新机遇`;
    default:
      return `在推进${r.pick(V.POLICY_TERMS)}中打造${city}“${r.pick(V.POLICY_TERMS)}”样板`;
  }
}

function initiativeHeadline(r: Prng): string {
  switch (r.int(5)) {
    case 0:
      return `${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}${r.pick(V.MECHANISMS)}`;
    case 1:
      return `补齐${r.pick(V.POLICY_TERMS)}短板`;
    case 2:
      return `打造“${r.pick(V.POLICY_TERMS)}”之城`;
    case 3:
      return `推动${r.pick(V.POLICY_TERMS)}与${r.pick(V.POLICY_TERMS)}深度融合`;
    default:
      return `${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}，${r.pick(V.GOALS)}`;
  }
}

const sentences: ((r: Prng, city: string, year: number) => string)[] = [
  (r, city) =>
    `${city}应${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}，在${r.pick(V.POLICY_TERMS)}、${r.pick(V.POLICY_TERMS)}等方面出实招立新规，${r.pick(V.GOALS)}。`,
  (r) => `围绕${r.pick(V.POLICY_TERMS)}和${r.pick(V.POLICY_TERMS)}，${r.pick(V.ACTION_VERBS)}${r.pick(V.MECHANISMS)}，推动${r.pick(V.ACTORS)}广泛参与。`,
  (r) =>
    `以${r.pick(V.POLICY_TERMS)}为引领，以${r.pick(V.POLICY_TERMS)}为支撑，${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}${r.pick(V.MECHANISMS)}。`,
  (r, _city, year) => `到${year + r.between(1, 5)}年，${r.pick(V.MEASURES)}年均增长${r.between(3, 15)}%以上，${r.pick(V.POLICY_TERMS)}水平显著提升。`,
  (r) => `要坚持问题导向，着力破解${r.pick(V.POLICY_TERMS)}中遇到的堵点痛点问题，${r.pick(V.GOALS)}。`,
  (r) =>
    `在${r.pick(V.POLICY_TERMS)}方面，支持${r.pick(V.ACTORS)}和${r.pick(V.ACTORS)}联合开展${r.pick(V.POLICY_TERMS)}攻关，${r.pick(V.GOALS)}。`,
  (r) => `${r.pick(V.ACTION_VERBS)}“${r.pick(V.POLICY_TERMS)}”${r.pick(V.MECHANISMS)}，健全${r.pick(V.POLICY_TERMS)}与${r.pick(V.POLICY_TERMS)}协同推进的工作格局。`,
  (r) => `聚焦“${r.pick(V.REFORM_AREAS)}”要求，${r.pick(V.ACTION_VERBS)}${r.pick(V.POLICY_TERMS)}，${r.pick(V.GOALS)}。`,
  (r) => `全年计划完成${r.pick(V.POLICY_TERMS)}投资${r.between(20, 900)}亿元，新增重大项目${r.between(5, 120)}个。`,
  (r) => `加强${r.pick(V.POLICY_TERMS)}领域的制度供给，该出台的及时出台、该修订的及时修订，为${r.pick(V.ACTORS)}提供稳定预期。`,
];

/** Every sentence (enumerations included) is under 150 = BODY_MIN = BODY_MAX - BODY_MIN
 * characters, so stopping when the next one would pass BODY_MAX always leaves at least
 * BODY_MIN, and an enumeration placed first or second is always reached and always fits. */
function body(r: Prng, city: string, year: number, enumeration: string | null): string {
  const target = r.between(BODY_MIN, BODY_MAX);
  const at = enumeration === null ? -1 : r.int(2);
  let text = '';
  for (let n = 0; text.length < target; n++) {
    const s = n === at ? enumeration! : r.pick(sentences)(r, city, year);
    if (text.length + s.length > BODY_MAX) {
      if (n === at) throw new Error('enumeration sentence placed past the body limit');
      break;
    }
    text += s;
  }
  return text;
}

const LEAD_INS = ['积极培育发展', '超前布局', '加快建设', '着力打造', '重点推进', '聚焦'] as const;

function makeEnumeration(
  r: Prng,
  listId: string,
  planId: string,
  initiativeId: string,
  ordinal: number,
): { list: PlanList; sentence: string } {
  const kind = r.pick(V.ENUMERATIONS);
  const items = r.sample(kind.items, r.between(3, Math.min(9, kind.items.length)));
  const count = r.chance(0.5) ? String(items.length) : chineseNumeral(items.length);
  const sentence = `${r.pick(LEAD_INS)}${items.join('、')}等${count}大${kind.label}，${r.pick(V.GOALS)}。`;
  return {
    sentence,
    list: {
      id: listId,
      planId,
      initiativeId,
      ordinal,
      label: kind.label,
      statedCount: items.length,
      items: items.map((text, k) => ({ id: `${listId}/${k + 1}`, listId, ordinal: k + 1, text })),
    },
  };
}

function noteBody(r: Prng): string {
  // The longest fragment is under 45 characters, so the note ends at most NOTE_MAX long.
  const target = r.between(NOTE_MIN, NOTE_MAX - 45);
  let text = '';
  // The first fragment is always Chinese: English only ever mixes into a Chinese note.
  for (let n = 0; text.length < target; n++) {
    switch (n === 0 ? 0 : r.int(4)) {
      case 0:
        text += `关于${r.pick(V.POLICY_TERMS)}：${r.pick(V.NOTE_ZH)}。`;
        break;
      case 1:
        text += `${r.pick(V.NOTE_EN)}; `;
        break;
      case 2:
        text += `${r.pick(V.NOTE_ZH)}，${r.pick(V.NOTE_EN)}。`;
        break;
      default:
        text += `“${r.pick(V.POLICY_TERMS)}”${r.pick(V.NOTE_ZH)}。`;
    }
  }
  return text.trimEnd();
}
