// A hit's English snippets: read from the one item's translation, as stored, with the match marked.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { searchQuery } from '../../../electron/core/services/search/query';
import { createTestCore } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const open: Core[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

describe('English snippets', () => {
  it('show the item’s own English headline and body, as stored, with every match marked', () => {
    const core = createTestCore(temp.make());
    open.push(core);
    const json = core.db.prepare("SELECT json FROM plan_translations WHERE plan_id = 'hz-2024' AND language = 'en'").pluck().get() as string;
    const english = (JSON.parse(json) as { initiatives: Record<string, { headline: string; body: string[] }> }).initiatives;
    const r = searchQuery(core.db, { text: 'talent', filters: { sources: ['translation'] }, offset: 0, limit: 50 });
    expect(r.hits.length).toBeGreaterThan(0);
    for (const h of r.hits) {
      const t = english[h.itemId!]!;
      for (const m of h.matches) {
        const text = m.snippet.map((p) => p.text).join('').replace(/^…|…$/g, '');
        expect(m.field === 'headline_en' ? t.headline : t.body.join(' '), h.itemId!).toContain(text);
        expect(m.snippet.filter((p) => p.mark).map((p) => p.text.toLowerCase()), h.itemId!).toContain('talent');
      }
    }
  });
});
