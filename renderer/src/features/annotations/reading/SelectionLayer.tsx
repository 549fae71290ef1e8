// Annotating while reading, over one item's text (`root`): the reader's highlights painted in
// their colours, a click on one focuses it (the panel shows it), the focused one scrolled to
// and flashed, and on a selection the toolbar, the context menu and the H / N shortcuts.
// A new highlight is painted only once the core has committed it (the list it comes back in
// is the one painted), never before: a highlight shown that was not saved would be a lie.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import type {
  AnnotatedLanguage,
  AnnotatedPart,
  Annotation,
  ColorNames,
  HighlightColor,
  NewAnnotation,
} from '../../../../../shared/api/annotations/methods';
import { describePassage } from '../../../../../shared/domain/anchoring';
import { useReading } from '../../../reading/reading-context';
import { isTextEntry } from '../../../shell/text-entry';
import { useAnnotationUi } from '../annotation-ui';
import { citation, copyText, type CitationSource } from './citation';
import { offsetOfPoint, passageOfRange, rangesOfPassage, type Passage } from './offsets';
import { caretAt, highlightAt, paintFocus, paintHighlights, type PaintedHighlight } from './paint';
import { SelectionMenu } from './SelectionMenu';
import { SelectionToolbar, type Box, type ToolbarHandle } from './SelectionToolbar';
import './reading.css';

export interface SelectionLayerProps {
  root: RefObject<HTMLElement | null>;
  planId: string;
  itemId: string;
  /** The canonical text of a part (null: that language is not there). */
  textOf(part: AnnotatedPart, language: AnnotatedLanguage): string | null;
  /** What a quote in that language is cited from (null: not citable in it). */
  sourceOf(language: AnnotatedLanguage): CitationSource | null;
  highlights: readonly PaintedHighlight[];
  names: ColorNames;
  /** Saves a new annotation; resolves once it is committed. */
  create(annotation: NewAnnotation): Promise<Annotation>;
}

/** How long the focused passage stays marked. */
const FLASH_MS = 1600;
const LAST_COLOR_KEY = 'briefbook.highlight.lastColor';

function storedColor(): HighlightColor {
  try {
    const c = localStorage.getItem(LAST_COLOR_KEY);
    if (c === 'yellow' || c === 'green' || c === 'blue' || c === 'pink' || c === 'purple') return c;
  } catch {
    // Storage refused (a locked-down profile): the default colour.
  }
  return 'yellow';
}

