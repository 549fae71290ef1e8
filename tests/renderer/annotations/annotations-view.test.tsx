// The annotations view over a fake core that checks revisions as the real one does: the list with
// where each entry is, its quote, note excerpt, tags and anchoring; the filters (colour by the
// reader's names, tag, kind, anchoring); opening an entry; the trash (restore, empty with a
// confirmation naming how many); a stale restore shown and nothing overwritten; the tag rename
// and merge dialog; naming the colours; the empty states; hostile note bodies as plain text.
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { AnnotationUiProvider, useAnnotationUi } from '../../../renderer/src/features/annotations/annotation-ui';
import { AnnotationsView } from '../../../renderer/src/features/annotations/library/AnnotationsView';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { createFakeAnnotations, highlight, note, type FakeAnnotations } from './fake-annotations';

beforeAll(() => {
  installDialogPolyfill();
  // The machine running the tests is shared and slow at times: waiting is not what is tested.
  configure({ asyncUtilTimeout: 8000 });
});
afterEach(cleanup);

function Focused() {
  const ui = useAnnotationUi();
  return <output data-testid="focused">{ui.focusedId ?? ''}</output>;
}

function renderView(fake: FakeAnnotations, language: 'zh' | 'en' = 'zh') {
  const onOpenPassage = vi.fn();
  render(
    <I18nProvider i18n={createI18n(language)}>
      <QueryClientProvider client={createQueryClient()}>
        <AnnotationUiProvider>
          <Focused />
          <AnnotationsView client={createClientFromBridge(fake.bridge)} onOpenPassage={onOpenPassage} readHref="#/" />
        </AnnotationUiProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { onOpenPassage };
}

const list = () => screen.findByRole('list', { name: /^(标注|废纸篓|Annotations|Trash)$/ });
/** The quotes and notes shown, in list order. */
async function shown(): Promise<string[]> {
  const ul = await list();
  return within(ul)
    .getAllByRole('button', { name: /^打开：|^Open: / })
    .map((b) => b.textContent ?? '');
}
const calls = (fake: FakeAnnotations, method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.args);

function library() {
  return createFakeAnnotations(
    [
      highlight({ quote: '深化改革、强基固本', color: 'yellow', tags: ['重点'], body: '**关键**：先做 [试点](https://example.org)', headline: '推进改革' }),
      highlight({ quote: '新质生产力', color: 'blue', tags: ['疑问', '重点'], planId: 'p-anji', numeral: '（二）', headline: '绿色产业' }),
      highlight({ quote: '营商环境', color: 'yellow', anchor: 'orphaned' }),
      note({ body: '# 会前准备\n- 核对数据', tags: ['待办'] }),
      highlight({ quote: '已删除的划线', color: 'pink', deleted: true, tags: ['重点'] }),
    ],
    { yellow: '重点', blue: '疑问' },
  );
}

describe('the annotations view', { timeout: 20_000 }, () => {
  it('lists every annotation with its plan and item, quote, note excerpt, tags and anchoring', async () => {
    const fake = library();
    renderView(fake);
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    expect(screen.getByText('共 4 条')).toBeTruthy();
    const first = screen.getByText('深化改革、强基固本').closest('article')!;
    expect(first.textContent).toContain('杭州打造中国式现代化城市范例');
    expect(first.textContent).toContain('第一推进改革');
    expect(first.textContent).toContain('深化改革、强基固本');
    // The Markdown is stripped to words: no asterisks, no address.
    expect(first.textContent).toContain('关键：先做 试点');
    expect(first.textContent).not.toContain('example.org');
    expect(first.textContent).toContain('划线 · 重点');
    expect(within(first).getByRole('list', { name: '标签' }).textContent).toBe('重点');
    expect(within(screen.getByText('营商环境').closest('article')!).getByText('原文已找不到')).toBeTruthy();
    expect(screen.getByText('会前准备 核对数据')).toBeTruthy();
    // The trashed one is not in the list.
    expect(screen.queryByText('已删除的划线')).toBeNull();
    expect(calls(fake, 'annotation.list')[0]).toMatchObject({ trashed: false, sort: 'modified', offset: 0 });
  });

  it('filters by colour (with the reader’s names), tag, kind and anchoring, and clears them', async () => {
    const fake = library();
    renderView(fake);
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    const colours = screen.getByRole('group', { name: '颜色' });
    fireEvent.click(within(colours).getByRole('button', { name: '重点' }));
    await waitFor(async () => expect((await shown()).sort()).toEqual(['营商环境', '深化改革、强基固本关键：先做 试点'].sort()));
    expect(calls(fake, 'annotation.list')).toContainEqual(expect.objectContaining({ color: 'yellow', offset: 0 }));

    fireEvent.change(screen.getByRole('combobox', { name: '标签' }), { target: { value: '重点' } });
    await waitFor(async () => expect(await shown()).toEqual(['深化改革、强基固本关键：先做 试点']));
    expect(calls(fake, 'annotation.list')).toContainEqual(expect.objectContaining({ color: 'yellow', tag: '重点', offset: 0 }));

    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(async () => expect(await shown()).toHaveLength(4));

    fireEvent.change(screen.getByRole('combobox', { name: '类型' }), { target: { value: 'note' } });
    await waitFor(async () => expect(await shown()).toEqual(['会前准备 核对数据']));
    fireEvent.change(screen.getByRole('combobox', { name: '类型' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: '定位' }), { target: { value: 'orphaned' } });
    await waitFor(async () => expect(await shown()).toEqual(['营商环境']));
    fireEvent.change(screen.getByRole('combobox', { name: '计划' }), { target: { value: 'p-anji' } });
    expect(await screen.findByText('暂无符合筛选条件的标注')).toBeTruthy();
  });

  it('opens an entry at its passage: focuses the annotation and goes to its plan and item', async () => {
    const fake = library();
    const { onOpenPassage } = renderView(fake);
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: /^打开：新质生产力/ }));
    const opened = [...fake.store.values()].find((e) => e.target?.selectors.quote.exact === '新质生产力')!;
    expect(onOpenPassage).toHaveBeenCalledWith('p-anji', opened.itemId);
    expect(screen.getByTestId('focused').textContent).toBe(opened.id);
  });

  it('moves to the trash on the entry’s revision, restores from the trash, and empties it after saying how many go', async () => {
    const fake = library();
    renderView(fake);
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: '将“营商环境”移到废纸篓' }));
    await waitFor(async () => expect(await shown()).toHaveLength(3));
    const orphan = [...fake.store.values()].find((e) => e.target?.selectors.quote.exact === '营商环境')!;
    expect(calls(fake, 'annotation.delete')).toEqual([{ id: orphan.id, baseRevision: 1 }]);
    expect(screen.getByText('已移到废纸篓。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '废纸篓' }));
    await waitFor(async () => expect((await shown()).sort()).toEqual(['营商环境', '已删除的划线'].sort()));
    fireEvent.click(screen.getByRole('button', { name: '恢复“营商环境”' }));
    await waitFor(async () => expect(await shown()).toEqual(['已删除的划线']));
    expect(calls(fake, 'annotation.restore')).toEqual([{ id: orphan.id, baseRevision: 2 }]);

    fireEvent.click(screen.getByRole('button', { name: '清空废纸篓…' }));
    const confirm = screen.getByRole('alertdialog', { name: '永久删除废纸篓中的标注？' });
    expect(confirm.textContent).toContain('废纸篓中的 1 条标注将被永久删除');
    // Cancel first: nothing is removed.
    fireEvent.click(within(confirm).getByRole('button', { name: '取消' }));
    expect(calls(fake, 'annotation.emptyTrash')).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: '清空废纸篓…' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: '永久删除 1 条' }));
    expect(await screen.findByText('已永久删除 1 条标注。')).toBeTruthy();
    expect(await screen.findByText('废纸篓为空')).toBeTruthy();
    expect([...fake.store.values()].some((e) => e.deletedAt !== null)).toBe(false);
    expect(fake.store.size).toBe(4);
  });

  it('a stale restore is refused and shown; nothing is changed and the list shows what is stored', async () => {
    const fake = library();
    renderView(fake);
    fireEvent.click(screen.getByRole('button', { name: '废纸篓' }));
    await waitFor(async () => expect(await shown()).toEqual(['已删除的划线']));
    const trashed = [...fake.store.values()].find((e) => e.deletedAt !== null)!;
    fake.editElsewhere(trashed.id, '别处改过的笔记');
    fireEvent.click(screen.getByRole('button', { name: '恢复“已删除的划线”' }));
    expect(await screen.findByText(/已在别处更改（现为第 2 版），未做任何更改/)).toBeTruthy();
    expect(fake.store.get(trashed.id)!.deletedAt).not.toBeNull();
    await waitFor(async () => expect(await shown()).toEqual(['已删除的划线别处改过的笔记']));
  });

  it('renames a tag across the library, and says when the new name merges two tags and how many records change', async () => {
    const fake = library();
    renderView(fake);
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    fireEvent.change(screen.getByRole('combobox', { name: '标签' }), { target: { value: '疑问' } });
    fireEvent.click(await screen.findByRole('button', { name: '重命名标签“疑问”' }));
    const dialog = screen.getByRole('dialog', { name: '重命名标签' });
    const input = within(dialog).getByRole('combobox', { name: '新名称' });
    expect(await within(dialog).findByText('将更改 1 条记录（举措 0 项，标注 1 条）。')).toBeTruthy();
    fireEvent.change(input, { target: { value: '  待办 ' } });
    expect(within(dialog).getByText('标签“待办”已存在：两个标签将合并为“待办”，此操作无法自动撤销。')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '合并' }));
    expect(await screen.findByText('已将“疑问”改为“待办”：更改了 0 项举措和 1 条标注。')).toBeTruthy();
    expect(calls(fake, 'tags.rename')).toEqual([{ from: '疑问', to: '待办' }]);
    // The filter follows the tag to its new name.
    expect((screen.getByRole('combobox', { name: '标签' }) as HTMLSelectElement).value).toBe('待办');
    await waitFor(async () => expect(await shown()).toHaveLength(2));

    // A rename to a fresh name says rename, not merge; the same name cannot be submitted.
    fireEvent.click(screen.getByRole('button', { name: '重命名标签“待办”' }));
    const again = screen.getByRole('dialog', { name: '重命名标签' });
    expect(within(again).getByText('新名称与当前名称相同。')).toBeTruthy();
    expect((within(again).getByRole('button', { name: '重命名' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(again).getByRole('combobox', { name: '新名称' }), { target: { value: '会前' } });
    expect(within(again).queryByText(/已存在/)).toBeNull();
    fireEvent.click(within(again).getByRole('button', { name: '取消' }));
    expect(calls(fake, 'tags.rename')).toHaveLength(1);
  });

  it('names the colours; the filter shows the names', async () => {
    const fake = library();
    renderView(fake);
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: '命名颜色…' }));
    const dialog = screen.getByRole('dialog', { name: '命名颜色' });
    expect((within(dialog).getByRole('textbox', { name: '黄色的名称' }) as HTMLInputElement).value).toBe('重点');
    fireEvent.change(within(dialog).getByRole('textbox', { name: '绿色的名称' }), { target: { value: ' 待办 ' } });
    fireEvent.change(within(dialog).getByRole('textbox', { name: '蓝色的名称' }), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls(fake, 'annotation.setColorNames')).toEqual([{ names: { yellow: '重点', green: '待办' } }]);
    const colours = screen.getByRole('group', { name: '颜色' });
    expect(within(colours).getAllByRole('button').map((b) => b.textContent)).toEqual(['全部颜色', '重点', '待办', '蓝色', '粉色', '紫色']);
  });

  it('explains how to make a highlight when there is none, in both languages', async () => {
    renderView(createFakeAnnotations([]));
    expect(await screen.findByText('暂无标注')).toBeTruthy();
    expect(screen.getByText(/选中举措里的一段文字/)).toBeTruthy();
    expect(screen.getByText('按 Ctrl+N 可为当前举措写一条笔记。')).toBeTruthy();
    cleanup();
    renderView(createFakeAnnotations([]), 'en');
    expect(await screen.findByText('No annotations yet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    expect(await screen.findByText('The trash is empty')).toBeTruthy();
  });

  it('shows hostile note bodies as text: no element, handler or link is made from them', async () => {
    const hostile = [
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
      '[click](javascript:window.__pwned=3)',
      '<svg onload="window.__pwned=4"></svg>',
    ];
    renderView(createFakeAnnotations(hostile.map((body) => note({ body }))));
    await waitFor(async () => expect(await shown()).toHaveLength(4));
    const ul = await list();
    expect(ul.querySelector('script, img, svg, a, iframe, [onerror], [onload]')).toBeNull();
    expect(ul.textContent).toContain('<script>window.__pwned = 1</script>');
    expect(ul.textContent).toContain('<img src=x onerror="window.__pwned = 2">');
    expect(ul.textContent).not.toContain('javascript:');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
