// The one Markdown path for the reader's notes: hostile notes come out as inert text. Each
// case puts the rendered HTML into a live jsdom document and checks the DOM itself: no script,
// no event handler attribute, no style, no element that loads anything, and every link's
// address is http(s) or mailto. (The same hostile notes are rendered in a real Chromium by the
// annotation panel's end-to-end test, which also watches for requests and dialogs.)
import { describe, expect, it } from 'vitest';
import { isSafeLink, renderNoteMarkdown } from '../../../renderer/src/features/annotations/markdown';

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

export const HOSTILE_NOTES: Record<string, string> = {
  script: 'before <script>alert(1)</script> after',
  'script tag split over lines': '<scr\nipt>alert(1)</script>',
  'event handler on an image': '<img src=x onerror="alert(1)">',
  'event handler on a div': '<div onmouseover="alert(1)">hover</div>',
  'javascript: link': '[click](javascript:alert(1))',
  'javascript: link with entities': '[click](jav&#x09;ascript:alert(1))',
  'javascript: link in capitals with spaces': '[click]( JaVaScRiPt:alert(1) )',
  'javascript: autolink': '<javascript:alert(1)>',
  'data: link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'vbscript: link': '[x](vbscript:msgbox(1))',
  'file: link': '[x](file:///etc/passwd)',
  'reference-style javascript: link': '[x][1]\n\n[1]: javascript:alert(1)',
  svg: '<svg onload=alert(1)><circle r=10 /></svg>',
  'svg with script': '<svg><script>alert(1)</script></svg>',
  'math mXSS': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  'noscript mXSS': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  'title mXSS': '<title><img src=x onerror=alert(1)></title>',
  'style nesting mXSS': '<style><style/><img src=x onerror=alert(1)>',
  'form with formaction': '<form><button formaction=javascript:alert(1)>go</button></form>',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  'style attribute loading a url': '<p style="background:url(https://evil.example/x.png)">x</p>',
  'style element loading a url': '<style>body{background:url(https://evil.example/x.png)}</style>',
  'css import': '<style>@import "https://evil.example/x.css";</style>',
  'markdown image (remote)': '![beacon](https://evil.example/pixel.png)',
  'markdown image (data:)': '![x](data:image/png;base64,iVBORw0KGgo=)',
  'markdown image (javascript:)': '![x](javascript:alert(1))',
  'link with a title that closes the attribute': '[x](https://ok.example "a\\" onmouseover=\\"alert(1)")',
  'html entity trickery': '&lt;script&gt;alert(1)&lt;/script&gt;',
  'object and embed': '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x">',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  'base href': '<base href="https://evil.example/">',
  'link stylesheet': '<link rel=stylesheet href="https://evil.example/x.css">',
  'video poster': '<video poster="https://evil.example/x.png"></video>',
};

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
