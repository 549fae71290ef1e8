// The packets view over a fake core that checks revisions as the real one does: the list
// (open, duplicate, delete after a confirmation); the builder's sources (a whole plan, themes
// picked from another plan, a source naming something gone shown plainly, removing a source);
// reordering by keyboard (Alt+↑/↓, announced, focus kept) and by the buttons; the options and
// cover that the save sends; the preview frame without scripts; a stale save through the
// conflict dialog; the unsaved-changes question; the table's "Add to packet…" handoff.
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PacketDefinition } from '../../../shared/api/packets/methods';
import { createClientFromBridge } from '../../../renderer/src/api/client';
import { createQueryClient } from '../../../renderer/src/api/query-client';
import { addItemsToDraft, draftStore, newDefinition } from '../../../renderer/src/features/packets/draft';
import { PacketsView } from '../../../renderer/src/features/packets/PacketsView';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { createFakePackets, type FakePackets } from './fake-packets';

beforeAll(() => {
  installDialogPolyfill();
  // The machine running the tests is shared and slow at times: waiting is not what is tested.
  configure({ asyncUtilTimeout: 8000 });
});
afterEach(() => {
  cleanup();
  act(() => draftStore.set(null));
});

function renderView(fake: FakePackets, language: 'zh' | 'en' = 'zh', currentPlanId: string | null = 'hz-2024') {
  render(
    <I18nProvider i18n={createI18n(language)}>
      <QueryClientProvider client={createQueryClient()}>
        <PacketsView client={createClientFromBridge(fake.bridge)} currentPlanId={currentPlanId} />
      </QueryClientProvider>
    </I18nProvider>,
  );
}

const argsOf = (fake: FakePackets, method: string) => fake.calls.filter((c) => c.method === method).map((c) => c.args);
const lastSaved = (fake: FakePackets) => (argsOf(fake, 'packet.save').at(-1) as { id?: number; baseRevision: number; definition: PacketDefinition }) ?? null;

/** The headlines of the included items, in packet order. */
async function itemOrder(): Promise<string[]> {
  const group = screen.getByRole('group', { name: /包含的举措|Initiatives included/ });
  // The ordered list only: the left-out items are listed apart in the same group.
  return [...group.querySelectorAll('ol > li')].map((li) => li.querySelector('.pk-item-headline')!.textContent!.trim());
}

function saved(title: string, sources: PacketDefinition['sources'], order: string[] = []): PacketDefinition {
  return { ...newDefinition(title), sources, order };
}

describe('packets list', () => {
  it('lists saved packets; duplicates one; deletes one only after confirming', async () => {
    const fake = createFakePackets([saved('周例会简报', [{ kind: 'plan', planId: 'hz-2024' }]), saved('安吉调研', [{ kind: 'plan', planId: 'p-anji' }])]);
    renderView(fake);
    const list = await screen.findByRole('list', { name: '已保存的简报包' });
    expect(within(list).getAllByRole('heading', { level: 2 }).map((h) => h.textContent).sort()).toEqual(['周例会简报', '安吉调研'].sort());

    const entry = (title: string) => within(list).getByRole('heading', { name: title }).closest('li')!;
    fireEvent.click(within(entry('周例会简报')).getByRole('button', { name: '复制' }));
    await within(list).findByRole('heading', { name: '周例会简报（副本）' });

    fireEvent.click(within(entry('安吉调研')).getByRole('button', { name: '删除 安吉调研' }));
    const confirm = within(entry('安吉调研')).getByRole('group', { name: /删除简报包“安吉调研”/ });
    // Nothing is deleted until the reader confirms.
    expect(argsOf(fake, 'packet.delete')).toEqual([]);
    fireEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(within(list).queryByRole('heading', { name: '安吉调研' })).toBeNull());
    expect(argsOf(fake, 'packet.delete')).toEqual([{ id: 2, baseRevision: 1 }]);
  });

  it('says how to start when there is none', async () => {
    renderView(createFakePackets(), 'en');
    expect(await screen.findByText(/No packets yet/)).toBeTruthy();
  });
});

