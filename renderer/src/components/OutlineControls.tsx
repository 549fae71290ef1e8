// The outline sidebar's two controls: the button that hides or shows it (also Ctrl+\ / Cmd+\,
// the shared command table's outline.toggle) and the handle between it and the text that sets
// its width — dragged with the pointer, or focused and moved with ←/→ (Home/End for the
// narrowest and widest), the width remembered for the next launch.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from '../i18n/ui-text';
import { COMMAND_ACCELERATORS } from '../../../shared/api/commands';
import { OUTLINE_WIDTH } from '../reading/preferences';
import { isMacPlatform } from '../shell/shell-bridge';

/** The accelerator as the reader's keyboard labels it: Ctrl+\ elsewhere, ⌘\ on a Mac. */
function shortcutText(): string {
  const accelerator = COMMAND_ACCELERATORS['outline.toggle'] ?? '';
  return isMacPlatform() ? accelerator.replace('CmdOrCtrl+', '⌘') : accelerator.replace('CmdOrCtrl', 'Ctrl');
}

export function OutlineToggle({ hidden, controls, onToggle }: { hidden: boolean; controls: string; onToggle(): void }) {
  const { t } = useTranslation();
  const action = hidden ? t('outline.show') : t('outline.hide');
  return (
    <button
      type="button"
      className="outline-toggle"
      aria-expanded={!hidden}
      aria-controls={hidden ? undefined : controls}
      aria-label={action}
      title={t('outline.withShortcut', { action, shortcut: shortcutText() })}
      onClick={onToggle}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
        <rect x="2.5" y="3.5" width="15" height="13" rx="2" fill="none" stroke="currentColor" strokeWidth="1.5" />
        <path d="M7.5 3.5v13" stroke="currentColor" strokeWidth="1.5" />
        {!hidden && <path d="M3.5 4.5h3v11h-3z" fill="currentColor" opacity="0.35" />}
      </svg>
    </button>
  );
}

interface ResizerProps {
  width: number;
  controls: string;
  /** save: false while dragging (only the drag's end is remembered). */
  onResize(width: number, save?: boolean): void;
}

export function OutlineResizer({ width, controls, onResize }: ResizerProps) {
  const { t } = useTranslation();
  const drag = useRef<{ startX: number; startWidth: number; last: number } | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { startX: event.clientX, startWidth: width, last: width };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d) return;
    d.last = d.startWidth + event.clientX - d.startX;
    onResize(d.last, false);
  };
  const onPointerUp = () => {
    const d = drag.current;
    drag.current = null;
    if (d) onResize(d.last);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = {
      ArrowLeft: width - OUTLINE_WIDTH.step,
      ArrowRight: width + OUTLINE_WIDTH.step,
      Home: OUTLINE_WIDTH.min,
      End: OUTLINE_WIDTH.max,
    };
    const next = steps[event.key];
    if (next === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onResize(next);
  };

  return (
    <div
      className="outline-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('outline.resize')}
      aria-controls={controls}
      aria-valuenow={width}
      aria-valuemin={OUTLINE_WIDTH.min}
      aria-valuemax={OUTLINE_WIDTH.max}
      aria-valuetext={t('outline.width', { width })}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
