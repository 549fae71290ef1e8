// The reading view's print header: on paper the app bar is not printed (styles/print.css), so
// the reading view carries the plan's title and its source line itself, in a block the screen
// never shows. Here: what it holds, in each language and reading mode, and where it is.
import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { META, TRANSLATION } from './plan-fixture';
import { atAddress, renderApp, resetApp } from './render-app';

beforeEach(() => atAddress());
afterEach(resetApp);

/** The app's main pane once the plan has loaded (the view tabs are there then). */
async function shellMain(): Promise<HTMLElement> {
  await screen.findByRole('navigation', { name: /^(视图|Views)$/ });
  return screen.getByRole('main');
}

async function printHeader(): Promise<HTMLElement> {
  const main = await shellMain();
  await waitFor(() => expect(main.querySelector('.print-header')).not.toBeNull());
  return main.querySelector<HTMLElement>('.print-header')!;
}

/** The source line as [label, value] pairs, in order. */
function sourceLine(header: HTMLElement): Array<[string, string]> {
  return [...header.querySelectorAll('.print-header-field')].map((field) => {
    const term = field.querySelector('.print-header-term')!.textContent!;
    return [term, field.textContent!.slice(term.length).trim()];
  });
}

describe('print header of the reading view', () => {
  it('names the plan and where it appeared, at the top of the overview', async () => {
    renderApp();
    const header = await printHeader();
    expect(header.parentElement).toBe(screen.getByRole('main'));
    expect(header.parentElement!.firstElementChild).toBe(header);
    expect(header.querySelector('.print-header-title')!.textContent).toBe(META.title);
    // Where and when it appeared and who wrote it; editor and graphics credits stay in the panel.
    expect(sourceLine(header)).toEqual([
      ['来源', '杭州日报'],
      ['栏目', '杭州有理'],
      ['发布时间', '2024-05-11 15:55'],
      ['作者', '赵亚东'],
    ]);
    expect(header.querySelector('time')!.getAttribute('dateTime')).toBe('2024-05-11T15:55:53');
  });

  it('heads an initiative too', async () => {
    atAddress('#/initiative/hz-2024/T3/I3');
    renderApp();
    await screen.findByRole('article');
    expect((await printHeader()).querySelector('.print-header-title')!.textContent).toBe(META.title);
  });

  it('labels the source line in the interface language and shows the plan text in the reading language', async () => {
    const fake = createFakeBridge({}, { 'ui.readingMode': 'en' });
    renderApp({ fake, language: 'en' });
    const header = await printHeader();
    await waitFor(() => expect(header.querySelector('.print-header-title')!.textContent).toBe(TRANSLATION.meta.title));
    expect(header.querySelector('.print-header-title [lang="en"]')).not.toBeNull();
    expect(sourceLine(header).map(([term]) => term)).toEqual(['Source', 'Column', 'Published', 'Author']);
    expect(sourceLine(header)[0]![1]).toBe(TRANSLATION.meta.source);
  });

  it('is not part of the table or the dashboard', async () => {
    for (const hash of ['#/table', '#/dashboard']) {
      atAddress(hash);
      renderApp();
      const main = await shellMain();
      // The view's code loads on demand: wait for the view itself, not its loading line.
      await waitFor(() => expect(main.querySelector('.itable, .dashboard, [role="alert"]'), hash).not.toBeNull(), { timeout: 10_000 });
      expect(document.querySelector('.print-header'), hash).toBeNull();
      resetApp();
    }
  });
});
