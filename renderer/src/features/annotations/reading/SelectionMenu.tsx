// The context menu on a selection in an item's text (right click, the menu key, Shift+F10):
// highlight in the last colour, highlight and add a note, copy, copy with citation. The desktop
// builds no native context menu, so this one serves the desktop and the browser alike.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from '../../../i18n/ui-text';
import type { ColorNames, HighlightColor } from '../../../../../shared/api/annotations/methods';
import { movedFocus } from './roving';
import { placeBeside, useColorLabel } from './SelectionToolbar';

interface Props {
  at: { x: number; y: number };
  names: ColorNames;
  lastColor: HighlightColor;
  onHighlight(): void;
  onNote(): void;
  onCopy(): void;
  onCopyCitation(): void;
  onClose(): void;
}

export function SelectionMenu({ at, names, lastColor, onHighlight, onNote, onCopy, onCopyCitation, onClose }: Props) {
  const { t } = useTranslation('annotationReading');
  const label = useColorLabel(names);
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    // A menu opens below and right of the pointer, and moves in when that would leave the window.
    const width = el.offsetWidth;
    const height = el.offsetHeight;
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const left = at.x + width + 8 > vw ? Math.max(8, at.x - width) : at.x;
    const top = at.y + height + 8 > vh ? placeBeside({ top: at.y, bottom: at.y, left, right: left }, { width, height }, { width: vw, height: vh }, 2).top : at.y;
    setPlace({ left, top });
    el.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
  }, [at]);

  useEffect(() => {
    const away = (event: Event) => {
      if (!box.current?.contains(event.target as Node)) onClose();
    };
    window.addEventListener('pointerdown', away, true);
    window.addEventListener('blur', onClose);
    window.addEventListener('resize', onClose);
    return () => {
      window.removeEventListener('pointerdown', away, true);
      window.removeEventListener('blur', onClose);
      window.removeEventListener('resize', onClose);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = movedFocus(event.key, i, items.length, 'vertical');
    if (event.key === 'Escape' || event.key === 'Tab') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (next !== null) {
      event.preventDefault();
      items[next]?.focus();
    }
  };

  const item = (key: string, text: string, act: () => void, extra?: React.ReactNode) => (
    <button
      key={key}
      type="button"
      role="menuitem"
      tabIndex={-1}
      className="selection-menu-item"
      onClick={() => {
        onClose();
        act();
      }}
    >
      {extra}
      {text}
    </button>
  );

  return createPortal(
    <div
      ref={box}
      className="selection-menu"
      role="menu"
      aria-label={t('menu')}
      style={place ?? { left: -9999, top: -9999 }}
      onMouseDown={(e) => e.preventDefault()}
      onKeyDown={onKeyDown}
      onContextMenu={(e) => e.preventDefault()}
    >
      {item('highlight', label(lastColor), onHighlight, <span className="selection-menu-swatch" data-color={lastColor} aria-hidden="true" />)}
      {item('note', t('addNote'), onNote, <span className="selection-menu-swatch selection-menu-blank" aria-hidden="true" />)}
      <div role="separator" className="selection-menu-separator" />
      {item('copy', t('copy'), onCopy, <span className="selection-menu-swatch selection-menu-blank" aria-hidden="true" />)}
      {item('citation', t('copyCitation'), onCopyCitation, <span className="selection-menu-swatch selection-menu-blank" aria-hidden="true" />)}
    </div>,
    document.body,
  );
}
