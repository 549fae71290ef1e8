// The interface language: chosen from the saved setting, else the system's; the header switch
// re-renders the whole UI, sets <html lang> and is saved.
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createI18n, pickLanguage } from '../../renderer/src/i18n/i18n';
import { createFakeBridge } from './fake-bridge';
import { atAddress, renderApp, resetApp } from './render-app';

beforeEach(() => atAddress());
afterEach(resetApp);

describe('pickLanguage', () => {
  it('prefers the saved choice, then the first system language it knows, then Chinese', () => {
    expect(pickLanguage('en', ['zh-CN'])).toBe('en');
    expect(pickLanguage(null, ['zh-TW', 'en-US'])).toBe('zh');
    expect(pickLanguage(null, ['fr-FR', 'en-GB', 'zh'])).toBe('en');
    expect(pickLanguage('de', ['de-DE'])).toBe('zh');
    expect(pickLanguage(null, [])).toBe('zh');
  });
});

describe('the language switch', () => {
  it('starts in the language the app was started in when nothing is saved', async () => {
    renderApp({ language: 'en' });
    await screen.findByRole('navigation', { name: 'Plan outline' });
    expect(document.documentElement.lang).toBe('en');
  });

  it('switches the whole UI to English and back, sets <html lang> and saves the choice', async () => {
    const { fake } = renderApp();
    await screen.findByRole('navigation', { name: '计划大纲' });
    expect(document.documentElement.lang).toBe('zh-CN');
    const group = screen.getByRole('group', { name: '界面语言' });
    expect(within(group).getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true');

    fireEvent.click(within(group).getByRole('button', { name: 'English' }));
    await screen.findByRole('navigation', { name: 'Plan outline' });
    expect(document.documentElement.lang).toBe('en');
    // Everything follows: views, plan context, overview, outline, controls, the document title.
    const views = screen.getByRole('navigation', { name: 'Views' });
    expect(within(views).getAllByRole('link').map((a) => a.textContent)).toEqual(['Read', 'Table', 'Dashboard', 'Library', 'Annotations', 'Packets']);
    expect(screen.getByRole('button', { name: 'About this plan' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Plan overview' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: /^Theme 3 / })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Text language' })).toBeTruthy();
    expect(document.title).toBe('Plan overview · Briefbook');
    // Plan text stays Chinese: the reading mode, not the interface language, decides that.
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('聚焦“深化改革、强基固本”主题主线');
    await waitFor(() => expect(fake.settings.get('ui.language')).toBe('en'));

    const english = screen.getByRole('group', { name: 'Interface language' });
    fireEvent.click(within(english).getByRole('button', { name: '中文' }));
    await screen.findByRole('navigation', { name: '计划大纲' });
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(document.title).toBe('计划概览 · 简报本');
    await waitFor(() => expect(fake.settings.get('ui.language')).toBe('zh'));
  });

  it('captions the two look-alike switches: 正文 for the plan text, 界面 for the interface', async () => {
    renderApp();
    await screen.findByRole('navigation', { name: '计划大纲' });
    // The caption is the word just before each group, inside the group's accessible name.
    const captionOf = (name: string) => screen.getByRole('group', { name }).previousElementSibling?.textContent;
    expect(captionOf('正文语言')).toBe('正文');
    expect(captionOf('界面语言')).toBe('界面');

    fireEvent.click(within(screen.getByRole('group', { name: '界面语言' })).getByRole('button', { name: 'English' }));
    await screen.findByRole('navigation', { name: 'Plan outline' });
    expect(captionOf('Text language')).toBe('Text');
    expect(captionOf('Interface language')).toBe('Interface');
  });

  it('applies a saved language at start, over the system one', async () => {
    renderApp({ fake: createFakeBridge({}, { 'ui.language': 'en' }), language: 'zh' });
    await screen.findByRole('navigation', { name: 'Plan outline' });
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('the interface text’s cost', () => {
  // Components take t and the language from one context (i18n/ui-text.tsx). With react-i18next's
  // useTranslation, each component that asked subscribed to the instance (and built a t and a
  // copy of the instance of its own): some hundred subscriptions on the first screen.
  it('follows the language with one subscription for the whole first screen, and still switches all of it', async () => {
    const i18n = createI18n('zh');
    const on = i18n.on.bind(i18n);
    let subscriptions = 0;
    i18n.on = ((event: string, listener: (...args: unknown[]) => void) => {
      if (event === 'languageChanged') subscriptions++;
      return on(event, listener);
    }) as typeof i18n.on;
    renderApp({ i18n });
    await screen.findByRole('navigation', { name: '计划大纲' });
    await screen.findByRole('heading', { level: 2, name: /^主题三/ });
    const links = screen.getAllByRole('link').length;
    expect(links).toBeGreaterThan(20);
    expect(subscriptions).toBe(1);

    fireEvent.click(within(screen.getByRole('group', { name: '界面语言' })).getByRole('button', { name: 'English' }));
    await screen.findByRole('navigation', { name: 'Plan outline' });
    expect(screen.getByRole('heading', { level: 2, name: /^Theme 3 / })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'Plan overview' })).toBeTruthy();
    expect(subscriptions).toBe(1);
  });
});
