// The one Markdown path for the reader's notes: hostile notes come out as inert text. Each
// case puts the rendered HTML into a live jsdom document and checks the DOM itself: no script,
// no event handler attribute, no style, no element that loads anything, and every link's
// address is http(s) or mailto. (The same hostile notes are rendered in a real Chromium by the
// annotation panel's end-to-end test, which also watches for requests and dialogs.)
import { describe, expect, it } from 'vitest';
import { isSafeLink, renderNoteMarkdown } from '../../../renderer/src/features/annotations/markdown';
import { HOSTILE_NOTES } from '../../helpers/hostile-notes';

const ALLOWED = new Set(['P', 'BR', 'EM', 'STRONG', 'S', 'DEL', 'CODE', 'PRE', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'A', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HR', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD']);

function mount(source: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = renderNoteMarkdown(source);
  return host;
}

/** Everything that could run, load or restyle, found anywhere in the rendered note. */
function dangers(host: HTMLElement): string[] {
  const found: string[] = [];
  for (const el of host.querySelectorAll('*')) {
    if (!ALLOWED.has(el.tagName)) found.push(`element ${el.tagName}`);
    for (const attr of el.attributes) {
      if (!['href', 'title', 'start', 'rel', 'target', 'colspan', 'rowspan'].includes(attr.name)) found.push(`attribute ${attr.name} on ${el.tagName}`);
    }
    const href = el.getAttribute('href');
    if (href !== null && !/^(https?:\/\/|mailto:)/i.test(href)) found.push(`link to ${href}`);
  }
  return found;
}


describe('renderNoteMarkdown: hostile notes', () => {
  for (const [name, source] of Object.entries(HOSTILE_NOTES)) {
    it(`${name}: nothing active, nothing that loads`, () => {
      const host = mount(source);
      expect(dangers(host)).toEqual([]);
    });
  }

  it('shows typed HTML as the text the reader typed', () => {
    const host = mount('before <script>alert(1)</script> after');
    expect(host.querySelector('script')).toBeNull();
    expect(host.textContent).toContain('<script>alert(1)</script>');
  });

  it('keeps a refused link as its literal text', () => {
    const host = mount('[click](javascript:alert(1))');
    expect(host.querySelector('a')).toBeNull();
    expect(host.textContent?.trim()).toBe('[click](javascript:alert(1))');
  });

  it('turns an image into a link to its address, never an <img>', () => {
    const host = mount('![beacon](https://evil.example/pixel.png)');
    expect(host.querySelector('img')).toBeNull();
    const a = host.querySelector('a')!;
    expect(a.getAttribute('href')).toBe('https://evil.example/pixel.png');
    expect(a.textContent).toContain('beacon');
  });

  it('drops an image whose address is not http(s), keeping its description', () => {
    const host = mount('![日程](data:image/png;base64,iVBORw0KGgo=)');
    expect(host.querySelector('a, img')).toBeNull();
    expect(host.textContent).toContain('日程');
  });
});

describe('renderNoteMarkdown: ordinary notes', () => {
  it('renders emphasis, lists, quotes and code', () => {
    const host = mount('**重点** and *why*\n\n- 一\n- 二\n\n> 引文\n\n`code`');
    expect(host.querySelector('strong')?.textContent).toBe('重点');
    expect(host.querySelector('em')?.textContent).toBe('why');
    expect(host.querySelectorAll('li')).toHaveLength(2);
    expect(host.querySelector('blockquote')?.textContent).toContain('引文');
    expect(host.querySelector('code')?.textContent).toBe('code');
  });

  it('keeps line breaks as the reader typed them', () => {
    expect(mount('第一行\n第二行').querySelector('br')).not.toBeNull();
  });

  it('marks http(s) and mailto links to open outside the app', () => {
    const host = mount('[政府网](https://www.gov.cn/) [旧站](http://example.org/a?b=1) [写信](mailto:a@example.org) https://www.example.com/x');
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://www.gov.cn/',
      'http://example.org/a?b=1',
      'mailto:a@example.org',
      'https://www.example.com/x',
    ]);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });
});

describe('isSafeLink', () => {
  it('accepts only http(s) and mailto', () => {
    expect(isSafeLink('https://a.example/')).toBe(true);
    expect(isSafeLink('HTTP://a.example/')).toBe(true);
    expect(isSafeLink('mailto:x@y.z')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///x', '//evil.example', 'ftp://x', '#top', '']) {
      expect(isSafeLink(bad), bad).toBe(false);
    }
  });
});
