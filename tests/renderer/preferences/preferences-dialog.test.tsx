// The preferences dialog against a fake desktop bridge (the real api client): the reader's
// display choices, the status list (rename, add, remove, reorder, a CONFLICT for a status in
// use), and the dialog's keyboard behaviour (Escape, focus kept inside and given back).
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/result';
import { DEFAULT_STATUS_OPTIONS, type StatusOption } from '../../../shared/domain/table';
import { createApiClient, type ApiClient } from '../../../renderer/src/api/client';
import { PreferencesDialog } from '../../../renderer/src/features/preferences/PreferencesDialog';
import type { Language } from '../../../renderer/src/i18n/catalogue';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { DEFAULT_PREFERENCES, type Preferences } from '../../../renderer/src/reading/preferences';
import { createFakeBridge, installBridge, removeBridge, type FakeBridge } from '../fake-bridge';
import { installDialogPolyfill } from './dialog-polyfill';

beforeAll(installDialogPolyfill);
afterEach(() => {
  cleanup();
  removeBridge();
});

const ok = <T,>(value: T) => ({ ok: true as const, value });

/** A fake core for the status list: keeps the saved list; refuses to drop a status marked in use. */
function statusBridge({ inUse = [] as string[], failLoad = false } = {}): FakeBridge & { stored: () => StatusOption[] } {
  let stored: StatusOption[] = DEFAULT_STATUS_OPTIONS.map((o) => ({ key: o.key, label: { ...o.label } }));
  let revision = 0;
  const fake = createFakeBridge({
    'status.options': async () =>
      failLoad ? { ok: false, error: { code: 'INTERNAL', message: 'disk on fire' } } : ok({ options: stored, revision }),
    'status.setOptions': async ({ options, baseRevision }) => {
      if (baseRevision !== revision) {
        return { ok: false, error: { code: 'CONFLICT', message: 'stale', current: { options: stored, revision } } };
      }
      const dropped = stored.filter((o) => inUse.includes(o.key) && !options.some((n) => n.key === o.key));
      if (dropped.length) {
        const err = new AppError('CONFLICT', `Cannot remove a status still in use: ${dropped.map((o) => `“${o.key}” is used by 3 initiatives`).join(', ')}. Give them another status first.`);
        return { ok: false, error: { code: err.code, message: err.message } };
      }
      stored = options.map((o) => ({ key: o.key, label: { ...o.label } }));
      revision += 1;
      return ok({ options: stored, revision });
    },
  });
  return Object.assign(fake, { stored: () => stored });
}

type Spy = ReturnType<typeof vi.fn<(value: unknown) => void>>;
interface Spies {
  onLanguageChange: Spy;
  setTheme: Spy;
  setReadingMode: Spy;
  setReadingSize: Spy;
}

/** App's part: an opener button, the preferences state, and the dialog. */
function Harness({ client, spies, initialLanguage }: { client: ApiClient; spies: Spies; initialLanguage: Language }) {
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const [prefs, setPrefs] = useState<Preferences>(DEFAULT_PREFERENCES);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        open-preferences
      </button>
      <PreferencesDialog
        open={open}
        onClose={() => setOpen(false)}
        client={client}
        language={language}
        onLanguageChange={(l) => {
          spies.onLanguageChange(l);
          setLanguage(l);
        }}
        preferences={prefs}
        actions={{
          setTheme: (theme) => {
            spies.setTheme(theme);
            setPrefs((p) => ({ ...p, theme }));
          },
          setReadingMode: (readingMode) => {
            spies.setReadingMode(readingMode);
            setPrefs((p) => ({ ...p, readingMode }));
          },
          setReadingSize: (readingSize) => {
            spies.setReadingSize(readingSize);
            setPrefs((p) => ({ ...p, readingSize }));
          },
          setCjkPunctuation: (cjkPunctuation) => setPrefs((p) => ({ ...p, cjkPunctuation })),
          setOutlineHidden: (outlineHidden) => setPrefs((p) => ({ ...p, outlineHidden })),
          setOutlineWidth: (outlineWidth) => setPrefs((p) => ({ ...p, outlineWidth })),
        }}
      />
    </>
  );
}

