// packet.html: one self-contained document with a strict CSP, in which the reader's hostile
// notes (the ones the screen's Markdown tests use) are inert. Checked twice: the document's DOM
// (jsdom: no script, no handler, no element that loads, no link but http(s)/mailto/#) and a real
// Chromium loading it (no request leaves the document, no dialog, no script runs).
import { randomUUID } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { chromium } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/core';
import { createAnnotation } from '../../../electron/core/services/annotations/annotations';
import type { PacketDefinition } from '../../../shared/api/packets/methods';
import type { Result } from '../../../shared/api/result';
import { describePassage } from '../../../shared/domain/anchoring';
import { CHROMIUM_ARGS } from '../../../electron/server/chromium-pdf';
import { createTestCore } from '../../helpers/core';
import { HOSTILE_NOTES } from '../../helpers/hostile-notes';
import { localBrowserPath } from '../../helpers/local-browser';
import { useTempDirs } from '../../helpers/temp-dir';
import { VALID_PACKET } from '../../helpers/valid-args';

const temp = useTempDirs();
let core: Core;
beforeEach(() => {
  core = createTestCore(temp.make());
});
afterEach(() => core.close());

const ITEM = 'hz-2024/T3/I3';
const definition = (options: Partial<PacketDefinition['options']> = {}): PacketDefinition => ({
  ...VALID_PACKET,
  sources: [{ kind: 'items', itemIds: [ITEM] }],
  order: [],
  options: { ...VALID_PACKET.options, ...options },
});

async function html(def: PacketDefinition, pages?: Record<string, number>): Promise<string> {
  const result = (await core.router.dispatch('packet.html', { definition: def, language: 'zh', ...(pages ? { pages } : {}) })) as Result<{ html: string; items: number }>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value.html;
}

function note(body: string, highlight = false): void {
  const text = core.db.prepare('SELECT body FROM initiatives WHERE id = ?').pluck().get(ITEM) as string;
  createAnnotation(core.db, {
    id: randomUUID(),
    kind: highlight ? 'highlight' : 'note',
    planId: 'hz-2024',
    itemId: ITEM,
    target: highlight ? { itemId: ITEM, part: 'body', language: 'zh', selectors: describePassage(text, 2, 6) } : null,
    color: highlight ? 'blue' : null,
    body,
    tags: [],
  });
}

/** Everything in a document that could run, load or leave it. */
function dangers(doc: Document): string[] {
  const found: string[] = [];
  for (const el of doc.querySelectorAll('script, iframe, object, embed, img, video, audio, source, link, base, form, svg, math, frame, frameset')) {
    found.push(`element ${el.tagName}`);
  }
  for (const meta of doc.querySelectorAll('meta[http-equiv]')) {
    if (meta.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') found.push('meta refresh or other http-equiv');
  }
  for (const el of doc.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`handler ${attr.name} on ${el.tagName}`);
      if (['src', 'srcset', 'poster', 'action', 'formaction', 'background', 'data'].includes(attr.name)) found.push(`${attr.name} on ${el.tagName}`);
    }
    const href = el.getAttribute('href');
    if (href !== null && !/^(https?:\/\/|mailto:|#)/i.test(href)) found.push(`link to ${href}`);
  }
  // Styles are the document's own, and load nothing but data: fonts.
  const styles = [...doc.querySelectorAll('style')];
  expect(styles).toHaveLength(1);
  for (const url of styles[0]!.textContent!.match(/url\([^)]*\)/g) ?? []) if (!url.startsWith('url(data:font/woff2;base64,')) found.push(`style loads ${url.slice(0, 60)}`);
  for (const el of doc.querySelectorAll('[style]')) if (!/^page: g\d+$/.test(el.getAttribute('style')!)) found.push(`style attribute on ${el.tagName}`);
  return found;
}

describe('packet.html', () => {
  it('carries a CSP that allows no script and loads only data: fonts', async () => {
    const doc = new JSDOM(await html(definition())).window.document;
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('font-src data:');
    expect(csp).not.toMatch(/script-src/);
    expect(doc.querySelector('style')!.textContent).toMatch(/@font-face\{font-family:'Noto Serif SC'/);
    expect(doc.querySelector('style')!.textContent).toContain('size: A4 portrait');
  });

  it('shows contents page numbers when given them, and none without', async () => {
    const without = new JSDOM(await html(definition())).window.document;
    expect(without.querySelector('.c-page')!.textContent).toBe('');
    const withPages = new JSDOM(await html(definition(), { [ITEM]: 7 })).window.document;
    expect(withPages.querySelector('.c-page')!.textContent).toBe('7');
  });

  it('paints a highlight with its colour, an underline and a marker, and its note numbered in the margin or as an endnote', async () => {
    note('**要点**：核对进度', true);
    note('A note on the item');
    const margin = new JSDOM(await html(definition())).window.document;
    const mark = margin.querySelector('mark.hl')!;
    expect(mark.className).toBe('hl hl-blue');
    expect(margin.querySelector('style')!.textContent).toMatch(/mark\.hl-blue \{ background: #d6e8ff; text-decoration: underline dashed/);
    expect([...margin.querySelectorAll('aside.mnote')].map((a) => a.textContent)).toEqual(['1A note on the item\n', '2要点：核对进度\n']);
    expect(mark.nextElementSibling!.outerHTML).toBe('<sup class="marker">2</sup>');
    expect(margin.querySelector('aside.mnote strong')!.textContent).toBe('要点');
    const end = new JSDOM(await html(definition({ notes: 'endnotes' }))).window.document;
    expect(end.querySelector('aside')).toBeNull();
    expect([...end.querySelectorAll('.endnotes li')].map((li) => li.getAttribute('value'))).toEqual(['1', '2']);
    expect(end.querySelector('.endnotes .quote')!.textContent).toMatch(/^“.{4}”$/);
    const none = new JSDOM(await html(definition({ notes: 'none', highlights: false }))).window.document;
    expect(none.querySelector('mark, aside, .endnotes, sup')).toBeNull();
  });

  it('renders every hostile note inert, in the DOM and in a real Chromium (nothing runs, nothing loads)', async () => {
    const notes = Object.entries(HOSTILE_NOTES);
    notes.forEach(([, body], i) => note(body, i % 2 === 0));
    for (const notesAs of ['margin', 'endnotes'] as const) {
      const text = await html(definition({ notes: notesAs }));
      const doc = new JSDOM(text).window.document;
      expect(dangers(doc)).toEqual([]);
      // Typed HTML is shown as the text the reader typed.
      expect(doc.body.textContent).toContain('<script>alert(1)</script>');

      const browser = await chromium.launch({ executablePath: localBrowserPath(), headless: true, args: CHROMIUM_ARGS });
      try {
        const page = await browser.newPage();
        const requests: string[] = [];
        const dialogs: string[] = [];
        page.on('request', (r) => {
          if (!r.url().startsWith('data:')) requests.push(r.url());
        });
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.setContent(text, { waitUntil: 'load' });
        // Hover and click everything a handler could hang on.
        await page.mouse.move(300, 300);
        expect(requests).toEqual([]);
        expect(dialogs).toEqual([]);
        expect(await page.evaluate('document.querySelectorAll("script").length')).toBe(0);
      } finally {
        await browser.close();
      }
    }
  }, 120_000);
});