describe('packet builder', () => {
  it('builds from a whole plan and themes of another plan; a gone source is named; a source can be removed', async () => {
    const fake = createFakePackets();
    renderView(fake);
    fireEvent.click(await screen.findByRole('button', { name: '新建简报包' }));
    // A new packet starts with the plan being read.
    const sources = screen.getByRole('group', { name: '内容来源' });
    expect(await within(sources).findByText('整个计划：杭州打造中国式现代化城市范例')).toBeTruthy();
    await waitFor(async () => expect(await itemOrder()).toEqual(['（一） 推进国企改革', '（二） 优化营商环境', '（三） 建设创新策源地']));

    // Themes, grouped by plan.
    fireEvent.click(within(sources).getByRole('radio', { name: '主题' }));
    const anji = await within(sources).findByRole('group', { name: '安吉县绿色发展实施方案' });
    fireEvent.click(await within(anji).findByRole('checkbox', { name: '生态保护' }));
    fireEvent.click(within(sources).getByRole('button', { name: '添加' }));
    expect(await within(sources).findByText('1 个主题：生态保护')).toBeTruthy();
    await waitFor(async () => expect((await itemOrder()).slice(3)).toEqual(['1. 守护绿水青山', '2. 发展竹产业']));
    // Items of both plans, each with where it is from; the notes on one are counted.
    expect(screen.getByText('2 条笔记')).toBeTruthy();

    // A saved view the core no longer finds is shown plainly, not dropped.
    fireEvent.click(within(sources).getByRole('radio', { name: '已存视图' }));
    fireEvent.click(await within(sources).findByRole('button', { name: '添加' }));
    expect(await within(sources).findByText('此已存视图已被删除')).toBeTruthy();

    fireEvent.click(within(sources).getByRole('button', { name: '移除来源：整个计划：杭州打造中国式现代化城市范例' }));
    await waitFor(async () => expect(await itemOrder()).toEqual(['1. 守护绿水青山', '2. 发展竹产业']));
  });

  it('reorders by keyboard (Alt+↑/↓) and buttons, announces each move, keeps focus, and saves the order', async () => {
    const fake = createFakePackets();
    renderView(fake, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'New packet' }));
    await waitFor(async () => expect(await itemOrder()).toHaveLength(3));
    const row = screen.getByRole('listitem', { name: '1. （一） 推进国企改革' });
    row.focus();
    fireEvent.keyDown(row, { key: 'ArrowDown', altKey: true });
    await waitFor(async () => expect(await itemOrder()).toEqual(['（二） 优化营商环境', '（一） 推进国企改革', '（三） 建设创新策源地']));
    expect(screen.getByText('（一） 推进国企改革 moved to position 2 of 3')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.getAttribute('data-item-id')).toBe('hz-2024/T1/I1'));
    // Alt+↑ at the top and a plain arrow do nothing.
    fireEvent.keyDown(screen.getByRole('listitem', { name: '1. （二） 优化营商环境' }), { key: 'ArrowUp', altKey: true });
    fireEvent.keyDown(screen.getByRole('listitem', { name: '1. （二） 优化营商环境' }), { key: 'ArrowDown' });
    expect(await itemOrder()).toEqual(['（二） 优化营商环境', '（一） 推进国企改革', '（三） 建设创新策源地']);

    fireEvent.click(screen.getByRole('button', { name: 'Move up: （三） 建设创新策源地' }));
    await waitFor(async () => expect(await itemOrder()).toEqual(['（二） 优化营商环境', '（三） 建设创新策源地', '（一） 推进国企改革']));

    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(lastSaved(fake)).not.toBeNull());
    expect(lastSaved(fake)!.definition.order).toEqual(['hz-2024/T1/I2', 'hz-2024/T2/I1', 'hz-2024/T1/I1']);
    expect(lastSaved(fake)!.baseRevision).toBe(0);
    expect(await screen.findByText('Saved')).toBeTruthy();
  });

  it('sends the chosen options and cover with the save; the preview is the packet document in a frame without scripts', async () => {
    const fake = createFakePackets();
    renderView(fake);
    fireEvent.click(await screen.findByRole('button', { name: '新建简报包' }));
    const cover = screen.getByRole('group', { name: '封面' });
    fireEvent.change(within(cover).getByLabelText('标题'), { target: { value: '十二月例会' } });
    fireEvent.change(within(cover).getByLabelText('呈送'), { target: { value: '市发改委' } });
    fireEvent.change(within(cover).getByLabelText('标注'), { target: { value: '内部资料' } });
    fireEvent.click(within(cover).getByRole('checkbox', { name: '使用生成当天的日期' }));
    const layout = screen.getByRole('group', { name: '版式选项' });
    fireEvent.click(within(layout).getByRole('radio', { name: '中英对照' }));
    fireEvent.click(within(layout).getByRole('radio', { name: '条末注' }));
    fireEvent.click(within(layout).getByRole('radio', { name: '半页' }));
    fireEvent.click(within(layout).getByRole('radio', { name: 'Letter' }));
    fireEvent.click(within(layout).getByRole('radio', { name: '横向' }));
    fireEvent.click(within(layout).getByRole('checkbox', { name: '显示我的划线' }));

    const frame = (await screen.findByTitle('简报包预览')) as HTMLIFrameElement;
    await waitFor(() => expect(frame.getAttribute('srcdoc')).toContain('<h1>十二月例会</h1>'));
    expect(frame.getAttribute('sandbox')).toBe('allow-same-origin allow-modals');
    expect(frame.getAttribute('sandbox')).not.toContain('allow-scripts');

    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(lastSaved(fake)).not.toBeNull());
    const { definition } = lastSaved(fake)!;
    expect(definition.options).toEqual({
      language: 'both',
      highlights: false,
      notes: 'endnotes',
      fields: true,
      summary: true,
      ruledSpace: 'half',
      paper: 'Letter',
      orientation: 'landscape',
    });
    expect(definition.cover).toMatchObject({ title: '十二月例会', preparedFor: '市发改委', marking: '内部资料' });
    expect(definition.cover.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('a stale save opens the conflict dialog: overwrite saves on the stored revision, nothing is lost silently', async () => {
    const fake = createFakePackets([saved('周例会简报', [{ kind: 'plan', planId: 'hz-2024' }])]);
    renderView(fake);
    fireEvent.click(await screen.findByRole('button', { name: '周例会简报' }));
    fireEvent.change(within(screen.getByRole('group', { name: '封面' })).getByLabelText('副标题'), { target: { value: '第 49 周' } });
    expect(screen.getByText('有尚未保存的更改')).toBeTruthy();
    // Meanwhile another window saved the packet.
    fake.touch(1, '周例会简报（改）');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const dialog = await screen.findByRole('alertdialog', { name: '此内容已在别处修改' });
    expect(within(dialog).getByText(/周例会简报（改）/)).toBeTruthy();
    // The stored packet was not touched by the refused save.
    expect(fake.packets.get(1)!.definition.cover.subtitle).toBe('');
    fireEvent.click(within(dialog).getByRole('button', { name: '用我的版本覆盖' }));
    await waitFor(() => expect(fake.packets.get(1)!.revision).toBe(3));
    expect(fake.packets.get(1)!.definition.cover.subtitle).toBe('第 49 周');
    expect(lastSaved(fake)).toMatchObject({ id: 1, baseRevision: 2 });
  });

  it('asks before dropping unsaved changes; the draft survives leaving the view', async () => {
    const fake = createFakePackets([saved('周例会简报', [{ kind: 'plan', planId: 'hz-2024' }])]);
    renderView(fake, 'en');
    fireEvent.click(await screen.findByRole('button', { name: '周例会简报' }));
    fireEvent.change(within(screen.getByRole('group', { name: 'Cover' })).getByLabelText('Prepared by'), { target: { value: 'Policy desk' } });
    fireEvent.click(screen.getByRole('button', { name: /Back to packets/ }));
    const ask = screen.getByRole('alertdialog', { name: 'This packet has unsaved changes.' });
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();

    // Another view and back (the view unmounts): the edit is still there.
    cleanup();
    renderView(fake, 'en');
    expect((within(await screen.findByRole('group', { name: 'Cover' })).getByLabelText('Prepared by') as HTMLInputElement).value).toBe('Policy desk');
    fireEvent.click(screen.getByRole('button', { name: /Back to packets/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Discard changes' }));
    await screen.findByRole('list', { name: 'Saved packets' });
    expect(fake.packets.get(1)!.definition.cover.preparedBy).toBe('');
  });

  it('Save as PDF: a fresh job id, progress while it runs, Cancel stops it; a finished run is downloaded', async () => {
    const fake = createFakePackets();
    const created: Blob[] = [];
    const clicked: string[] = [];
    const restore = [
      vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (created.push(blob as Blob), 'blob:packet')),
      vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined),
      vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
        clicked.push(this.download);
      }),
    ];
    try {
      renderView(fake, 'en');
      fireEvent.click(await screen.findByRole('button', { name: 'New packet' }));
      fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
      const progress = await screen.findByRole('group', { name: 'Making the PDF' });
      expect(await within(progress).findByText('3 / 10')).toBeTruthy();
      const first = (argsOf(fake, 'packet.pdf')[0] as { jobId: string }).jobId;
      expect(first).toMatch(/^[0-9a-f-]{36}$/);
      // The page stays usable meanwhile: the reader can still change the packet.
      fireEvent.click(screen.getByRole('radio', { name: 'Endnotes' }));
      fireEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
      expect(await screen.findByText('PDF cancelled.')).toBeTruthy();
      expect(argsOf(fake, 'packet.cancel')).toEqual([{ jobId: first }]);
      expect(clicked).toEqual([]);

      fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
      await screen.findByRole('group', { name: 'Making the PDF' });
      const second = (argsOf(fake, 'packet.pdf')[1] as { jobId: string; definition: PacketDefinition }).jobId;
      expect(second).not.toBe(first);
      expect((argsOf(fake, 'packet.pdf')[1] as { definition: PacketDefinition }).definition.options.notes).toBe('endnotes');
      act(() => fake.finishPdf());
      expect(await screen.findByText('PDF ready (1 page): packet.pdf')).toBeTruthy();
      expect(clicked).toEqual(['packet.pdf']);
      expect(created[0]!.type).toBe('application/pdf');
      expect(await created[0]!.text()).toBe('%PDF-1.7 fake');
    } finally {
      for (const spy of restore) spy.mockRestore();
    }
  });

  it("the table's Add to packet… brings its rows in as hand-picked items; one left out comes back when picked again", async () => {
    const fake = createFakePackets();
    act(() => addItemsToDraft(['p-anji/i2', 'hz-2024/T2/I1'], '未命名简报包'));
    act(() => addItemsToDraft(['hz-2024/T2/I1', 'p-anji/i1'], '未命名简报包'));
    renderView(fake);
    const sources = await screen.findByRole('group', { name: '内容来源' });
    expect(within(sources).getByText('手选的 3 条举措')).toBeTruthy();
    await waitFor(async () => expect(await itemOrder()).toEqual(['2. 发展竹产业', '（三） 建设创新策源地', '1. 守护绿水青山']));
    fireEvent.click(screen.getByRole('button', { name: '不包含：（三） 建设创新策源地' }));
    await waitFor(async () => expect(await itemOrder()).toEqual(['2. 发展竹产业', '1. 守护绿水青山']));
    expect(screen.getByText('已不包含 （三） 建设创新策源地')).toBeTruthy();
    expect(draftStore.get()!.definition.excluded).toEqual(['hz-2024/T2/I1']);
    // Picking it again in the table is asking for it: it comes off the left-out list.
    act(() => addItemsToDraft(['hz-2024/T2/I1'], '未命名简报包'));
    expect(draftStore.get()!.definition.excluded).toEqual([]);
    await waitFor(async () => expect(await itemOrder()).toEqual(['2. 发展竹产业', '（三） 建设创新策源地', '1. 守护绿水青山']));
  });

  it('leaves out an item a whole plan brings in, lists it apart, brings it back; the count, preview and save follow', async () => {
    const fake = createFakePackets();
    renderView(fake);
    fireEvent.click(await screen.findByRole('button', { name: '新建简报包' }));
    await waitFor(async () => expect(await itemOrder()).toEqual(['（一） 推进国企改革', '（二） 优化营商环境', '（三） 建设创新策源地']));
    const group = screen.getByRole('group', { name: /包含的举措/ });
    expect(within(group).getByText('共 3 条')).toBeTruthy();

    // A plain button on each row, reached by Tab like the arrows.
    const leaveOut = screen.getByRole('button', { name: '不包含：（二） 优化营商环境' });
    expect(leaveOut.tagName).toBe('BUTTON');
    fireEvent.click(leaveOut);
    await waitFor(async () => expect(await itemOrder()).toEqual(['（一） 推进国企改革', '（三） 建设创新策源地']));
    expect(screen.getByText('已不包含 （二） 优化营商环境')).toBeTruthy();
    expect(await within(group).findByText('共 2 条，未包含 1 条')).toBeTruthy();
    // Focus goes to the row that took its place.
    await waitFor(() => expect(document.activeElement?.getAttribute('data-item-id')).toBe('hz-2024/T2/I1'));

    // The left-out items, collapsed under the list.
    const details = group.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(within(group).getByText('未包含的举措（1 条）').tagName).toBe('SUMMARY');
    const leftOut = within(group).getByRole('list', { name: '未包含的举措', hidden: true });
    expect(within(leftOut).getAllByRole('listitem', { hidden: true }).map((li) => li.querySelector('.pk-item-headline')!.textContent!.trim())).toEqual(['（二） 优化营商环境']);

    // The preview is asked for the packet without it.
    await waitFor(() => {
      const html = argsOf(fake, 'packet.html').at(-1) as { definition: PacketDefinition };
      expect(html.definition.excluded).toEqual(['hz-2024/T1/I2']);
    });

    // Saved with the packet; a leave-out is undone by bringing it back.
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(lastSaved(fake)?.definition.excluded).toEqual(['hz-2024/T1/I2']));
    expect(await screen.findByText('已保存')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '恢复：（二） 优化营商环境', hidden: true }));
    await waitFor(async () => expect(await itemOrder()).toEqual(['（一） 推进国企改革', '（二） 优化营商环境', '（三） 建设创新策源地']));
    expect(screen.getByText('已恢复 （二） 优化营商环境')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.getAttribute('data-item-id')).toBe('hz-2024/T1/I2'));
    // The builder shows the saved packet afresh: look the group up again.
    const after = screen.getByRole('group', { name: /包含的举措/ });
    expect(await within(after).findByText('共 3 条')).toBeTruthy();
    expect(after.querySelector('details')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(lastSaved(fake)?.definition.excluded).toEqual([]));
  });

  it('speaks English for leaving out and bringing back', async () => {
    const fake = createFakePackets([saved('Weekly', [{ kind: 'plan', planId: 'hz-2024' }])]);
    renderView(fake, 'en');
    const list = await screen.findByRole('list', { name: 'Saved packets' });
    fireEvent.click(within(list).getAllByRole('button', { name: /Open|Edit/ })[0]!);
    await waitFor(async () => expect(await itemOrder()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Leave out: （一） 推进国企改革' }));
    expect(await screen.findByText('（一） 推进国企改革 left out')).toBeTruthy();
    const group = screen.getByRole('group', { name: /Initiatives included/ });
    expect(await within(group).findByText('2 initiatives, 1 left out')).toBeTruthy();
    expect(within(group).getByText('Left out (1 initiative)')).toBeTruthy();
    expect(within(group).getByRole('button', { name: 'Bring back: （一） 推进国企改革', hidden: true })).toBeTruthy();
  });

  it("types the cover date in the interface language, not the browser's: read, shown back, stored ISO; a text that is no date is refused with a message", async () => {
    const fake = createFakePackets();
    renderView(fake);
    fireEvent.click(await screen.findByRole('button', { name: '新建简报包' }));
    const cover = screen.getByRole('group', { name: '封面' });
    fireEvent.click(within(cover).getByRole('checkbox', { name: '使用生成当天的日期' }));
    const date = within(cover).getByLabelText('日期') as HTMLInputElement;
    // A text field (Chromium's date input draws mm/dd/yyyy in the browser's locale), with the form it reads.
    expect(date.type).toBe('text');
    expect(date.getAttribute('placeholder')).toContain('年-月-日');
    fireEvent.change(date, { target: { value: '2024年5月11日' } });
    fireEvent.blur(date);
    expect(date.value).toBe('2024-05-11');
    // ↑ / ↓ step a day.
    fireEvent.keyDown(date, { key: 'ArrowUp' });
    expect(date.value).toBe('2024-05-12');
    fireEvent.change(date, { target: { value: '5/11/2024' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(date.getAttribute('aria-invalid')).toBe('true');
    expect(within(cover).getByRole('alert').textContent).toBe('“5/11/2024”不是有效日期，请按年-月-日填写，如 2024-05-11 或 2024年5月11日。');
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(lastSaved(fake)).not.toBeNull());
    // The last date that read is what is kept.
    expect(lastSaved(fake)!.definition.cover.date).toBe('2024-05-12');
  });

  it('shows and reads the dates in English as 11 May 2024; a filter with a deadline that is no date cannot be added', async () => {
    const fake = createFakePackets();
    renderView(fake, 'en');
    fireEvent.click(await screen.findByRole('button', { name: 'New packet' }));
    const cover = screen.getByRole('group', { name: 'Cover' });
    fireEvent.click(within(cover).getByRole('checkbox', { name: 'Use the day the packet is run' }));
    const date = within(cover).getByLabelText('Date') as HTMLInputElement;
    fireEvent.change(date, { target: { value: '2024-05-11' } });
    fireEvent.keyDown(date, { key: 'Enter' });
    expect(date.value).toBe('11 May 2024');
    fireEvent.change(date, { target: { value: 'May 9, 2024' } });
    fireEvent.blur(date);
    expect(date.value).toBe('9 May 2024');

    const add = screen.getByRole('group', { name: 'Add a source' });
    fireEvent.click(within(add).getByRole('radio', { name: 'Filter' }));
    const deadline = within(add).getByLabelText('Deadline on or before') as HTMLInputElement;
    fireEvent.change(deadline, { target: { value: '31 Febr 2025' } });
    fireEvent.blur(deadline);
    expect(within(add).getByRole('alert').textContent).toBe('“31 Febr 2025” is not a date: type it as 11 May 2024 or 2024-05-11.');
    expect((within(add).getByRole('button', { name: 'Add' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(deadline, { target: { value: '2025年2月28日' } });
    fireEvent.blur(deadline);
    fireEvent.click(within(add).getByRole('button', { name: 'Add' }));
    // The source reads in English too.
    expect(await screen.findByText(/Deadline on or before 28 Feb 2025/)).toBeTruthy();
    expect(document.querySelector('.pk-builder input[type="date"]')).toBeNull();
  });
});