interface Selected {
  passage: Passage;
  box: Box;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

const keyOf = (p: Passage) => `${p.part}:${p.language}:${p.start}:${p.end}`;

/** What the document's selection selects in the item `el` now. */
function selectionIn(el: HTMLElement | null): Selected | null {
  const sel = el?.ownerDocument.getSelection();
  if (!el || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const passage = passageOfRange(el, range);
  return passage ? { passage, box: boxOf(range) } : null;
}

/** Whether any of the selection is in the window (scrolled out of it, its toolbar goes too); an
 *  engine without layout (an empty box) counts as in it. */
const onScreen = (box: Box) => (box.top === 0 && box.bottom === 0) || (box.bottom > 0 && box.top < window.innerHeight);

function boxOf(range: Range): Box {
  // Engines without range geometry (jsdom): the box of the element the selection starts in.
  if (typeof range.getClientRects !== 'function') {
    const r = (range.startContainer.parentElement ?? range.startContainer.ownerDocument!.body).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }
  const rects = [...range.getClientRects()].filter((r) => r.width > 0 || r.height > 0);
  const r = rects.length > 0 ? rects : [range.getBoundingClientRect()];
  return {
    top: Math.min(...r.map((x) => x.top)),
    bottom: Math.max(...r.map((x) => x.bottom)),
    left: Math.min(...r.map((x) => x.left)),
    right: Math.max(...r.map((x) => x.right)),
  };
}

export function SelectionLayer({ root, planId, itemId, textOf, sourceOf, highlights, names, create }: SelectionLayerProps) {
  const { t } = useTranslation('annotationReading');
  const reading = useReading();
  const ui = useAnnotationUi();
  const [selected, setSelected] = useState<Selected | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  const [lastColor, setLastColor] = useState<HighlightColor>(storedColor);
  const toolbar = useRef<ToolbarHandle>(null);
  const pointerDown = useRef(false);
  const dismissed = useRef<string | null>(null);
  const shownKey = useRef<string | null>(null);

  // The selection as it changes; not while the pointer is still dragging it out.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const doc = el.ownerDocument;
    const update = () => {
      const next = selectionIn(el);
      // Escape hides the toolbar for this selection; a new selection brings it back.
      if (next && dismissed.current === keyOf(next.passage)) return setSelected(null);
      dismissed.current = null;
      // A message (a failed save) belongs to its selection: kept while that stays selected.
      const key = next ? keyOf(next.passage) : null;
      if (key !== shownKey.current) setMessage(null);
      shownKey.current = key;
      setSelected(next);
    };
    const onChange = () => {
      if (!pointerDown.current) update();
    };
    const onDown = (e: PointerEvent) => {
      if (e.button === 0 && el.contains(e.target as Node)) pointerDown.current = true;
    };
    const onUp = () => {
      if (!pointerDown.current) return;
      pointerDown.current = false;
      update();
    };
    const onScroll = () => setSelected((s) => (s ? selectionIn(el) : s));
    doc.addEventListener('selectionchange', onChange);
    doc.addEventListener('pointerdown', onDown, true);
    doc.addEventListener('pointerup', onUp, true);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onScroll);
    return () => {
      doc.removeEventListener('selectionchange', onChange);
      doc.removeEventListener('pointerdown', onDown, true);
      doc.removeEventListener('pointerup', onUp, true);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onScroll);
    };
  }, [root]);

  // Painting: again whenever the highlights or the text on screen change.
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    return paintHighlights(el, highlights);
  }, [root, highlights, reading]);

  // The focused annotation: scrolled into view and flashed, once per focus() call. One focused
  // before this text was shown (an entry opened from the annotations view, which then came
  // here) is still to be flashed once its highlights are in.
  const flashed = useRef(ui.focusedId ? -1 : ui.focusCount);
  useEffect(() => {
    const el = root.current;
    if (!el || flashed.current === ui.focusCount || !ui.focusedId) return;
    const target = highlights.find((h) => h.id === ui.focusedId);
    if (!target) return;
    flashed.current = ui.focusCount;
    const ranges = rangesOfPassage(el, target.passage);
    if (ranges.length === 0) return;
    const node = ranges[0]!.startContainer.parentElement;
    node?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    el.setAttribute('data-flash', target.id);
    const unpaint = paintFocus(ranges);
    const timer = setTimeout(() => {
      unpaint();
      el.removeAttribute('data-flash');
    }, FLASH_MS);
    return () => {
      clearTimeout(timer);
      unpaint();
      el.removeAttribute('data-flash');
    };
  }, [root, highlights, ui.focusCount, ui.focusedId]);

  // A click on painted text focuses its highlight.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || !el.ownerDocument.getSelection()?.isCollapsed) return;
      const point = caretAt(el.ownerDocument, event.clientX, event.clientY);
      const at = point && offsetOfPoint(el, point.node, point.offset);
      const hit = at && highlightAt(highlights, at);
      if (hit) ui.focus(hit.id);
    };
    el.addEventListener('click', onClick);
    return () => el.removeEventListener('click', onClick);
  }, [root, highlights, ui]);

  const close = useCallback(() => {
    if (selected) dismissed.current = keyOf(selected.passage);
    setSelected(null);
    setMenu(null);
  }, [selected]);

  const quoteOf = (p: Passage): string | null => {
    const text = textOf(p.part, p.language);
    if (text === null) return null;
    const quote = Array.from(text).slice(p.start, p.end).join('');
    return p.language === 'zh' ? reading.zh(quote) : quote;
  };

  const highlight = async (color: HighlightColor, withNote: boolean) => {
    const current = selectionIn(root.current) ?? selected;
    if (!current || busy) return;
    const { passage } = current;
    const text = textOf(passage.part, passage.language);
    if (text === null) return;
    setBusy(true);
    setMessage(null);
    try {
      const saved = await create({
        id: crypto.randomUUID(),
        kind: 'highlight',
        planId,
        itemId,
        target: { itemId, part: passage.part, language: passage.language, selectors: describePassage(text, passage.start, passage.end) },
        color,
        body: '',
        tags: [],
      });
      setLastColor(color);
      try {
        localStorage.setItem(LAST_COLOR_KEY, color);
      } catch {
        // Not remembered: the next session starts with the default colour.
      }
      root.current?.ownerDocument.getSelection()?.removeAllRanges();
      setSelected(null);
      if (withNote) ui.edit({ id: saved.id });
    } catch (err) {
      setMessage({ kind: 'error', text: t('saveFailed', { message: messageOf(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const copyCitation = async () => {
    const current = selectionIn(root.current) ?? selected;
    if (!current) return;
    const quote = quoteOf(current.passage);
    const source = sourceOf(current.passage.language);
    if (quote === null || !source) return;
    try {
      await copyText(citation(quote, current.passage.language, source));
      setMessage({ kind: 'done', text: t('copied') });
    } catch (err) {
      setMessage({ kind: 'error', text: t('copyFailed', { message: messageOf(err) }) });
    }
  };

  // Shortcuts while a passage is selected: H highlights in the last colour, N adds a note,
  // Tab reaches the toolbar, Escape hides it. Plain letters: an input method only composes in
  // a text field, and none has focus here; no app command uses a bare letter.
  const latest = useRef({ highlight, close, selected, lastColor });
  useEffect(() => {
    latest.current = { highlight, close, selected, lastColor };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const { selected: sel, highlight: act, close: hide, lastColor: color } = latest.current;
      if (!sel || event.defaultPrevented || event.isComposing || event.keyCode === 229) return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTextEntry(event.target)) return;
      const inToolbar = (event.target as Element | null)?.closest?.('.selection-toolbar, .selection-menu');
      if (event.key === 'Escape' && !inToolbar) {
        event.preventDefault();
        hide();
      } else if (event.key === 'Tab' && !event.shiftKey && !inToolbar) {
        event.preventDefault();
        toolbar.current?.focus();
      } else if (!event.shiftKey && (event.code === 'KeyH' || event.code === 'KeyN')) {
        event.preventDefault();
        void act(color, event.code === 'KeyN');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // The context menu, on a selection inside the item (else the usual menu, if any).
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const onMenu = (event: MouseEvent) => {
      const sel = selectionIn(el);
      if (!sel) return;
      event.preventDefault();
      setSelected(sel);
      // From the keyboard (menu key, Shift+F10) there is no pointer: open by the selection.
      const byKeyboard = event.clientX === 0 && event.clientY === 0;
      setMenu(byKeyboard ? { x: sel.box.left, y: sel.box.bottom + 4 } : { x: event.clientX, y: event.clientY });
    };
    el.addEventListener('contextmenu', onMenu);
    return () => el.removeEventListener('contextmenu', onMenu);
  }, [root]);

  const closeMenu = useCallback(() => setMenu(null), []);

  return (
    <>
      {selected && !menu && onScreen(selected.box) && (
        <SelectionToolbar
          ref={toolbar}
          anchor={selected.box}
          names={names}
          lastColor={lastColor}
          busy={busy}
          message={message}
          onHighlight={(c) => void highlight(c, false)}
          onNote={() => void highlight(lastColor, true)}
          onCopyCitation={() => void copyCitation()}
          onClose={() => {
            close();
            // Back to the text the toolbar was reached from.
            root.current?.closest<HTMLElement>('main, [tabindex]')?.focus({ preventScroll: true });
          }}
        />
      )}
      {menu && selected && (
        <SelectionMenu
          at={menu}
          names={names}
          lastColor={lastColor}
          onHighlight={() => void highlight(lastColor, false)}
          onNote={() => void highlight(lastColor, true)}
          onCopy={() => root.current?.ownerDocument.execCommand('copy')}
          onCopyCitation={() => void copyCitation()}
          onClose={closeMenu}
        />
      )}
    </>
  );
}
