// The note editor's saving rules, with writes that answer when the test says so (a deferred
// promise per call) and checks revisions as the core does: nothing is sent while an input
// method composes; a pause after it saves; "Saved" appears only once the write resolved; a
// closed editor saves what waited; a stale save keeps both texts and lets the reader choose.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider } from '../../../renderer/src/i18n/ui-text';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Annotation, AnnotationPatch, NewAnnotation } from '../../../shared/api/annotations/methods';
import { StaleWriteError } from '../../../renderer/src/api/api-call-error';
import { NoteEditor } from '../../../renderer/src/features/annotations/panel/NoteEditor';
import { loadMarkdown } from '../../../renderer/src/features/annotations/panel/NoteMarkdown';
import { DEBOUNCE_MS, type NoteWrites } from '../../../renderer/src/features/annotations/panel/note-saver';
import { createI18n } from '../../../renderer/src/i18n/i18n';
import { installDialogPolyfill } from '../preferences/dialog-polyfill';

beforeAll(installDialogPolyfill);

const DRAFT: NewAnnotation = {
  id: '7f1c2a8e-1d55-4c8e-9f3b-2b6a3c1d0e11',
  kind: 'note',
  planId: 'hz-2024',
  itemId: 'hz-2024/T1/I1',
  target: null,
  color: null,
  body: '',
  tags: [],
};

function stored(over: Partial<Annotation> = {}): Annotation {
  return {
    ...DRAFT,
    anchor: null,
    createdAt: '2026-12-05T00:00:00.000Z',
    modifiedAt: '2026-12-05T00:00:00.000Z',
    revision: 1,
    deletedAt: null,
    ...over,
  };
}

interface Call {
  method: 'create' | 'update';
  args: NewAnnotation | { id: string; baseRevision: number; patch: AnnotationPatch };
  resolve(a: Annotation): void;
  reject(e: unknown): void;
}

/** Writes that wait for the test to answer each call. */
function deferredWrites(): NoteWrites & { calls: Call[] } {
  const calls: Call[] = [];
  const make = (method: Call['method']) => (args: Call['args']) =>
    new Promise<Annotation>((resolve, reject) => calls.push({ method, args, resolve, reject }));
  return { calls, create: make('create'), update: make('update') };
}

function renderEditor(props: Partial<Parameters<typeof NoteEditor>[0]> & { writes: NoteWrites }) {
  const onClose = vi.fn();
  const i18n = createI18n('zh');
  const result = render(
    <I18nProvider i18n={i18n}>
      <NoteEditor start={{ draft: DRAFT }} tagSuggestions={['重点', '问题']} onClose={onClose} {...props} />
    </I18nProvider>,
  );
  return { ...result, onClose, textarea: screen.getByRole('textbox', { name: '笔记内容（Markdown）' }) as HTMLTextAreaElement };
}

const status = () => screen.getByRole('status').textContent ?? '';

// The preview's Markdown code loads on demand; here it is loaded first, as these tests run on fake timers.
beforeAll(() => loadMarkdown());
beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('note editor: input methods', () => {
  it('sends nothing while composing, and the committed text after compositionend and a pause', async () => {
    const writes = deferredWrites();
    const { textarea } = renderEditor({ writes });
    fireEvent.compositionStart(textarea);
    fireEvent.change(textarea, { target: { value: 'zhong' } });
    fireEvent.change(textarea, { target: { value: 'zhongdian' } });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS * 5));
    expect(writes.calls).toHaveLength(0);
    fireEvent.change(textarea, { target: { value: '重点' } });
    fireEvent.compositionEnd(textarea);
    expect(writes.calls).toHaveLength(0);
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS - 1));
    expect(writes.calls).toHaveLength(0);
    act(() => vi.advanceTimersByTime(1));
    expect(writes.calls).toHaveLength(1);
    expect(writes.calls[0]!.method).toBe('create');
    expect(writes.calls[0]!.args).toMatchObject({ id: DRAFT.id, body: '重点', kind: 'note' });
  });

  it('flushing mid-composition sends the text as it was before the composition', async () => {
    const writes = deferredWrites();
    const { textarea, unmount } = renderEditor({ writes, start: { record: stored({ body: '已有' }) } });
    fireEvent.change(textarea, { target: { value: '已有，' } });
    fireEvent.compositionStart(textarea);
    fireEvent.change(textarea, { target: { value: '已有，xin' } });
    unmount();
    expect(writes.calls).toHaveLength(1);
    expect(writes.calls[0]!.args).toMatchObject({ id: DRAFT.id, baseRevision: 1, patch: { body: '已有，' } });
  });
});

describe('note editor: saved means committed', () => {
  it('says "Saved" only after the write resolved', async () => {
    const writes = deferredWrites();
    const { textarea } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '第一稿' } });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    expect(status()).toBe('正在保存…');
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS * 10));
    expect(status()).not.toContain('已保存');
    await act(async () => writes.calls[0]!.resolve(stored({ body: '第一稿' })));
    expect(status()).toBe('已保存');
  });

  it('typing during a save sends the newer text next, on the revision the first save left', async () => {
    const writes = deferredWrites();
    const { textarea } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '一' } });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    fireEvent.change(textarea, { target: { value: '一二' } });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    expect(writes.calls).toHaveLength(1);
    await act(async () => writes.calls[0]!.resolve(stored({ body: '一', revision: 1 })));
    expect(status()).not.toBe('已保存');
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    expect(writes.calls).toHaveLength(2);
    expect(writes.calls[1]!.args).toEqual({ id: DRAFT.id, baseRevision: 1, patch: { body: '一二' } });
    await act(async () => writes.calls[1]!.resolve(stored({ body: '一二', revision: 2 })));
    expect(status()).toBe('已保存');
  });

  it('shows a failed save with a retry that sends it again', async () => {
    const writes = deferredWrites();
    const { textarea } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '要保存的' } });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    await act(async () => writes.calls[0]!.reject(new Error('磁盘已满')));
    expect(status()).toContain('保存失败：磁盘已满');
    expect(textarea.value).toBe('要保存的');
    fireEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(writes.calls).toHaveLength(2);
    expect(writes.calls[1]!.args).toMatchObject({ body: '要保存的' });
  });

  it('a draft nobody wrote in is never created', () => {
    const writes = deferredWrites();
    const { unmount } = renderEditor({ writes });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS * 3));
    unmount();
    expect(writes.calls).toHaveLength(0);
  });
});

