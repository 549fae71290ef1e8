// No hard-coded UI text in the preferences dialog: rendered under the pseudo-language (every
// catalogue string wrapped in ⟦…⟧), every text a reader sees or hears is catalogue text or
// the reader's own data (status names), including the CONFLICT message of a status in use.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_STATUS_OPTIONS } from '../../../shared/domain/table';
import { createApiClient } from '../../../renderer/src/api/client';
import { PreferencesDialog } from '../../../renderer/src/features/preferences/PreferencesDialog';
import type { Language } from '../../../renderer/src/i18n/catalogue';
import { DEFAULT_PREFERENCES } from '../../../renderer/src/reading/preferences';
import { createFakeBridge, installBridge, removeBridge } from '../fake-bridge';
import { collectStrings, createPseudoI18n, findUncataloguedText } from '../ui-text';
import { installDialogPolyfill } from './dialog-polyfill';

beforeAll(installDialogPolyfill);
afterEach(() => {
  cleanup();
  removeBridge();
});

const CONFLICT = 'Cannot remove a status still in use: “done” is used by 1 initiative. Give them another status first.';

describe.each<Language>(['zh', 'en'])('preferences dialog text (%s)', (language) => {
  it('comes from the catalogue, with a status in use refused', async () => {
    installBridge(
      createFakeBridge({
        'status.options': async () => ({
          ok: true,
          value: { options: DEFAULT_STATUS_OPTIONS.map((o) => ({ key: o.key, label: { ...o.label } })), revision: 0 },
        }),
        'status.setOptions': async () => ({ ok: false, error: { code: 'CONFLICT', message: CONFLICT } }),
      }),
    );
    const noop = () => {};
    render(
      <I18nProvider i18n={createPseudoI18n(language)}>
        <PreferencesDialog
          open
          onClose={noop}
          client={createApiClient()}
          language={language}
          onLanguageChange={noop}
          preferences={DEFAULT_PREFERENCES}
          actions={{
            setTheme: noop,
            setReadingMode: noop,
            setReadingSize: noop,
            setCjkPunctuation: noop,
            setOutlineHidden: noop,
            setOutlineWidth: noop,
          }}
        />
      </I18nProvider>,
    );
    const dialog = screen.getByRole('dialog');
    const remove = await within(dialog).findAllByRole('button', { name: /⟦(删除|Remove): .*⟧|⟦删除：.*⟧/ });
    fireEvent.click(remove[2]!);
    fireEvent.click(within(dialog).getByRole('button', { name: /⟦(保存状态|Save statuses)⟧/ }));
    await within(dialog).findByText(/⟦(无法删除|Cannot remove statuses)/);
    const data = [...collectStrings(DEFAULT_STATUS_OPTIONS), CONFLICT];
    expect(findUncataloguedText(dialog, data)).toEqual([]);
  });
});
