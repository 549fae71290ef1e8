// The reading view's previous / next links say where they go: the initiative's numeral and
// headline, and — since a numeral counts within its theme ("1." follows "3." across a theme's
// end) — the theme's label and headline when the link leaves the current theme. Both languages.
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeBridge } from './fake-bridge';
import { OUTLINE, TRANSLATION } from './plan-fixture';
import { atAddress, renderApp, resetApp } from './render-app';

afterEach(resetApp);

const [T1, T2] = OUTLINE.themes;
const pager = async () => within(await screen.findByRole('navigation', { name: /^(上一条与下一条举措|Previous and next initiative)/ }));

describe('the reading pager', () => {
  it('names the theme of an initiative in another theme, not of one in the same theme (Chinese)', async () => {
    atAddress(`#/initiative/${T1!.initiatives[2]!.id}`);
    const fake = createFakeBridge();
    fake.settings.set('ui.cjkPunctuation', 'off');
    renderApp({ fake });
    const nav = await pager();
    const next = nav.getByRole('link', { name: /下一条/ });
    await waitFor(() => expect(next.textContent).toContain(T2!.initiatives[0]!.headline));
    expect(next.textContent).toContain(`主题二 ${T2!.headline}`);
    const previous = nav.getByRole('link', { name: /上一条/ });
    expect(previous.textContent).toContain(T1!.initiatives[1]!.headline);
    expect(previous.textContent).not.toContain('主题');
  });

  it('does so in English, with the theme’s English', async () => {
    atAddress(`#/initiative/${T2!.initiatives[0]!.id}`);
    const fake = createFakeBridge({}, { 'ui.language': 'en', 'ui.readingMode': 'en' });
    renderApp({ fake, language: 'en' });
    const nav = await pager();
    const previous = nav.getByRole('link', { name: /Previous/ });
    await waitFor(() => expect(previous.textContent).toContain(TRANSLATION.initiatives[T1!.initiatives[2]!.id]!.headline));
    expect(previous.textContent).toContain(`Theme 1 ${TRANSLATION.themes[T1!.id]}`);
    const next = nav.getByRole('link', { name: /Next/ });
    expect(next.textContent).toContain(TRANSLATION.initiatives[T2!.initiatives[1]!.id]!.headline);
    expect(next.textContent).not.toContain('Theme');
  });
});
