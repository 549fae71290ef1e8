// The shipped unofficial English rendering of the embedded plan, checked against what the
// parser makes of the Chinese article: every id the app stores has its English, nothing extra,
// and the lead and every initiative body align sentence by sentence with the Chinese, because
// the app shows the two side by side.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../electron/core/plan/parse-article';
import type { PlanDocument } from '../../shared/domain/plan';
import { EMBEDDED_PLAN_FILE, RESOURCES_DIR } from '../helpers/paths';

const PLAN_ID = 'hz-2024';
const TRANSLATION_FILE = join(RESOURCES_DIR, 'plans', 'hangzhou-2024-05-11.en.json');

/** The shape of a plan translation file, as this test expects it. */
interface PlanTranslationFile {
  planId: string;
  language: string;
  unofficial: boolean;
  translator: string;
  meta: {
    title: string;
    column: string;
    source: string;
    author: string;
    editor: string;
    graphics: string;
    tags: string[];
    themeLine: string;
    lead: string[];
    authorNote: string;
  };
  themes: Record<string, string>;
  initiatives: Record<string, { headline: string; body: string[] }>;
  lists: Record<string, { label: string; items: string[] }>;
}

const plan: PlanDocument = parseArticle(readFileSync(EMBEDDED_PLAN_FILE, 'utf8'), { planId: PLAN_ID });
const en = JSON.parse(readFileSync(TRANSLATION_FILE, 'utf8')) as PlanTranslationFile;

/** Chinese sentences: the text split after each 。 (which stays with its sentence); an empty
 *  final piece is ignored, and a tail without 。 (e.g. ending in a colon) is one last sentence. */
function chineseSentences(text: string): string[] {
  const sentences: string[] = [];
  let start = 0;
  for (let at = text.indexOf('。'); at >= 0; at = text.indexOf('。', start)) {
    sentences.push(text.slice(start, at + 1));
    start = at + 1;
  }
  const tail = text.slice(start);
  if (tail.trim() !== '') sentences.push(tail);
  return sentences;
}

/** CJK ideographs (U+4E00–U+9FFF), plus CJK punctuation (U+3000–U+303F, e.g. 。、) and
 *  full-width forms (U+FF00–U+FFEF, e.g. ，：). English curly quotes (U+2018–U+201D) are fine. */
const CJK = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;

/** Every string in the file with a path naming where it is, for readable failures. */
function allStrings(value: unknown, path: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, k) => allStrings(v, `${path}[${k}]`, out));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) allStrings(v, `${path}.${key}`, out);
  }
  return out;
}

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

describe('the sentence split the alignment rule uses', () => {
  it('keeps 。 with its sentence, ignores an empty final piece and keeps an unterminated tail', () => {
    expect(chineseSentences('甲。乙。')).toEqual(['甲。', '乙。']);
    expect(chineseSentences('甲。乙:')).toEqual(['甲。', '乙:']);
    expect(chineseSentences('甲')).toEqual(['甲']);
    expect(chineseSentences('')).toEqual([]);
  });
});

describe('the English translation file of the embedded plan', () => {
  it('is for the embedded plan, in English, and marked unofficial', () => {
    expect(en.planId).toBe(plan.meta.id);
    expect(en.language).toBe('en');
    expect(en.unofficial).toBe(true);
    expect(en.translator.trim()).not.toBe('');
  });

  it('translates every metadata field the Chinese article has', () => {
    const zh = plan.meta;
    const pairs: Array<[string, string | null, string | undefined]> = [
      ['title', zh.title, en.meta.title],
      ['column', zh.column, en.meta.column],
      ['source', zh.source, en.meta.source],
      ['author', zh.author, en.meta.author],
      ['editor', zh.editor, en.meta.editor],
      ['graphics', zh.graphics, en.meta.graphics],
      ['themeLine', zh.themeLine, en.meta.themeLine],
      ['authorNote', zh.authorNote, en.meta.authorNote],
    ];
    for (const [field, chinese, english] of pairs) {
      expect(chinese, `the parser found no ${field}`).not.toBeNull();
      expect(typeof english, `meta.${field}`).toBe('string');
    }
    expect(en.meta.tags).toHaveLength(zh.tags.length);
  });

  it('has the lead sentence by sentence', () => {
    const zh = chineseSentences(plan.meta.lead);
    expect(zh).toHaveLength(2);
    expect(en.meta.lead).toHaveLength(zh.length);
  });

  it('has exactly the theme ids of the parsed plan', () => {
    expect(sorted(Object.keys(en.themes))).toEqual(sorted(plan.themes.map((t) => t.id)));
  });

  it('has exactly the initiative ids of the parsed plan', () => {
    expect(sorted(Object.keys(en.initiatives))).toEqual(sorted(plan.initiatives.map((i) => i.id)));
    expect(plan.initiatives).toHaveLength(15);
  });

  it('has every initiative body with as many English sentences as Chinese sentences', () => {
    for (const initiative of plan.initiatives) {
      const english = en.initiatives[initiative.id];
      expect(english, initiative.id).toBeDefined();
      expect(Array.isArray(english!.body), initiative.id).toBe(true);
      expect(english!.body, `${initiative.id} body`).toHaveLength(chineseSentences(initiative.body).length);
    }
  });

  it('has exactly the list ids of the parsed plan, each with as many items as the Chinese', () => {
    expect(sorted(Object.keys(en.lists))).toEqual(sorted(plan.lists.map((l) => l.id)));
    for (const list of plan.lists) {
      const english = en.lists[list.id]!;
      expect(english.items, list.id).toHaveLength(list.items.length);
      expect(english.items, list.id).toHaveLength(list.statedCount);
    }
  });

  it('has no empty string and no Chinese characters anywhere', () => {
    const strings = allStrings(en, 'file');
    expect(strings.length).toBeGreaterThan(50);
    for (const [path, text] of strings) {
      expect(text.trim(), `${path} is empty`).not.toBe('');
      expect(CJK.test(text), `${path} contains CJK characters: ${text}`).toBe(false);
    }
  });
});
