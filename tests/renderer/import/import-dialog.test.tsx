// Importing through the UI, in the whole app over a fake core: a chosen file is read (Cancel
// stops it), previewed with its details, levels with counts, warnings and outline; the reader
// adjusts a level and a heading and imports, and the new plan opens. A refused file shows the
// core's message naming it and nothing is committed; a duplicate offers the plan already there;
// files dropped on the window import one after the other.
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';
import { atAddress, renderApp, resetApp } from '../render-app';
import { PLAN_ID } from '../plan-fixture';
import { MAX_IMPORT_FILE_BYTES } from '../../../shared/api/import/methods';
import { callsOf, createFakeLibrary, EMBEDDED, importedDocument, WORK_PLAN, type FakeLibrary } from '../library/fake-library';

beforeAll(installDialogPolyfill);
// The view is loaded on demand (a chunk of its own); importing it first spares the test a cold
// compile while it waits for the view on a loaded machine.
beforeAll(() => Promise.all([import('../../../renderer/src/features/import/ImportDialog'), import('../../../renderer/src/features/library/LibraryView')]));
beforeEach(() => atAddress('#/library'));
afterEach(resetApp);

const docx = (name: string) =>
  new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])], name, {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });

function start(fake: FakeLibrary = createFakeLibrary([EMBEDDED, WORK_PLAN], { 'ui.currentPlan': PLAN_ID }), language: 'zh' | 'en' = 'zh') {
  const { container } = renderApp({ fake, language });
  return { fake, container };
}

/** Chooses files in the system's file chooser (the hidden input the Import button clicks). */
function choose(container: HTMLElement, files: File[]): void {
  const input = container.ownerDocument.querySelector<HTMLInputElement>('input[type="file"][multiple]')!;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
}

const preview = () => screen.findByRole('dialog', { name: '导入预览' });

