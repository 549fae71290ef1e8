// One glossary, one rendering per term: wherever the Chinese of an aligned pair (title, main
// theme, lead sentence, theme, headline, body sentence, list item) uses a glossary term, its
// English uses that term's rendering; and the renderings the issue retired are gone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../electron/core/plan/parse-article';
import { englishForms, POLICY_GLOSSARY } from '../../shared/domain/glossary';
import type { PlanTranslation } from '../../shared/domain/translation';
import { chineseSentences } from '../../renderer/src/reading/sentences';
import { EMBEDDED_PLAN_FILE, RESOURCES_DIR } from '../helpers/paths';

const plan = parseArticle(readFileSync(EMBEDDED_PLAN_FILE, 'utf8'), { planId: 'hz-2024' });
const en = JSON.parse(readFileSync(join(RESOURCES_DIR, 'plans', 'hangzhou-2024-05-11.en.json'), 'utf8')) as PlanTranslation;

/** Every aligned pair of the plan and its English, with where it is. */
function alignedPairs(): Array<{ where: string; zh: string; en: string }> {
  const pairs = [
    { where: 'title', zh: plan.meta.title, en: en.meta.title },
    { where: 'main theme', zh: plan.meta.themeLine ?? '', en: en.meta.themeLine ?? '' },
    ...chineseSentences(plan.meta.lead ?? '').map((zh, i) => ({ where: `lead ${i}`, zh, en: en.meta.lead[i] ?? '' })),
    ...plan.themes.map((t) => ({ where: t.id, zh: t.headline, en: en.themes[t.id] ?? '' })),
  ];
  for (const item of plan.initiatives) {
    const english = en.initiatives[item.id]!;
    pairs.push({ where: `${item.id} headline`, zh: item.headline, en: english.headline });
    chineseSentences(item.body).forEach((zh, i) => pairs.push({ where: `${item.id} sentence ${i + 1}`, zh, en: english.body[i] ?? '' }));
  }
  return pairs;
}

describe('the policy glossary', () => {
  it('gives each Chinese term one rendering and a one-line note', () => {
    expect(new Set(POLICY_GLOSSARY.map((t) => t.zh)).size).toBe(POLICY_GLOSSARY.length);
    for (const term of POLICY_GLOSSARY) {
      expect(term.en.trim(), term.zh).not.toBe('');
      expect(term.note, term.zh).not.toMatch(/\n/);
      expect(term.note.length, term.zh).toBeLessThan(140);
    }
  });

  it('covers the recurring terms the issue names', () => {
    const names = POLICY_GLOSSARY.map((t) => t.zh);
    for (const zh of ['新质生产力', '营商环境', '共同富裕', '八八战略', '两个先行', '头雁', '无废城市']) expect(names).toContain(zh);
  });

  it('is what the shipped translation uses wherever the Chinese uses a term', () => {
    const misses: string[] = [];
    let uses = 0;
    for (const pair of alignedPairs()) {
      for (const term of POLICY_GLOSSARY) {
        if (!pair.zh.includes(term.zh)) continue;
        uses++;
        const english = pair.en.toLowerCase();
        if (!englishForms(term).some((form) => english.includes(form.toLowerCase())))
          misses.push(`${pair.where}: ${term.zh} should read “${term.en}” in: ${pair.en}`);
      }
    }
    expect(misses).toEqual([]);
    // Every term of the glossary occurs in the plan: it is this plan's vocabulary, not a wish list.
    expect(uses).toBeGreaterThanOrEqual(POLICY_GLOSSARY.length);
  });

  it('has retired the opaque and inconsistent renderings', () => {
    const text = JSON.stringify(en);
    for (const retired of ['Two Firsts', 'hard-core', 'recognizability', 'iconic', 'cake', 'Asian (Para) Games']) {
      expect(text, retired).not.toContain(retired);
    }
  });
});

describe('the English rendering reads as English', () => {
  it('translates 探索 in the title and 熟练 in T3·I2', () => {
    expect(en.meta.title).toMatch(/exploring/i);
    expect(en.initiatives['hz-2024/T3/I2']!.body[1]).toMatch(/skilful/i);
  });

  it('keeps every English sentence under 80 words (long Chinese sentences split inside their aligned pair)', () => {
    const long: string[] = [];
    for (const pair of alignedPairs()) {
      // An English sentence ends with . ! ? or : before a capital or an opening quote.
      for (const sentence of pair.en.split(/(?<=[.!?:])\s+(?=[A-Z“])/)) {
        const words = sentence.split(/\s+/).length;
        if (words > 80) long.push(`${pair.where}: ${words} words`);
      }
    }
    expect(long).toEqual([]);
  });
});
