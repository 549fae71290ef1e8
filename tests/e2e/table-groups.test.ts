// Grouped views of a library with more groups and rows than one page, end to end: 25 generated
// plans and the embedded one (130 themes, about 1,300 initiatives) in browser mode. Each page the
// core answers names only the groups its rows are in (with every group's count for the layout),
// so in Chromium the headers deep in the view must stand at their places with their names, and a
// group folded far from the first page must stay folded in a new query (the query names it).
// Screenshots (1400×900 and 900×700, zh and en, light and dark) go to
// tests/output/polish/table-groups-*.
import type { Page, Response as PageResponse } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TableQuery } from '../../shared/domain/table';
import { startCorpusSession, type CorpusSession } from './corpus-session';
import { settle, shootMatrix } from './shots';

type RowQuery = Omit<TableQuery, 'offset' | 'limit' | 'facets'>;

let session: CorpusSession;
let page: Page;
const BY_THEME: RowQuery = { sort: [], collation: 'pinyin', search: '', filters: {}, groupBy: 'theme' };
const dataRows = () => page.locator('[role="grid"] .itable-data-row');
const grid = () => page.locator('[role="grid"]');

beforeAll(async () => {
  session = await startCorpusSession('tablegroups', 25);
  page = session.app.page;
  await session.app.call('settings.set', { key: 'ui.tableState', value: JSON.stringify({ scope: 'all' }) });
}, 600_000);
afterAll(async () => {
  await session?.app.close();
});

/** The headers in view: display line, label, whether expanded. */
function headersShown() {
  return page.locator('.itable-group-row').evaluateAll((rows) =>
    rows.map((row) => ({
      line: Number(row.getAttribute('data-line')),
      label: row.querySelector('.itable-group-label')?.textContent ?? null,
      expanded: row.querySelector('button')?.getAttribute('aria-expanded') ?? null,
    })),
  );
}

async function scrollTo(fraction: number) {
  await page.locator('.itable-scroll').evaluate((el, f) => {
    el.scrollTop = (el.scrollHeight - el.clientHeight) * f;
  }, fraction);
}

/**
 * The headers in view once the table has drawn the lines at its scroll offset and named every
 * header there (none waiting for its page). Read in one poll: a check made before the table
 * re-rendered for a scroll saw the previous offset's headers, all named, and the next read then
 * found the new offset's placeholders (a loaded machine shows it).
 */
async function named() {
  let shown: Awaited<ReturnType<typeof headersShown>> = [];
  await expect
    .poll(
      async () => {
        const atOffset = await page.locator('.itable-scroll').evaluate((el) => {
          const height = (el.querySelector('.itable-body [data-line]') as HTMLElement | null)?.offsetHeight || 1;
          const top = Math.floor(el.scrollTop / height);
          const bottom = Math.ceil((el.scrollTop + el.clientHeight) / height);
          const lines = [...el.querySelectorAll('.itable-body [data-line]')].map((r) => Number(r.getAttribute('data-line')));
          return lines.some((line) => line >= top && line <= bottom);
        });
        shown = await headersShown();
        return atOffset && shown.length > 0 && shown.every((h) => h.label !== null);
      },
      { timeout: 30_000 },
    )
    .toBe(true);
  return shown;
}

