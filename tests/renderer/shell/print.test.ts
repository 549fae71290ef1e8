// printWhenReady: the app prints only once the faces paper is set in are there — the bundled
// faces' rules (fonts.ts), the faces of those families the page's text needs, and whatever else
// document.fonts still loads — and prints all the same if they never come.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let rules: { resolve(): void; promise: Promise<void> };
const loadBundledFaces = vi.fn(() => rules.promise);
vi.mock('../../../renderer/src/fonts', () => ({ loadBundledFaces: () => loadBundledFaces() }));

const { printWhenReady } = await import('../../../renderer/src/shell/print');

function deferred(): { resolve(): void; promise: Promise<void> } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { resolve, promise };
}

/** A FontFaceSet stand-in (jsdom has none): load() records what it was asked for. */
function fakeFonts(doc: Document) {
  const ready = deferred();
  const fonts = { load: vi.fn((_font: string, _text?: string) => Promise.resolve([])), ready: ready.promise };
  Object.defineProperty(doc, 'fonts', { value: fonts, configurable: true });
  return { fonts, ready };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

let print: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  rules = deferred();
  loadBundledFaces.mockClear();
  print = vi.spyOn(window, 'print').mockImplementation(() => {});
  document.body.innerHTML = '<main>计划仪表盘</main><header class="print-header" hidden>杭州</header>';
});
afterEach(() => {
  print.mockRestore();
  vi.useRealTimers();
  delete (document as unknown as Record<string, unknown>).fonts;
});

describe('printWhenReady', () => {
  it('prints after the rules, the paper faces for the text (hidden parts too) and document.fonts.ready', async () => {
    const { fonts, ready } = fakeFonts(document);
    const done = printWhenReady();
    await flush();
    expect(loadBundledFaces).toHaveBeenCalledOnce();
    expect(fonts.load).not.toHaveBeenCalled();
    expect(print).not.toHaveBeenCalled();

    rules.resolve();
    await flush();
    expect(fonts.load.mock.calls.map(([font]) => font).sort()).toEqual([
      '400 16px "Noto Sans SC"',
      '400 16px "Noto Serif SC"',
      '700 16px "Noto Sans SC"',
      '700 16px "Noto Serif SC"',
    ]);
    expect(fonts.load.mock.calls[0]![1]).toBe('计划仪表盘杭州');
    expect(print).not.toHaveBeenCalled();

    ready.resolve();
    await done;
    expect(print).toHaveBeenCalledOnce();
  });

  it("prints another window (the packet preview's frame) after its own fonts, without the app's rules", async () => {
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const win = frame.contentWindow!;
    const framePrint = vi.spyOn(win, 'print').mockImplementation(() => {});
    const { ready } = fakeFonts(win.document);
    const done = printWhenReady(win);
    await flush();
    expect(loadBundledFaces).not.toHaveBeenCalled();
    expect(framePrint).not.toHaveBeenCalled();
    ready.resolve();
    await done;
    expect(framePrint).toHaveBeenCalledOnce();
    expect(print).not.toHaveBeenCalled();
  });

  it('prints all the same when the faces never come', async () => {
    vi.useFakeTimers();
    fakeFonts(document);
    const done = printWhenReady();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(print).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    await done;
    expect(print).toHaveBeenCalledOnce();
  });
});
