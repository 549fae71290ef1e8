// An annotation's history dialog over the fake core: the saved states newest first with time,
// reason and text, the chosen one's difference from the current text, restoring an earlier
// state on the revision shown (a new revision; the history keeps everything), and a restore
// made on a stale revision refused and shown with nothing overwritten.
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { HistoryDialog } from '../../../renderer/src/features/annotations/history/HistoryDialog';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { createFakeAnnotations, highlight, type FakeAnnotations } from './fake-annotations';

beforeAll(() => {
  installDialogPolyfill();
  configure({ asyncUtilTimeout: 8000 });
});
afterEach(cleanup);

function renderHistory(fake: FakeAnnotations, id: string, language: 'zh' | 'en' = 'zh') {
  const onClose = vi.fn();
  render(
    <I18nProvider i18n={createI18n(language)}>
      <QueryClientProvider client={createQueryClient()}>
        <HistoryDialog client={createClientFromBridge(fake.bridge)} id={id} onClose={onClose} />
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { onClose };
}

/** An annotation edited twice: revision 1 "初稿", 2 "第二稿", 3 "定稿：三项任务". */
function edited() {
  const a = highlight({ quote: '强基固本', color: 'yellow', body: '初稿' });
  const fake = createFakeAnnotations([a], { yellow: '重点' });
  fake.editElsewhere(a.id, '第二稿');
  fake.editElsewhere(a.id, '定稿：三项任务');
  return { fake, id: a.id };
}

const states = () => within(screen.getByRole('navigation', { name: '已保存的版本' })).getAllByRole('button');

describe('the history dialog', { timeout: 20_000 }, () => {
  it('lists the saved states newest first with reason and text, and marks what differs from the current one', async () => {
    const { fake, id } = edited();
    renderHistory(fake, id);
    await screen.findByRole('navigation', { name: '已保存的版本' });
    expect(states().map((b) => b.textContent)).toEqual([
      expect.stringMatching(/编辑 · 第 3 版当前版本定稿：三项任务$/),
      expect.stringMatching(/编辑 · 第 2 版第二稿$/),
      expect.stringMatching(/编辑 · 第 1 版初稿$/),
    ]);
    // The newest earlier state is chosen first, with its difference from the current text.
    expect(states()[1]!.getAttribute('aria-pressed')).toBe('true');
    const detail = screen.getByRole('region', { name: '第 2 版' });
    expect(detail.textContent).toContain('颜色：重点');
    const diff = within(detail).getByLabelText('与当前版本的差异');
    expect([...diff.querySelectorAll('ins')].map((e) => e.textContent).join('')).toContain('定');
    expect([...diff.querySelectorAll('del')].map((e) => e.textContent).join('')).toContain('第二');
    // The current state has nothing to restore.
    fireEvent.click(states()[0]!);
    expect(within(screen.getByRole('region', { name: '第 3 版' })).queryByRole('button', { name: '恢复此版本' })).toBeNull();
  });

  it('restores an earlier state on the revision shown, as a new revision that keeps every other state', async () => {
    const { fake, id } = edited();
    renderHistory(fake, id);
    await screen.findByRole('navigation', { name: '已保存的版本' });
    fireEvent.click(states()[2]!);
    fireEvent.click(within(screen.getByRole('region', { name: '第 1 版' })).getByRole('button', { name: '恢复此版本' }));
    expect(await screen.findByText('已恢复第 1 版，成为新的当前版本（第 4 版）。原有版本均已保留。')).toBeTruthy();
    expect(fake.calls.filter((c) => c.method === 'annotation.restoreRevision').map((c) => c.args)).toEqual([{ id, baseRevision: 3, revision: 1 }]);
    expect(fake.store.get(id)!.body).toBe('初稿');
    await screen.findByText(/恢复旧版本 · 第 4 版/);
    expect(states()).toHaveLength(4);
  });

  it('a restore on a stale revision is refused: says so, overwrites nothing, and shows the fresh history', async () => {
    const { fake, id } = edited();
    renderHistory(fake, id);
    await screen.findByRole('navigation', { name: '已保存的版本' });
    // Another window saves meanwhile: the dialog still shows revision 3 as the current one.
    fake.editElsewhere(id, '另一窗口的修改');
    fireEvent.click(states()[2]!);
    fireEvent.click(within(screen.getByRole('region', { name: '第 1 版' })).getByRole('button', { name: '恢复此版本' }));
    expect(await screen.findByRole('alert')).toHaveProperty('textContent', '这条标注已在别处更改（现为第 4 版），未做任何覆盖。下方已显示最新的历史，请查看后再决定。');
    expect(fake.store.get(id)!.body).toBe('另一窗口的修改');
    expect(fake.store.get(id)!.revision).toBe(4);
    await waitFor(() => expect(states()[0]!.textContent).toMatch(/第 4 版当前版本另一窗口的修改$/));
  });

  it('offers no restore for an annotation in the trash, and says why', async () => {
    const a = highlight({ quote: '强基固本', color: 'yellow', body: '初稿' });
    const fake = createFakeAnnotations([a]);
    fake.editElsewhere(a.id, '第二稿');
    fake.store.get(a.id)!.deletedAt = '2026-12-01T10:00:00.000Z';
    renderHistory(fake, a.id);
    const detail = await screen.findByRole('region', { name: '第 1 版' });
    expect(within(detail).queryByRole('button', { name: '恢复此版本' })).toBeNull();
    expect(within(detail).getByText('这条标注在废纸篓中，请先将它恢复，再恢复旧版本。')).toBeTruthy();
  });

  it('speaks English too, and closes with its button', async () => {
    const { fake, id } = edited();
    const { onClose } = renderHistory(fake, id, 'en');
    expect(await screen.findByRole('navigation', { name: 'Saved states' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Revision 2' }).textContent).toContain('Colour: 重点');
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalled();
  });
});