async function openDialog({ fake = statusBridge(), language = 'zh' as Language } = {}) {
  installBridge(fake);
  const spies: Spies = { onLanguageChange: vi.fn(), setTheme: vi.fn(), setReadingMode: vi.fn(), setReadingSize: vi.fn() };
  const i18n = createI18n(language);
  render(
    <I18nProvider i18n={i18n}>
      <Harness client={createApiClient()} spies={spies} initialLanguage={language} />
    </I18nProvider>,
  );
  const opener = screen.getByRole('button', { name: 'open-preferences' });
  act(() => opener.focus());
  fireEvent.click(opener);
  const dialog = screen.getByRole('dialog');
  return { fake, spies, opener, dialog, i18n };
}

const zhInputs = (dialog: HTMLElement) => within(dialog).getAllByRole('textbox', { name: /的中文名称$/ }) as HTMLInputElement[];
const enInputs = (dialog: HTMLElement) => within(dialog).getAllByRole('textbox', { name: /的英文名称$/ }) as HTMLInputElement[];

describe('preferences dialog', () => {
  it('renders nothing while closed', () => {
    installBridge(statusBridge());
    render(
      <I18nProvider i18n={createI18n('zh')}>
        <Harness client={createApiClient()} spies={{ onLanguageChange: vi.fn(), setTheme: vi.fn(), setReadingMode: vi.fn(), setReadingSize: vi.fn() }} initialLanguage="zh" />
      </I18nProvider>,
    );
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('opens modal, named by its title, with the first control focused and the current choices checked', async () => {
    const { dialog } = await openDialog();
    expect((dialog as HTMLDialogElement).open).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: '偏好设置' })).toBe(dialog);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: '关闭' }));
    const uiLanguage = within(dialog).getByRole('group', { name: '界面语言' });
    expect((within(uiLanguage).getByRole('radio', { name: '中文' }) as HTMLInputElement).checked).toBe(true);
    expect((within(uiLanguage).getByRole('radio', { name: 'English' }) as HTMLInputElement).checked).toBe(false);
    expect((within(dialog).getByRole('radio', { name: '跟随系统' }) as HTMLInputElement).checked).toBe(true);
    expect((within(within(dialog).getByRole('group', { name: '正文语言' })).getByRole('radio', { name: '中文' }) as HTMLInputElement).checked).toBe(true);
    expect((within(dialog).getByRole('slider', { name: '字号' }) as HTMLInputElement).value).toBe(String(DEFAULT_PREFERENCES.readingSize));
    await within(dialog).findByDisplayValue('进行中');
  });

  it('reports each display choice to App, which applies it', async () => {
    const { dialog, spies } = await openDialog();
    fireEvent.click(within(dialog).getByRole('radio', { name: '深色' }));
    expect(spies.setTheme).toHaveBeenCalledExactlyOnceWith('dark');
    fireEvent.click(within(dialog).getByRole('radio', { name: '中英对照' }));
    expect(spies.setReadingMode).toHaveBeenCalledExactlyOnceWith('both');
    fireEvent.change(within(dialog).getByRole('slider', { name: '字号' }), { target: { value: '5' } });
    expect(spies.setReadingSize).toHaveBeenCalledExactlyOnceWith(5);
    expect(within(dialog).getByRole('slider', { name: '字号' }).getAttribute('aria-valuetext')).toBe('5 / 5');
    expect((within(dialog).getByRole('radio', { name: '深色' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(dialog).getByRole('radio', { name: 'English' }));
    expect(spies.onLanguageChange).toHaveBeenCalledExactlyOnceWith('en');
  });

  it('speaks English when the UI language is English', async () => {
    const { dialog } = await openDialog({ language: 'en' });
    expect(screen.getByRole('dialog', { name: 'Preferences' })).toBe(dialog);
    expect(within(dialog).getByRole('group', { name: 'Text language' })).toBeTruthy();
    await within(dialog).findByDisplayValue('In progress');
    expect(within(dialog).getByRole('button', { name: 'Save statuses' })).toBeTruthy();
    expect(within(dialog).getByRole('button', { name: 'Move up: In progress' })).toBeTruthy();
  });

  it('Escape closes it and gives the focus back to what opened it', async () => {
    const { dialog, opener } = await openDialog();
    fireEvent.keyDown(within(dialog).getByRole('radio', { name: '深色' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('the browser’s own cancel (close request) closes it through App too', async () => {
    const { dialog, opener } = await openDialog();
    const cancel = new Event('cancel', { cancelable: true });
    act(() => {
      dialog.dispatchEvent(cancel);
    });
    expect(cancel.defaultPrevented).toBe(true);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('Done and the close button close it', async () => {
    let { dialog } = await openDialog();
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'open-preferences' }));
    dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps Tab inside: from the last control to the first, and Shift+Tab back', async () => {
    const { dialog } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    const close = within(dialog).getByRole('button', { name: '关闭' });
    const done = within(dialog).getByRole('button', { name: '完成' });
    act(() => done.focus());
    fireEvent.keyDown(done, { key: 'Tab' });
    expect(document.activeElement).toBe(close);
    fireEvent.keyDown(close, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(done);
    // In between, Tab is the browser's: the dialog does not move the focus itself.
    const radio = within(dialog).getByRole('radio', { name: '深色' });
    act(() => radio.focus());
    fireEvent.keyDown(radio, { key: 'Tab' });
    expect(document.activeElement).toBe(radio);
  });
});

describe('status list', () => {
  it('shows the saved statuses in order, each with its Chinese and English name', async () => {
    const { dialog } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    expect(zhInputs(dialog).map((i) => i.value)).toEqual(DEFAULT_STATUS_OPTIONS.map((o) => o.label.zh));
    expect(enInputs(dialog).map((i) => i.value)).toEqual(DEFAULT_STATUS_OPTIONS.map((o) => o.label.en));
    expect((within(dialog).getByRole('button', { name: '保存状态' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('renames, adds and reorders, then saves the whole list in one call', async () => {
    const { dialog, fake } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    fireEvent.change(zhInputs(dialog)[0]!, { target: { value: '未启动' } });
    expect(within(dialog).getByText('状态列表有尚未保存的更改，点“完成”即保存。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '添加状态' }));
    fireEvent.change(zhInputs(dialog)[4]!, { target: { value: '  暂缓 ' } });
    fireEvent.change(enInputs(dialog)[4]!, { target: { value: 'On hold' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '上移：暂缓' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '下移：未启动' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '保存状态' }));
    await within(dialog).findByText('状态已保存。');
    expect(fake.calls.filter((c) => c.method === 'status.setOptions')).toHaveLength(1);
    expect(fake.stored()).toEqual([
      { key: 'in_progress', label: { zh: '进行中', en: 'In progress' } },
      { key: 'not_started', label: { zh: '未启动', en: 'Not started' } },
      { key: 'done', label: { zh: '已完成', en: 'Done' } },
      { key: 'custom_1', label: { zh: '暂缓', en: 'On hold' } },
      { key: 'watching', label: { zh: '关注中', en: 'Watching' } },
    ]);
    expect(zhInputs(dialog).map((i) => i.value)).toEqual(['进行中', '未启动', '已完成', '暂缓', '关注中']);
    expect((within(dialog).getByRole('button', { name: '保存状态' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a list saved meanwhile in another window: both lists shown, nothing saved until the reader chooses', async () => {
    const { dialog, fake } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    // Another window renames the first status after this dialog loaded the list (revision 0 → 1).
    const theirs = DEFAULT_STATUS_OPTIONS.map((o, i) => ({ key: o.key, label: i === 0 ? { zh: '待启动', en: 'Pending' } : { ...o.label } }));
    await fake.bridge['status.setOptions']({ options: theirs, baseRevision: 0 });
    fireEvent.change(zhInputs(dialog)[1]!, { target: { value: '推进中' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存状态' }));
    const conflict = await screen.findByRole('alertdialog', { name: '此内容已在别处修改' });
    expect(within(conflict).getByRole('region', { name: '已保存的版本' }).textContent).toContain('1. 待启动');
    expect(within(conflict).getByRole('region', { name: '您的版本' }).textContent).toContain('2. 推进中');
    expect(fake.stored()).toEqual(theirs);
    // Escape closes only the conflict (keep editing), not the preferences around it.
    fireEvent.keyDown(conflict, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(zhInputs(dialog)[1]!.value).toBe('推进中');
    // Saving again now goes on top of theirs, knowingly: mine is stored at revision 2.
    fireEvent.click(within(dialog).getByRole('button', { name: '保存状态' }));
    await within(dialog).findByText('状态已保存。');
    expect(fake.stored().map((o) => o.label.zh)).toEqual(['未开始', '推进中', '已完成', '关注中']);
  });

  it('a list saved meanwhile: “Keep the saved version” takes theirs into the editor', async () => {
    const { dialog, fake } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    const theirs = DEFAULT_STATUS_OPTIONS.slice(0, 2).map((o) => ({ key: o.key, label: { ...o.label } }));
    await fake.bridge['status.setOptions']({ options: theirs, baseRevision: 0 });
    fireEvent.change(zhInputs(dialog)[0]!, { target: { value: '未启动' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存状态' }));
    const conflict = await screen.findByRole('alertdialog');
    fireEvent.click(within(conflict).getByRole('button', { name: '保留已保存的版本' }));
    await waitFor(() => expect(zhInputs(dialog).map((i) => i.value)).toEqual(['未开始', '进行中']));
    expect(fake.stored()).toEqual(theirs);
  });

  it('a status still in use cannot be removed: the core’s CONFLICT is shown, the draft kept, undo restores', async () => {
    const { dialog, fake } = await openDialog({ fake: statusBridge({ inUse: ['done'] }) });
    await within(dialog).findByDisplayValue('已完成');
    fireEvent.click(within(dialog).getByRole('button', { name: '删除：已完成' }));
    expect(zhInputs(dialog).map((i) => i.value)).toEqual(['未开始', '进行中', '关注中']);
    fireEvent.click(within(dialog).getByRole('button', { name: '保存状态' }));
    const message = await within(dialog).findByText(/无法删除仍在使用的状态/);
    expect(message.textContent).toBe('无法删除仍在使用的状态：“已完成”。请先在举措表中为这些举措改用其他状态，再删除。');
    expect(within(dialog).getByText(/“done” is used by 3 initiatives/)).toBeTruthy();
    expect(fake.stored().map((o) => o.key)).toContain('done');
    expect(zhInputs(dialog)).toHaveLength(3);
    fireEvent.click(within(dialog).getByRole('button', { name: '撤销更改' }));
    expect(zhInputs(dialog).map((i) => i.value)).toEqual(['未开始', '进行中', '已完成', '关注中']);
    expect(within(dialog).queryByText(/无法删除/)).toBeNull();
  });

  it('refuses to save an empty name, without asking the core', async () => {
    const { dialog, fake } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    fireEvent.click(within(dialog).getByRole('button', { name: '添加状态' }));
    fireEvent.change(zhInputs(dialog)[4]!, { target: { value: '暂缓' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存状态' }));
    expect(within(dialog).getByText('每个状态都需要中文和英文名称。')).toBeTruthy();
    expect(fake.calls.some((c) => c.method === 'status.setOptions')).toBe(false);
  });

  it('moving is bounded: the first cannot go up, the last cannot go down, and the only one cannot be removed', async () => {
    const { dialog } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    const up = within(dialog).getByRole('button', { name: '上移：未开始' });
    expect(up.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(up);
    fireEvent.click(within(dialog).getByRole('button', { name: '下移：关注中' }));
    expect(zhInputs(dialog).map((i) => i.value)).toEqual(['未开始', '进行中', '已完成', '关注中']);
    for (const label of ['未开始', '进行中', '已完成']) fireEvent.click(within(dialog).getByRole('button', { name: `删除：${label}` }));
    const last = within(dialog).getByRole('button', { name: '删除：关注中' });
    expect(last.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(last);
    expect(zhInputs(dialog)).toHaveLength(1);
  });

  it('says so when the list cannot be loaded, and tries again on request', async () => {
    const fake = statusBridge({ failLoad: true });
    const { dialog } = await openDialog({ fake });
    const retry = await within(dialog).findByRole('button', { name: '重试' });
    expect(within(dialog).getByText('无法加载状态列表。')).toBeTruthy();
    fake.bridge['status.options'] = async () =>
      ok({ options: DEFAULT_STATUS_OPTIONS.map((o) => ({ key: o.key, label: { ...o.label } })), revision: 0 });
    fireEvent.click(retry);
    await waitFor(() => expect(zhInputs(dialog)).toHaveLength(4));
  });
});

describe('closing with unsaved status changes', () => {
  async function renamed(options?: Parameters<typeof openDialog>[0]) {
    const opened = await openDialog(options);
    await within(opened.dialog).findByDisplayValue('进行中');
    fireEvent.change(zhInputs(opened.dialog)[0]!, { target: { value: '尚未开始' } });
    return opened;
  }
  const setCalls = (fake: FakeBridge) => fake.calls.filter((c) => c.method === 'status.setOptions');

  it('Done saves the draft, then closes', async () => {
    const { dialog, fake } = await renamed();
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(setCalls(fake)).toHaveLength(1);
    expect(fake.stored()[0]!.label.zh).toBe('尚未开始');
  });

  it('Done stays open with the reason when the core refuses the draft', async () => {
    const { dialog, fake } = await renamed({ fake: statusBridge({ inUse: ['done'] }) });
    fireEvent.click(within(dialog).getByRole('button', { name: '删除：已完成' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));
    await within(dialog).findByText(/无法删除仍在使用的状态/);
    expect(screen.getByRole('dialog')).toBe(dialog);
    expect(setCalls(fake)).toHaveLength(1);
  });

  it('Escape asks: keep editing (Escape again) keeps the draft, discard closes without saving', async () => {
    const { dialog, fake, opener } = await renamed();
    fireEvent.keyDown(zhInputs(dialog)[0]!, { key: 'Escape' });
    expect(screen.getByRole('dialog')).toBe(dialog);
    const ask = within(dialog).getByRole('alert');
    expect(ask.textContent).toContain('状态列表有尚未保存的更改。');
    // The safe choice has the focus.
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: '保存并关闭' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(zhInputs(dialog)[0]!.value).toBe('尚未开始');
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '放弃更改' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(setCalls(fake)).toHaveLength(0);
    expect(document.activeElement).toBe(opener);
  });

  it('Escape, then Save and close, stores the draft', async () => {
    const { dialog, fake } = await renamed();
    fireEvent.keyDown(zhInputs(dialog)[0]!, { key: 'Escape' });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存并关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.stored()[0]!.label.zh).toBe('尚未开始');
  });

  it('closes at once when nothing changed', async () => {
    const { dialog, fake } = await openDialog();
    await within(dialog).findByDisplayValue('进行中');
    fireEvent.keyDown(zhInputs(dialog)[0]!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(setCalls(fake)).toHaveLength(0);
  });
});