describe('note editor: closing', () => {
  it('saves what waits when it unmounts (the item changed), without waiting for the pause', () => {
    const writes = deferredWrites();
    const { textarea, unmount } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '关窗前写的' } });
    unmount();
    expect(writes.calls).toHaveLength(1);
    expect(writes.calls[0]!.args).toMatchObject({ body: '关窗前写的' });
  });

  it('saves on pagehide and when the window is hidden', () => {
    const writes = deferredWrites();
    const { textarea } = renderEditor({ writes, start: { record: stored({ body: '' }) } });
    fireEvent.change(textarea, { target: { value: 'a' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(writes.calls).toHaveLength(1);
    expect(writes.calls[0]!.args).toMatchObject({ patch: { body: 'a' } });
  });

  it('holds back an unload while a save is unconfirmed', () => {
    const writes = deferredWrites();
    const { textarea } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '未保存' } });
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(writes.calls).toHaveLength(1);
    expect(event.defaultPrevented).toBe(true);
  });

  it('Done saves, then closes only once committed', async () => {
    const writes = deferredWrites();
    const { textarea, onClose } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '完成' } });
    fireEvent.click(screen.getByRole('button', { name: '完成' }));
    expect(onClose).not.toHaveBeenCalled();
    await act(async () => writes.calls[0]!.resolve(stored({ body: '完成' })));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('note editor: conflicts', () => {
  async function conflicted(choice: string) {
    const writes = deferredWrites();
    const theirs = stored({ body: '他们的文字', revision: 3 });
    const { textarea } = renderEditor({ writes, start: { record: stored({ body: '原文', revision: 2 }) } });
    fireEvent.change(textarea, { target: { value: '我的文字' } });
    act(() => vi.advanceTimersByTime(DEBOUNCE_MS));
    await act(async () => writes.calls[0]!.reject(new StaleWriteError('annotation.update' as never, 'stale', theirs as never)));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('他们的文字');
    expect(dialog.textContent).toContain('我的文字');
    expect(textarea.value).toBe('我的文字');
    fireEvent.click(screen.getByRole('button', { name: choice }));
    return { writes, textarea };
  }

  it('keep theirs: the editor shows the stored text and sends nothing', async () => {
    const { writes } = await conflicted('保留已保存的版本');
    expect(writes.calls).toHaveLength(1);
    expect((screen.getByRole('textbox', { name: '笔记内容（Markdown）' }) as HTMLTextAreaElement).value).toBe('他们的文字');
  });

  it('overwrite: mine is saved on their revision', async () => {
    const { writes } = await conflicted('用我的版本覆盖');
    expect(writes.calls[1]!.args).toEqual({ id: DRAFT.id, baseRevision: 3, patch: { body: '我的文字' } });
  });

  it('keep both: theirs then mine, saved on their revision', async () => {
    const { writes } = await conflicted('两者都保留');
    expect(writes.calls[1]!.args).toEqual({ id: DRAFT.id, baseRevision: 3, patch: { body: '他们的文字\n\n我的文字' } });
  });
});

describe('note editor: a highlight’s colour', () => {
  it('changing the colour saves it at once, on the record’s revision', () => {
    const writes = deferredWrites();
    renderEditor({ writes, start: { record: stored({ kind: 'highlight', color: 'yellow', revision: 4 }) } });
    const green = screen.getByRole('radio', { name: '绿色' });
    expect(screen.getByRole('radio', { name: '黄色' }).getAttribute('aria-checked')).toBe('true');
    fireEvent.click(green);
    expect(green.getAttribute('aria-checked')).toBe('true');
    expect(writes.calls[0]!.args).toEqual({ id: DRAFT.id, baseRevision: 4, patch: { color: 'green' } });
  });
});

describe('note editor: preview and tags', () => {
  it('previews through the sanitizing path', () => {
    const writes = deferredWrites();
    const { textarea, container } = renderEditor({ writes });
    fireEvent.change(textarea, { target: { value: '**粗** <img src=x onerror=alert(1)>' } });
    fireEvent.click(screen.getByRole('button', { name: '预览' }));
    expect(container.querySelector('.note-markdown strong')?.textContent).toBe('粗');
    expect(container.querySelector('img')).toBeNull();
  });

  it('adds a tag on Enter and saves it with the note', () => {
    const writes = deferredWrites();
    renderEditor({ writes, start: { record: stored({ body: 'x' }) } });
    const input = screen.getByRole('combobox', { name: '添加标签' });
    fireEvent.change(input, { target: { value: '重点' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(writes.calls[0]!.args).toEqual({ id: DRAFT.id, baseRevision: 1, patch: { tags: ['重点'] } });
  });
});
