// The small toolbar that floats by a selection in an item's text: a swatch per highlight colour
// (named as the reader named it), "Note" and "Copy with citation". It never takes the selection
// away: pressing a button does not move focus or clear the selection. Tab from the text (or
// the shortcut hint) reaches it; arrow keys move between its buttons; Escape closes it.
import { forwardRef, useImperativeHandle, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../i18n/ui-text';
import { movedFocus } from './roving';
import { HIGHLIGHT_COLORS, type ColorNames, type HighlightColor } from '../../../../../shared/api/annotations/methods';

export interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Where a floating box of `size` goes by `anchor`: above it if there is room, else below, always inside the viewport. */
export function placeBeside(anchor: Box, size: { width: number; height: number }, viewport: { width: number; height: number }, gap = 8) {
  const margin = 8;
  const centre = (anchor.left + anchor.right) / 2;
  const left = Math.min(Math.max(margin, centre - size.width / 2), Math.max(margin, viewport.width - size.width - margin));
  let top = anchor.top - size.height - gap;
  if (top < margin) top = anchor.bottom + gap;
  top = Math.min(Math.max(margin, top), Math.max(margin, viewport.height - size.height - margin));
  return { left: Math.round(left), top: Math.round(top) };
}

/** The label of a colour: the reader's name for it if any, with the colour itself. */
export function useColorLabel(names: ColorNames) {
  const { t } = useTranslation('annotationReading');
  return (color: HighlightColor) => {
    const name = names[color]?.trim();
    const colour = t(`color.${color}`);
    return name ? t('highlightInNamed', { color: colour, name }) : t('highlightIn', { color: colour });
  };
}

interface Props {
  anchor: Box;
  names: ColorNames;
  lastColor: HighlightColor;
  busy: boolean;
  /** A failed save or copy (an alert), or a copy done (a status). */
  message: { kind: 'error' | 'done'; text: string } | null;
  onHighlight(color: HighlightColor): void;
  onNote(): void;
  onCopyCitation(): void;
  onClose(): void;
}

export interface ToolbarHandle {
  focus(): void;
}

export const SelectionToolbar = forwardRef<ToolbarHandle, Props>(function SelectionToolbar(props, ref) {
  const { anchor, names, lastColor, busy, message, onHighlight, onNote, onCopyCitation, onClose } = props;
  const { t } = useTranslation('annotationReading');
  const label = useColorLabel(names);
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    setPlace(placeBeside(anchor, { width: el.offsetWidth, height: el.offsetHeight }, { width: window.innerWidth, height: window.innerHeight }));
  }, [anchor, message]);

  useImperativeHandle(ref, () => ({ focus: () => box.current?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus() }), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = movedFocus(event.key, at, buttons.length, 'both');
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (next !== null) {
      event.preventDefault();
      buttons[next]?.focus();
    }
  };

  return createPortal(
    <div
      ref={box}
      className="selection-toolbar"
      role="toolbar"
      aria-label={t('toolbar')}
      style={place ? { left: place.left, top: place.top } : { left: -9999, top: -9999 }}
      // Pressing a button must not clear the selection it acts on.
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
    >
      <span className="selection-swatches">
        {HIGHLIGHT_COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className="selection-swatch"
            data-color={color}
            data-last={color === lastColor || undefined}
            title={label(color)}
            aria-label={label(color)}
            disabled={busy}
            tabIndex={color === lastColor ? 0 : -1}
            onClick={() => onHighlight(color)}
          />
        ))}
      </span>
      <span className="selection-divider" aria-hidden="true" />
      <button type="button" className="selection-action" title={t('addNote')} disabled={busy} tabIndex={-1} onClick={onNote}>
        <NoteIcon />
        {t('note')}
      </button>
      <button
        type="button"
        className="selection-action selection-icon-only"
        title={t('copyCitation')}
        aria-label={t('copyCitation')}
        tabIndex={-1}
        onClick={onCopyCitation}
      >
        <QuoteIcon />
      </button>
      <p className="selection-message" data-kind={message?.kind} role={message?.kind === 'error' ? 'alert' : 'status'}>
        {message?.text}
      </p>
    </div>,
    document.body,
  );
});

function NoteIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M3 2.5h7l3 3v8H3z" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
      <path d="M5.5 8h5M5.5 10.5h3.5" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" />
    </svg>
  );
}

function QuoteIcon() {
  return (
    <svg viewBox="0 0 16 16" width="15" height="15" aria-hidden="true" focusable="false">
      <path
        d="M3 9.5c0-2.6 1.2-4.3 3.3-5l.4.9C5.5 6 4.9 7 4.9 8h1.6v4H3zm6.3 0c0-2.6 1.2-4.3 3.3-5l.4.9c-1.2.6-1.8 1.6-1.8 2.6h1.6v4H9.3z"
        fill="currentColor"
      />
    </svg>
  );
}