describe('a grouped view of many groups', () => {
  it('puts each header where its group starts, named, deep in the view, and keeps a folded group folded in a new query', async () => {
    await page.goto(`${session.app.server.origin}/#/table`);
    await page.reload();
    await dataRows().first().waitFor();
    await page.getByRole('combobox', { name: '分组' }).selectOption('theme');
    await page.locator('.itable-group-row').first().waitFor();

    // The core's layout: every group's count; a page names only its own groups.
    const first = await session.app.call('table.query', { ...BY_THEME, offset: 0, limit: 200, facets: false });
    const counts = first.groupCounts!;
    expect(counts.length).toBe(130);
    expect(first.groups.length).toBeLessThan(counts.length);
    const starts: number[] = [];
    counts.reduce((row, n) => (starts.push(row), row + n), 0);
    // Where each group's header line is with nothing folded: its index plus the rows before it.
    const lineOf = new Map(starts.map((row, g) => [row + g, g]));
    const labelOf = async (g: number) =>
      (await session.app.call('table.query', { ...BY_THEME, offset: starts[g]!, limit: 1, facets: false })).groups.find((x) => x.index === g)!.label;
    expect(await grid().getAttribute('aria-rowcount')).toBe(String(first.total + counts.length + 1));

    // The pages the table asks for as it scrolls (its 200 rows, not this test's one-row asks):
    // each names the layout it holds (its stamp), and the core leaves the counts out of the
    // answer while that layout stands (a write, such as the view's state saved, makes another).
    const asked: Promise<{ stamp: unknown; counts: unknown }>[] = [];
    const onResponse = (response: PageResponse) => {
      if (!response.url().endsWith('table.query')) return;
      const { groupLayout: stamp, limit } = response.request().postDataJSON() as { groupLayout?: string; limit: number };
      if (limit !== 200) return;
      asked.push(response.json().then((body: { value?: { groupCounts?: unknown } }) => ({ stamp, counts: body.value?.groupCounts })));
    };
    page.on('response', onResponse);
    for (const fraction of [0.5, 1]) {
      await scrollTo(fraction);
      const shown = await named();
      for (const header of shown) {
        const g = lineOf.get(header.line);
        expect(g, `a header at line ${header.line}`).toBeDefined();
        expect(header.label).toBe(await labelOf(g!));
      }
    }

    page.off('response', onResponse);
    const answers = await Promise.all(asked);
    const told = (a: { stamp: unknown; counts: unknown }) => `${String(a.stamp)}: ${Array.isArray(a.counts) ? 'counts' : String(a.counts)}`;
    expect(answers.length, answers.map(told).join(', ')).toBeGreaterThan(1);
    expect(answers.every((a) => typeof a.stamp === 'string'), answers.map(told).join(', ')).toBe(true);
    expect(answers.some((a) => a.counts === null), answers.map(told).join(', ')).toBe(true);

    // Fold the last group in view (far past the first page), then ask a new query (a sort).
    const shown = await named();
    const last = shown.at(-1)!;
    const folded = lineOf.get(last.line)!;
    await page.locator(`.itable-group-row[data-line="${last.line}"] button`).click();
    const rowCount = String(first.total + counts.length - counts[folded]! + 1);
    await expect.poll(() => grid().getAttribute('aria-rowcount')).toBe(rowCount);
    // Back at the top, so that the new query asks for its first page only.
    await scrollTo(0);
    await expect.poll(() => page.locator('.itable-group-row[data-line="0"]').count()).toBe(1);
    await page.locator('[role="columnheader"] .itable-sort').first().click();
    await expect.poll(() => page.locator('[role="columnheader"][aria-sort]').count()).toBe(1);
    await dataRows().first().waitFor();
    // The new query's first answer names the folded group: the layout leaves its rows out at once,
    // though its page is not asked for.
    await expect.poll(() => grid().getAttribute('aria-rowcount'), { timeout: 15_000 }).toBe(rowCount);
    await scrollTo(1);
    const after = (await named()).find((h) => h.label === last.label);
    expect(after?.expanded).toBe('false');
    session.app.expectNothingBlocked();
  }, 240_000);

  it('leaves screenshots of a grouped view deep in its rows', async () => {
    const url = `${session.app.server.origin}/#/table`;
    const shots = await shootMatrix(session.app, 'table-groups', url, async (p) => {
      await p.reload();
      await dataRows().first().waitFor();
      await p.locator('.itable-group-row').first().waitFor();
      await scrollTo(0.5);
      await named();
      await settle(p);
    });
    expect(shots).toHaveLength(8);
  }, 300_000);
});
