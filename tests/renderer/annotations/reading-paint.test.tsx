// Which highlights the reading text paints (only those whose quote still reads at their
// position: never the wrong words), which one a click lands on, and Ctrl+N's draft note.
import { act, cleanup, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AnnotationEntry } from '../../../shared/api/annotations/methods';
import { describePassage } from '../../../shared/domain/anchoring';
import { AnnotationUiProvider, useAnnotationUi } from '../../../renderer/src/features/annotations/annotation-ui';
import { paintable } from '../../../renderer/src/features/annotations/reading/ItemAnnotations';
import { NoteCommand, type StartNote } from '../../../renderer/src/features/annotations/reading/NoteCommand';
import { highlightAt } from '../../../renderer/src/features/annotations/reading/paint';

afterEach(cleanup);

const BODY = '第一句𠀀话。第二句😀话。';
const texts = { zh: BODY, en: 'One. Two.' };
const textOf = (_part: string, language: 'zh' | 'en') => texts[language];

function entry(id: string, quote: string, over: Partial<AnnotationEntry> = {}, language: 'zh' | 'en' = 'zh'): AnnotationEntry {
  const text = texts[language];
  const at = Array.from(text.slice(0, text.indexOf(quote))).length;
  return {
    id,
    kind: 'highlight',
    planId: 'p',
    itemId: 'p/i',
    target: { itemId: 'p/i', part: 'body', language, selectors: describePassage(text, at, at + Array.from(quote).length) },
    anchor: { status: 'anchored' },
    color: 'yellow',
    body: '',
    tags: [],
    createdAt: '',
    modifiedAt: '',
    revision: 1,
    deletedAt: null,
    planTitle: 'P',
    itemNumeral: '第一',
    itemHeadline: 'H',
    ...over,
  };
}

describe('what is painted', () => {
  it('paints anchored and relocated highlights where they are, in either language', () => {
    const painted = paintable(
      [entry('a', '𠀀话'), entry('b', '第二句😀', { anchor: { status: 'relocated', previousQuote: '第二句' }, color: 'blue' }), entry('c', 'Two', {}, 'en')],
      textOf,
    );
    expect(painted).toEqual([
      { id: 'a', color: 'yellow', passage: { part: 'body', language: 'zh', start: 3, end: 5 } },
      { id: 'b', color: 'blue', passage: { part: 'body', language: 'zh', start: 6, end: 10 } },
      { id: 'c', color: 'yellow', passage: { part: 'body', language: 'en', start: 5, end: 8 } },
    ]);
  });

  it('paints no ambiguous, orphaned or trashed highlight, no note, and none whose quote no longer reads at its position', () => {
    const moved = entry('e', '第二句');
    moved.target!.selectors.position = { type: 'TextPositionSelector', start: 0, end: 3 };
    const painted = paintable(
      [
        entry('a', '第一句', { anchor: { status: 'ambiguous' } }),
        entry('b', '第一句', { anchor: { status: 'orphaned' } }),
        entry('c', '第一句', { deletedAt: '2026-01-01T00:00:00Z' }),
        entry('d', '第一句', { kind: 'note', target: null, color: null }),
        moved,
      ],
      textOf,
    );
    expect(painted).toEqual([]);
    // Without the English text (no translation), an English highlight has nowhere to go.
    expect(paintable([entry('f', 'One', {}, 'en')], (_p, l) => (l === 'en' ? null : BODY))).toEqual([]);
  });

  it('a click lands on the shortest highlight covering the point, in its own language and part', () => {
    const outer = { id: 'outer', color: 'yellow' as const, passage: { part: 'body' as const, language: 'zh' as const, start: 0, end: 10 } };
    const inner = { id: 'inner', color: 'green' as const, passage: { part: 'body' as const, language: 'zh' as const, start: 3, end: 5 } };
    expect(highlightAt([outer, inner], { part: 'body', language: 'zh', start: 4 })?.id).toBe('inner');
    expect(highlightAt([outer, inner], { part: 'body', language: 'zh', start: 5 })?.id).toBe('outer');
    expect(highlightAt([outer, inner], { part: 'body', language: 'en', start: 4 })).toBeNull();
    expect(highlightAt([outer, inner], { part: 'headline', language: 'zh', start: 4 })).toBeNull();
    expect(highlightAt([outer, inner], { part: 'body', language: 'zh', start: 10 })).toBeNull();
  });
});

function Editing() {
  return <output data-testid="editing">{JSON.stringify(useAnnotationUi().editing)}</output>;
}

describe('Ctrl+N', () => {
  function start(planId: string | null, itemId: string | null) {
    const ref = createRef<StartNote>();
    render(
      <AnnotationUiProvider>
        <NoteCommand ref={ref} planId={planId} itemId={itemId} />
        <Editing />
      </AnnotationUiProvider>,
    );
    let done = false;
    act(() => {
      done = ref.current!();
    });
    return { done, editing: JSON.parse(screen.getByTestId('editing').textContent!) as { draft?: Record<string, unknown> } | null };
  }

  it('opens the editor on a draft note on the item being read', () => {
    const { done, editing } = start('p', 'p/i');
    expect(done).toBe(true);
    expect(editing!.draft).toMatchObject({ kind: 'note', planId: 'p', itemId: 'p/i', target: null, color: null, body: '', tags: [] });
    expect(editing!.draft!.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('elsewhere, on a draft note on the plan; without a plan it leaves the key alone', () => {
    expect(start('p', null).editing!.draft).toMatchObject({ kind: 'note', planId: 'p', itemId: null });
    cleanup();
    const none = start(null, null);
    expect(none.done).toBe(false);
    expect(none.editing).toBeNull();
  });
});
