// The bench corpus generator: reproducible from its seed, lazy for notes, and producing plans
// the real article parser reads back exactly (so benchmarks measure valid plans).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../electron/core/plan/parse-article';
import { parseSmallNumber } from '../../electron/core/plan/chinese-numerals';
import {
  articleText,
  BODY_MAX,
  BODY_MIN,
  benchPlanId,
  chineseNumeral,
  generateNotes,
  generatePlan,
  generatePlans,
  NOTE_MAX,
  NOTE_MIN,
  type CorpusShape,
} from './corpus';
import { POLICY_TERMS } from './vocabulary';

const SHAPE: CorpusShape = { plans: 40, themesPerPlan: 5, initiativesPerTheme: 10 };

function digest(items: Iterable<unknown>, n: number): string {
  const hash = createHash('sha256');
  let k = 0;
  for (const item of items) {
    if (k++ === n) break;
    hash.update(JSON.stringify(item));
  }
  return hash.digest('hex');
}

describe('bench corpus: determinism', () => {
  it('the same seed gives the same plans and notes in two runs', () => {
    expect(digest(generatePlans(7, SHAPE), 20)).toBe(digest(generatePlans(7, SHAPE), 20));
    expect(digest(generateNotes(7, 2000, SHAPE), 2000)).toBe(digest(generateNotes(7, 2000, SHAPE), 2000));
  });

  it('a different seed gives different plans and notes', () => {
    expect(digest(generatePlans(8, SHAPE), 20)).not.toBe(digest(generatePlans(7, SHAPE), 20));
    expect(digest(generateNotes(8, 2000, SHAPE), 2000)).not.toBe(digest(generateNotes(7, 2000, SHAPE), 2000));
  });

  it('plan k generated on its own equals plan k of the sequence', () => {
    const all = [...generatePlans(3, SHAPE)];
    expect(generatePlan(3, 17, SHAPE)).toEqual(all[17]);
    expect(all[16]).not.toEqual(all[17]);
  });
});

describe('bench corpus: plans', () => {
  const plans = [...generatePlans(20240511, SHAPE)];

  it('has the stated shape and stable ids like bench-000123/T2/I7', () => {
    expect(benchPlanId(123)).toBe('bench-000123');
    expect(plans).toHaveLength(SHAPE.plans);
    plans.forEach((p, k) => {
      expect(p.meta.id).toBe(benchPlanId(k));
      expect(p.themes.map((t) => t.id)).toEqual([1, 2, 3, 4, 5].map((t) => `${p.meta.id}/T${t}`));
      expect(p.initiatives).toHaveLength(SHAPE.themesPerPlan * SHAPE.initiativesPerTheme);
      for (const i of p.initiatives) {
        expect(i.id).toBe(`${i.themeId}/I${i.ordinal}`);
        expect(i.numeral).toBe(`第${chineseNumeral(i.ordinal)}`);
      }
    });
  });

  it('initiative bodies are Chinese policy prose of 150–300 characters', () => {
    const ideographs = /[\u4e00-\u9fff]/g;
    const chinese = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\u201c\u201d]/g;
    let withTerm = 0;
    for (const i of plans.flatMap((p) => p.initiatives)) {
      expect(i.body.length).toBeGreaterThanOrEqual(BODY_MIN);
      expect(i.body.length).toBeLessThanOrEqual(BODY_MAX);
      expect(i.body).toMatch(/。$/);
      expect(i.body).toContain('，');
      expect((i.body.match(ideographs) ?? []).length / i.body.length).toBeGreaterThan(0.65);
      expect((i.body.match(chinese) ?? []).length / i.body.length).toBeGreaterThan(0.8);
      if (POLICY_TERMS.some((t) => i.body.includes(t))) withTerm++;
    }
    expect(withTerm).toBe(plans.length * 50);
  });

  it('states lists whose counts match their items, in the initiative text', () => {
    const lists = plans.flatMap((p) => p.lists);
    expect(lists.length).toBeGreaterThan(10);
    for (const p of plans) {
      for (const l of p.lists) {
        expect(l.items).toHaveLength(l.statedCount);
        const body = p.initiatives.find((i) => i.id === l.initiativeId)!.body;
        expect(body).toContain(`${l.items.map((x) => x.text).join('、')}等`);
        expect(body).toMatch(new RegExp(`等(${l.statedCount}|${chineseNumeral(l.statedCount)})大${l.label}`));
      }
    }
  });

  it('each plan’s article parses back to exactly the generated document', () => {
    for (const p of plans) expect(parseArticle(articleText(p), { planId: p.meta.id })).toEqual(p);
  });
});

describe('bench corpus: notes', () => {
  it('are generated lazily: the first few of a practically endless stream come at once', () => {
    // An eager generator would never return here (and run out of memory trying).
    const stream = generateNotes(1, Number.MAX_SAFE_INTEGER, SHAPE);
    const first = [stream.next(), stream.next()];
    expect(first.map((step) => step.done)).toEqual([false, false]);
    for (const step of first) expect(step.value).toMatchObject({ initiativeId: expect.stringMatching(/^bench-\d{6}\/T\d+\/I\d+$/) });
  });

  it('point at initiatives of the corpus, mix Chinese with English, and move forward in time', () => {
    const notes = [...generateNotes(5, 3000, SHAPE)];
    let latin = 0;
    let last = '';
    for (const n of notes) {
      const m = /^bench-(\d{6})\/T(\d+)\/I(\d+)$/.exec(n.initiativeId);
      expect(m, n.initiativeId).not.toBeNull();
      expect(Number(m![1])).toBeLessThan(SHAPE.plans);
      expect(Number(m![2])).toBeGreaterThanOrEqual(1);
      expect(Number(m![2])).toBeLessThanOrEqual(SHAPE.themesPerPlan);
      expect(Number(m![3])).toBeGreaterThanOrEqual(1);
      expect(Number(m![3])).toBeLessThanOrEqual(SHAPE.initiativesPerTheme);
      expect(n.body.length).toBeGreaterThanOrEqual(NOTE_MIN);
      expect(n.body.length).toBeLessThanOrEqual(NOTE_MAX);
      expect(n.body).toMatch(/[\u4e00-\u9fff]/);
      if (/[A-Za-z]{3}/.test(n.body)) latin++;
      expect(n.createdAt > last).toBe(true);
      expect(new Date(n.createdAt).toISOString()).toBe(n.createdAt);
      last = n.createdAt;
    }
    expect(latin).toBeGreaterThan(notes.length / 4);
    expect(latin).toBeLessThan(notes.length);
  });
});

describe('chineseNumeral', () => {
  it('writes 1…99 the way the parser reads them', () => {
    expect([1, 9, 10, 12, 20, 35, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十二', '二十', '三十五', '九十九']);
    for (let n = 1; n <= 99; n++) expect(parseSmallNumber(chineseNumeral(n))).toBe(n);
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
  });
});