describe('importing a plan', { timeout: 20_000 }, () => {
  it('previews details, levels with counts, warnings and the outline; imports with the reader’s level; the new plan opens', async () => {
    const { fake, container } = start();
    await screen.findByRole('button', { name: WORK_PLAN.title });
    choose(container, [docx('新型工业化.docx')]);
    const dialog = await preview();

    const details = within(dialog).getByRole('region', { name: '出处信息' });
    for (const text of ['杭州市推进新型工业化实施方案', '杭州市人民政府', '杭政发〔2024〕12号', '2024年6月1日', '新型工业化.docx']) {
      expect(details.textContent).toContain(text);
    }
    expect(details.textContent).toContain('未识别'); // no source in this file
    const levels = within(dialog).getByRole('region', { name: '层级' });
    expect([...levels.querySelectorAll('.import-level-counts li')].map((li) => li.textContent)).toEqual(['一、2 个', '（一）5 个']);
    expect(within(dialog).getByRole('region', { name: '1 条提示' }).textContent).toContain('编号跳号');
    // Said in the UI's language, placed by the section it sits under (not the reader's block number).
    expect(within(dialog).getByRole('region', { name: '1 条提示' }).textContent).toContain(
      '“（三）推进数字化转型”紧接在“（一）”之后，中间的编号缺失（位于“二、重点任务”下）',
    );
    expect(within(dialog).getByRole('region', { name: '1 条提示' }).textContent).not.toContain('block');
    const outline = within(dialog).getByRole('region', { name: '识别出的大纲' });
    expect(within(outline).getByText('总体要求')).toBeTruthy();
    expect(within(outline).getByText('强化要素保障')).toBeTruthy();
    expect(dialog.textContent).toContain('将导入 2 个主题、5 项举措');

    // Themes only, no item level: the count follows.
    fireEvent.change(within(dialog).getByRole('combobox', { name: '举措层级' }), { target: { value: '' } });
    expect(dialog.textContent).toContain('将导入 2 个主题、0 项举措');
    fireEvent.change(within(dialog).getByRole('combobox', { name: '举措层级' }), { target: { value: 'cn-paren' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));

    await waitFor(() => expect(fake.commits).toHaveLength(1));
    expect(fake.commits[0]!.choices).toEqual({ levels: { theme: 'cn-comma', item: 'cn-paren' }, edits: [] });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByRole('heading', { level: 1, name: '杭州市推进新型工业化实施方案' })).toBeTruthy();
    expect(window.location.hash).toBe('#/');
    expect(fake.settings.get('ui.currentPlan')).toBe('p-new1');
  });

  it('promotes, demotes and merges headings from the keyboard-reachable buttons; the edits are imported as shown', async () => {
    const { fake, container } = start();
    await screen.findByRole('button', { name: WORK_PLAN.title });
    choose(container, [docx('a.docx')]);
    const dialog = await preview();
    // Disabled where the step cannot apply: a top-level heading cannot go up, a first child cannot go under.
    expect(within(dialog).getByRole('button', { name: '升级“一、总体要求”' }).hasAttribute('disabled')).toBe(true);
    expect(within(dialog).getByRole('button', { name: '降级“（一）指导思想”' }).hasAttribute('disabled')).toBe(true);
    expect(within(dialog).getByRole('button', { name: '将“一、总体要求”并入上一节' }).hasAttribute('disabled')).toBe(true);

    const mergeTarget = within(dialog).getByRole('button', { name: '将“（三）推进数字化转型”并入上一节' });
    mergeTarget.focus();
    fireEvent.click(mergeTarget);
    await waitFor(() => expect(within(dialog).queryByText('推进数字化转型')).toBeNull());
    expect(dialog.textContent).toContain('已调整 1 处');
    expect(dialog.textContent).toContain('将导入 2 个主题、4 项举措');

    fireEvent.click(within(dialog).getByRole('button', { name: '降级“（四）强化要素保障”' }));
    const under = within(dialog).getByText('强化要素保障').closest('li')!;
    expect(under.parentElement!.closest('li')!.querySelector('.import-node-heading')!.textContent).toBe('培育先进制造业集群');

    fireEvent.click(within(dialog).getByRole('button', { name: '撤销调整' }));
    expect(within(dialog).getByText('推进数字化转型')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '将“（三）推进数字化转型”并入上一节' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));
    await waitFor(() => expect(fake.commits).toHaveLength(1));
    expect(fake.commits[0]!.choices.edits).toEqual([{ op: 'merge', sectionId: 'n/s2b' }]);
  });

  it('Cancel while a file is being read stops the reader and writes nothing', async () => {
    const fake = createFakeLibrary([EMBEDDED], { 'ui.currentPlan': PLAN_ID });
    let release!: () => void;
    fake.hold = new Promise((resolve) => (release = resolve));
    const { container } = start(fake);
    await screen.findByRole('button', { name: EMBEDDED.title });
    choose(container, [docx('大文件.docx')]);
    const dialog = await screen.findByRole('dialog', { name: '导入计划' });
    expect(within(dialog).getByRole('status').textContent).toContain('正在读取“大文件.docx”');
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const [asked] = callsOf(fake, 'import.preview') as Array<{ previewId: string }>;
    expect(callsOf(fake, 'import.cancel')).toEqual([{ previewId: asked!.previewId }]);
    await act(async () => release());
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(callsOf(fake, 'import.commit')).toEqual([]);
  });

  it('a file the core refuses: its name and the core’s message, nothing imported', async () => {
    const fake = createFakeLibrary([EMBEDDED], { 'ui.currentPlan': PLAN_ID });
    const message = '扫描件.pdf: this PDF has no text layer (a scanned document); nothing was imported.';
    fake.refusals.set('扫描件.pdf', message);
    const { container } = start(fake);
    await screen.findByRole('button', { name: EMBEDDED.title });
    choose(container, [new File(['%PDF-1.7'], '扫描件.pdf', { type: 'application/pdf' })]);
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: '无法导入“扫描件.pdf”' })).toBeTruthy();
    expect(alert.textContent).toContain(message);
    expect(alert.textContent).toContain('未写入任何内容。');
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(callsOf(fake, 'import.commit')).toEqual([]);
    expect(fake.entries).toHaveLength(1);
  });

  it('a file already in the library says so and opens that plan instead', async () => {
    const fake = createFakeLibrary([EMBEDDED, WORK_PLAN], { 'ui.currentPlan': PLAN_ID });
    fake.previews.set('again.docx', {
      document: importedDocument('again.docx', WORK_PLAN.title),
      duplicateOf: { planId: WORK_PLAN.id, title: WORK_PLAN.title, trashed: false },
    });
    const { container } = start(fake);
    await screen.findByRole('button', { name: WORK_PLAN.title });
    choose(container, [docx('again.docx')]);
    const dialog = await preview();
    expect(within(dialog).getByRole('heading', { name: '这个文件已在您的计划库中' })).toBeTruthy();
    expect(within(dialog).queryByRole('button', { name: '导入' })).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '打开这份计划' }));
    expect(await screen.findByRole('heading', { level: 1, name: WORK_PLAN.title })).toBeTruthy();
    expect(callsOf(fake, 'import.commit')).toEqual([]);
  });

  it('files dropped on the window show the overlay, then import one after the other and are shown marked in the library', async () => {
    const { fake } = start();
    await screen.findByRole('button', { name: WORK_PLAN.title });
    const files = [docx('一.docx'), docx('二.docx')];
    fake.previews.set('一.docx', { document: importedDocument('一.docx', '第一份方案') });
    fake.previews.set('二.docx', { document: importedDocument('二.docx', '第二份方案') });
    const dataTransfer = { types: ['Files'], files, dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(await screen.findByText('松开即可导入')).toBeTruthy();
    fireEvent.dragOver(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    expect(screen.queryByText('松开即可导入')).toBeNull();

    let dialog = await preview();
    expect(dialog.textContent).toContain('第 1 个文件，共 2 个');
    expect(dialog.textContent).toContain('第一份方案');
    fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));
    await waitFor(() => expect(screen.getByRole('dialog').textContent).toContain('第 2 个文件，共 2 个'));
    dialog = await preview();
    await waitFor(() => expect(dialog.textContent).toContain('第二份方案'));
    fireEvent.click(within(dialog).getByRole('button', { name: '导入' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.commits.map((c) => c.document.metadata.title)).toEqual(['第一份方案', '第二份方案']);
    await waitFor(() => expect(screen.getAllByText('新导入')).toHaveLength(2));
    expect(window.location.hash).toBe('#/library');
  });

  it('a file over the import limit is refused before it is sent, with its size and the limit', async () => {
    const { fake, container } = start();
    await screen.findByRole('button', { name: WORK_PLAN.title });
    const big = new File(['x'], '巨大的文件.pdf');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_FILE_BYTES + 1 });
    choose(container, [big]);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('“巨大的文件.pdf”有 50.0 MB，超过了可导入文件的上限（50.0 MB）。');
    expect(callsOf(fake, 'import.preview')).toEqual([]);
  });

  it('File → Import plan… (Ctrl+O) opens the system’s file chooser', async () => {
    start();
    await screen.findByRole('button', { name: WORK_PLAN.title });
    const input = document.querySelector<HTMLInputElement>('input[type="file"][multiple]')!;
    let opened = 0;
    input.click = () => void (opened += 1);
    fireEvent.keyDown(window, { key: 'o', code: 'KeyO', ctrlKey: true });
    expect(opened).toBe(1);
    expect(input.accept).toBe('.docx,.pdf,.txt,.md,.markdown,.html,.htm');
  });

  it('speaks English in an English UI', async () => {
    const { container } = start(undefined, 'en');
    await screen.findByRole('button', { name: WORK_PLAN.title });
    choose(container, [docx('a.docx')]);
    const dialog = await screen.findByRole('dialog', { name: 'Import preview' });
    expect(within(dialog).getByRole('combobox', { name: 'Initiative level' })).toBeTruthy();
    expect(dialog.textContent).toContain('Imports 2 themes and 5 initiatives');
    expect(within(dialog).getByRole('button', { name: 'Import' })).toBeTruthy();
  });
});
