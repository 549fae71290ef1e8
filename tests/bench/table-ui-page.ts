// In-page code of the table UI bench, as plain JavaScript source (an init script: it runs before
// the page's own scripts and outside its CSP, and no transpiler helpers can leak into it).
//
// On every page: a probe that notes when the first data row is on screen (the row inserted,
// then two animation frames so it has been painted), and a scripted scroll that records the
// interval between animation frames.
// On every page also a probe that notes when five theme headlines are on screen: the first
// screen (the app's overview cards) or the static page's five lines (STATIC_PATH, below).
// On /bench-baseline (a 404 of the same server, so the same origin and token): the baseline, a
// plain virtual list of the same rows — fixed row height, absolutely placed rows, pages of the
// same size fetched from table.query as the viewport needs them, no framework, and no facet
// counts (the table asks for those only when a facet menu opens, so neither side counts them).

import { API_PREFIX, AUTH_SCHEME } from '../../shared/api/http';
import { TOKEN_STORAGE_KEY } from '../../renderer/src/api/token';

export const ROW_SELECTOR = '.itable-data-row, .bench-row';
export const SCROLLER_SELECTOR = '.itable-scroll, .bench-scroll';
export const BASELINE_PATH = '/bench-baseline';
export const THEME_SELECTOR = '.theme-card, .bench-theme';
/** The first screen's floor: a static page in the served folder beside the app's index.html. */
export const STATIC_PATH = '/bench-static.html';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The floor of the first screen: a static page with the headlines the app's first screen shows
 * (its five themes), in the markup itself: no script, no stylesheet, no API call. It is a
 * file served from the same folder by the same server as index.html, so it comes the same way.
 */
export function staticPageHtml(headlines: readonly string[]): string {
  const lines = headlines.map((h) => `    <div class="bench-theme">${escapeHtml(h)}</div>`).join('\n');
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench</title>
  </head>
  <body>
${lines}
  </body>
</html>
`;
}

export const PAGE_SCRIPT = String.raw`
(() => {
  const ROW_SELECTOR = ${JSON.stringify(ROW_SELECTOR)};
  // Each moment is also a promise the bench awaits with one plain evaluation (see whenNoted in
  // table-ui.ts): a polling wait (Playwright's waitForFunction) would run its own injected
  // script in the page while the page is still starting, and be measured with it.
  let themesNoted, rowsNoted;
  window.__bench = {
    firstRowsAt: null, tableAt: null, themesAt: null,
    themes: new Promise((resolve) => { themesNoted = resolve; }),
    firstRows: new Promise((resolve) => { rowsNoted = resolve; }),
  };
  const afterPaint = (fn) => requestAnimationFrame(() => requestAnimationFrame(fn));
  const themes = new MutationObserver(() => {
    if (document.querySelectorAll(${JSON.stringify(THEME_SELECTOR)}).length < 5) return;
    themes.disconnect();
    afterPaint(() => { window.__bench.themesAt = performance.now(); themesNoted(window.__bench.themesAt); });
  });
  // Only where five themes will come (the overview, the static page): elsewhere it would never
  // disconnect and would search the document on every change, scroll frames included.
  const overview = location.pathname === ${JSON.stringify(STATIC_PATH)} || location.hash === '' || location.hash === '#/';
  if (overview) themes.observe(document, { childList: true, subtree: true });
  const observer = new MutationObserver(() => {
    // When the table's frame is there (the app has started and is asking for rows).
    if (window.__bench.tableAt === null && document.querySelector('.itable-scroll')) window.__bench.tableAt = performance.now();
    if (window.__bench.firstRowsAt !== null || !document.querySelector(ROW_SELECTOR)) return;
    window.__bench.firstRowsAt = -1;
    observer.disconnect();
    afterPaint(() => { window.__bench.firstRowsAt = performance.now(); rowsNoted(window.__bench.firstRowsAt); });
  });
  observer.observe(document, { childList: true, subtree: true });

  /** Scrolls the list by step px per frame for the given frames; resolves with frame intervals. */
  window.__benchScroll = (selector, frames, step) => new Promise((resolve) => {
    const el = document.querySelector(selector);
    const intervals = [];
    let last = null;
    let n = 0;
    const tick = (t) => {
      if (last !== null) intervals.push(t - last);
      last = t;
      if (n++ >= frames) return resolve(intervals);
      el.scrollTop += step;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });

  if (location.pathname !== ${JSON.stringify(BASELINE_PATH)}) return;

  const ROW = 34, PAGE = 200, OVERSCAN = 10;
  const token = sessionStorage.getItem(${JSON.stringify(TOKEN_STORAGE_KEY)});
  const query = (offset, limit, facets) => fetch(${JSON.stringify(API_PREFIX + 'table.query')}, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: ${JSON.stringify(AUTH_SCHEME + ' ')} + token },
    body: JSON.stringify({ sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: null, offset, limit, facets }),
  }).then((r) => r.json()).then((r) => r.value);

  const start = () => {
    document.body.textContent = '';
    document.body.style.margin = '0';
    const scroller = document.createElement('div');
    scroller.className = 'bench-scroll';
    Object.assign(scroller.style, { height: '600px', overflow: 'auto', position: 'relative', font: '13px sans-serif' });
    const inner = document.createElement('div');
    inner.style.position = 'relative';
    scroller.append(inner);
    document.body.append(scroller);
    const pages = new Map();
    const asked = new Set();
    let total = 0;
    const render = () => {
      const first = Math.max(0, Math.floor(scroller.scrollTop / ROW) - OVERSCAN);
      const last = Math.min(total - 1, Math.ceil((scroller.scrollTop + scroller.clientHeight) / ROW) + OVERSCAN);
      const rows = [];
      for (let i = first; i <= last; i++) {
        const page = pages.get(Math.floor(i / PAGE));
        const row = page && page[i % PAGE];
        const div = document.createElement('div');
        div.className = row ? 'bench-row' : 'bench-placeholder';
        Object.assign(div.style, { position: 'absolute', top: '0', left: '0', right: '0', height: ROW + 'px', transform: 'translateY(' + i * ROW + 'px)', whiteSpace: 'nowrap', overflow: 'hidden' });
        if (row) div.textContent = row.shortId + '  ' + row.themeHeadline + '  ' + row.headline + '  ' + (row.status || '') + '  ' + (row.leadUnit || '') + '  ' + row.tags.join(' ');
        rows.push(div);
        const p = Math.floor(i / PAGE);
        if (!page && !asked.has(p)) {
          asked.add(p);
          query(p * PAGE, PAGE, false).then((r) => { pages.set(p, r.rows); render(); });
        }
      }
      inner.replaceChildren(...rows);
    };
    scroller.addEventListener('scroll', render, { passive: true });
    asked.add(0);
    query(0, PAGE, false).then((r) => {
      total = r.total;
      inner.style.height = total * ROW + 'px';
      pages.set(0, r.rows);
      render();
    });
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
`;
