// Plan documents built in a test, for data the parser would never produce (empty headlines,
// Latin and digits, a dozen themes) or too much of it to write by hand.
import type { PlanDocument } from '../../shared/domain/plan';

/** A plan with the given theme headlines, each with the given initiative headlines. */
export function planOf(planId: string, themes: readonly { headline: string; initiatives: readonly string[] }[]): PlanDocument {
  return {
    meta: {
      id: planId,
      title: `Plan ${planId}`,
      column: null,
      publishedAt: null,
      source: null,
      author: null,
      editor: null,
      graphics: null,
      tags: [],
      themeLine: null,
      lead: 'Lead',
      authorNote: null,
      language: 'zh',
    },
    themes: themes.map((t, k) => ({ id: `${planId}/T${k + 1}`, planId, ordinal: k + 1, headline: t.headline })),
    initiatives: themes.flatMap((t, k) =>
      t.initiatives.map((headline, j) => ({
        id: `${planId}/T${k + 1}/I${j + 1}`,
        themeId: `${planId}/T${k + 1}`,
        ordinal: j + 1,
        numeral: `第${j + 1}`,
        headline,
        body: `${headline}的正文。Body of ${planId} T${k + 1} I${j + 1}.`,
      })),
    ),
    lists: [],
  };
}

/** A plan titled 计划 with one theme (主题) holding initiatives of the given headlines and bodies,
 *  numbered 1, 2, …: the small corpora a search test writes item by item. */
export function oneThemePlan(planId: string, items: readonly { headline: string; body: string }[]): PlanDocument {
  return {
    meta: {
      id: planId, title: '计划', column: null, publishedAt: null, source: null, author: null, editor: null, graphics: null,
      tags: [], themeLine: null, lead: 'Lead', authorNote: null, language: 'zh',
    },
    themes: [{ id: `${planId}/T1`, planId, ordinal: 1, headline: '主题' }],
    initiatives: items.map((it, j) => ({
      id: `${planId}/T1/I${j + 1}`, themeId: `${planId}/T1`, ordinal: j + 1, numeral: `${j + 1}`, headline: it.headline, body: it.body,
    })),
    lists: [],
  };
}
