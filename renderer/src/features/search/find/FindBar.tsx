// The find bar of the item being read (Ctrl+F): what the reader types is looked for in the
// item's text as shown — Chinese, English or both columns — every match painted with the CSS
// Custom Highlight API (the text React renders is never touched), the current one in a colour
// of its own and scrolled into view; a count "3 / 12"; Enter / Shift+Enter and F3 / Shift+F3
// move to the next and previous match, Escape closes. While an input method composes, nothing
// is looked for and Enter is the input method's.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import { useReading } from '../../../reading/reading-context';
import { paintRanges } from '../../annotations/reading/paint';
import { useSearchUi } from '../search-ui';
import { findNeedles } from './find-text';
import { findInItem, type FindMatch } from './item-find';
import './find.css';

export const FIND_HIGHLIGHT = 'bb-find';
export const FIND_CURRENT_HIGHLIGHT = 'bb-find-current';

/** Scrolls the nearest scrolling ancestor so the range sits in its upper middle, when it is not in view. */
function scrollToRange(range: Range): void {
  if (typeof range.getBoundingClientRect !== 'function') return;
  let box: HTMLElement | null = range.startContainer.parentElement;
  while (box && !(box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY))) box = box.parentElement;
  const rect = range.getBoundingClientRect();
  const view = box ? box.getBoundingClientRect() : { top: 0, bottom: window.innerHeight, height: window.innerHeight };
  // The find bar sits over the top of the pane: a match under it is not in view.
  const margin = 72;
  if (rect.top >= view.top + margin && rect.bottom <= view.bottom - 16) return;
  const delta = rect.top - view.top - view.height / 3;
  if (box) box.scrollTop += delta;
  else window.scrollBy(0, delta);
}

/** Counts DOM changes in the item (another mode, another item), so the matches follow the text. */
function useTextVersion(root: RefObject<HTMLElement | null>, active: boolean): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    const el = root.current;
    if (!el || !active || typeof MutationObserver === 'undefined') return;
    // The bar's own count changing is no change of the text.
    const observer = new MutationObserver((records) => {
      const inBar = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest('.find-bar') != null;
      if (records.some((r) => !inBar(r.target))) setVersion((v) => v + 1);
    });
    observer.observe(el, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [root, active]);
  return version;
}

export function FindBar({ root }: { root: RefObject<HTMLElement | null> }) {
  const { t } = useTranslation('search');
  const ui = useSearchUi();
  const { open, text, request } = ui.find;
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState(text);
  const composing = useRef(false);
  // The current match belongs to the query it was chosen in: a new query starts at its first.
  const [cursor, setCursor] = useState<{ needles: readonly string[]; index: number }>({ needles: [], index: 0 });
  const [matches, setMatches] = useState<FindMatch[]>([]);
  const version = useTextVersion(root, open);
  // Another reading mode is another text (the observer would see it a moment later).
  const reading = useReading();
  const needles = useMemo(() => findNeedles(text), [text]);

  // Opening (or Ctrl+F again) shows the text asked for (a search result's words) ...
  const [seen, setSeen] = useState(request);
  if (seen !== request) {
    setSeen(request);
    setDraft(text);
  }
  // ... and focuses the box with its text selected.
  useEffect(() => {
    if (!open) return;
    input.current?.focus();
    input.current?.select();
  }, [open, request]);

  // The matches, again whenever the query or the text on screen changes. After the commit
  // (not in a layout effect): the bar is inside the item, whose ref is set after its children's.
  useEffect(() => {
    const el = root.current;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the matches are read from the DOM React has just rendered
    setMatches(open && el ? findInItem(el, needles) : []);
  }, [root, open, needles, version, reading]);

  const current = cursor.needles === needles ? cursor.index : 0;
  const at = matches.length === 0 ? -1 : Math.min(current, matches.length - 1);

  // Painting: every match, and the current one above it (and above the reader's highlights).
  useLayoutEffect(() => {
    if (!open) return;
    const all = paintRanges(FIND_HIGHLIGHT, matches.flatMap((m) => m.ranges), 1);
    const mine = at >= 0 ? paintRanges(FIND_CURRENT_HIGHLIGHT, matches[at]!.ranges, 2) : () => undefined;
    return () => {
      all();
      mine();
    };
  }, [open, matches, at]);

  useEffect(() => {
    if (at >= 0) scrollToRange(matches[at]!.ranges[0]!);
    const el = root.current;
    if (el) {
      if (at >= 0) el.setAttribute('data-find-current', String(at + 1));
      else el.removeAttribute('data-find-current');
    }
  }, [root, matches, at]);

  const step = (by: 1 | -1) => {
    if (matches.length === 0) return;
    setCursor({ needles, index: ((at < 0 ? 0 : at) + by + matches.length) % matches.length });
  };
  const close = () => {
    ui.closeFind();
    root.current?.removeAttribute('data-find-current');
    root.current?.closest<HTMLElement>('main, [tabindex]')?.focus({ preventScroll: true });
  };

  // F3 / Shift+F3 wherever focus is, while the bar is open.
  const latestStep = useRef(step);
  useEffect(() => {
    latestStep.current = step;
  });
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F3' || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      latestStep.current(event.shiftKey ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  if (!open) return null;
  const count = text.trim() === '' ? '' : matches.length === 0 ? t('find.none') : t('find.count', { current: at + 1, total: matches.length });
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        ref={input}
        type="search"
        className="find-input"
        value={draft}
        placeholder={t('find.placeholder')}
        aria-label={t('find.label')}
        aria-describedby="find-count"
        data-find-target=""
        onChange={(event) => {
          setDraft(event.target.value);
          if (!composing.current) ui.setFindText(event.target.value);
        }}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(event) => {
          composing.current = false;
          ui.setFindText(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing || event.keyCode === 229) return;
          if (event.key === 'Enter') {
            event.preventDefault();
            step(event.shiftKey ? -1 : 1);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            close();
          }
        }}
      />
      <span id="find-count" className="find-count" aria-live="polite" data-empty={matches.length === 0 ? '' : undefined}>
        {count}
      </span>
      <button type="button" className="find-step" onClick={() => step(-1)} disabled={matches.length === 0} title={t('find.previousTitle')} aria-label={t('find.previous')}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 10l4-4 4 4" />
        </svg>
      </button>
      <button type="button" className="find-step" onClick={() => step(1)} disabled={matches.length === 0} title={t('find.nextTitle')} aria-label={t('find.next')}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" />
        </svg>
      </button>
      <button type="button" className="find-close" onClick={close} title={t('find.closeTitle')} aria-label={t('find.close')}>
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" />
        </svg>
      </button>
    </div>
  );
}
