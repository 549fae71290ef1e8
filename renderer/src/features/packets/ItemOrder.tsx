// The items the packet includes now, in packet order. The reader reorders them by dragging, by
// the up/down buttons, or with Alt+Up / Alt+Down on a focused row; each move is announced for
// screen readers and focus stays on the moved row. The new order is the definition's `order`.
// Any item can be left out here, whichever source brings it (a whole plan, a theme, a view, a
// filter or a hand-pick): its id goes on the definition's `excluded` list, so the next run leaves
// it out too. The left-out items are listed below, collapsed, each with "bring back".
import { useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/ui-text';
import type { PacketDefinition, PacketItem, PacketMethods } from '../../../../shared/api/packets/methods';
import { useReading } from '../../reading/reading-context';

type Resolved = UseQueryResult<PacketMethods['packet.resolve']['result']>;

interface Props {
  resolved: Resolved;
  definition: PacketDefinition;
  onChange(definition: PacketDefinition): void;
}

/** The list with one item moved from one position to another. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** An item's numeral and headline over its plan and theme (and `children`, e.g. badges). */
function ItemText({ item, children }: { item: PacketItem; children?: ReactNode }) {
  // The plan's Chinese as the reading view shows it (full-width punctuation when chosen).
  const { zh } = useReading();
  return (
    <span className="pk-item-text">
      <span className="pk-item-headline">
        <span className="pk-numeral">{item.numeral}</span> {zh(item.headline)}
      </span>
      <span className="pk-item-where">
        {zh(item.planTitle)} · {zh(item.themeHeadline)}
        {children}
      </span>
    </span>
  );
}

export function ItemOrder({ resolved, definition, onChange }: Props) {
  const { t } = useTranslation('packets');
  const [announcement, setAnnouncement] = useState('');
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const focusAfter = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const items = resolved.data?.items ?? [];
  const leftOut = resolved.data?.excluded ?? [];
  const excluded = definition.excluded ?? [];

  useLayoutEffect(() => {
    if (!focusAfter.current) return;
    const id = focusAfter.current;
    const row = [...(list.current?.children ?? [])].find((li): li is HTMLElement => li instanceof HTMLElement && li.dataset.itemId === id);
    if (row) {
      row.focus();
      focusAfter.current = null;
    }
  });

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    const item = items[from]!;
    const order = moved(items, from, to).map((i) => i.id);
    focusAfter.current = item.id;
    onChange({ ...definition, order });
    setAnnouncement(t('items.moved', { headline: label(item), position: to + 1, total: items.length }));
  };

  const leaveOut = (item: PacketItem, index: number) => {
    // Focus goes to the row that takes its place (or the one before), not to the page's top.
    const next = items[index + 1] ?? items[index - 1];
    if (next) focusAfter.current = next.id;
    onChange({ ...definition, excluded: [...excluded.filter((id) => id !== item.id), item.id], order: definition.order.filter((id) => id !== item.id) });
    setAnnouncement(t('items.leftOut', { headline: label(item) }));
  };

  const bringBack = (item: PacketItem) => {
    // Its button goes away with it: focus follows the item back into the list.
    focusAfter.current = item.id;
    onChange({ ...definition, excluded: excluded.filter((id) => id !== item.id) });
    setAnnouncement(t('items.broughtBack', { headline: label(item) }));
  };

  const onKeyDown = (event: KeyboardEvent, index: number) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      // The app's Alt+Up/Down (previous/next initiative) is for the reading view, not here.
      event.preventDefault();
      event.stopPropagation();
      move(index, index + (event.key === 'ArrowUp' ? -1 : 1));
    }
  };

  return (
    <fieldset className="pk-section pk-items" aria-busy={resolved.isFetching || undefined}>
      <legend>
        {t('items.legend')}
        {resolved.data && (
          <span className="pk-count">
            {t('items.count', { count: items.length })}
            {leftOut.length > 0 && t('items.leftOutCount', { count: leftOut.length })}
          </span>
        )}
      </legend>
      <p className="pk-hint" id="pk-items-hint">
        {t('items.hint')}
        {definition.order.length > 0 && (
          <>
            {' '}
            <button type="button" className="pk-link-button" onClick={() => onChange({ ...definition, order: [] })}>
              {t('items.resetOrder')}
            </button>
          </>
        )}
      </p>
      {resolved.isPending ? (
        definition.sources.length > 0 && <p role="status">{t('items.loading')}</p>
      ) : resolved.isError ? (
        <p role="alert">{t('items.failed', { message: resolved.error.message })}</p>
      ) : items.length === 0 ? (
        definition.sources.length > 0 && <p className="pk-empty-line">{t('items.empty')}</p>
      ) : (
        <ol className="pk-item-list" ref={list} aria-describedby="pk-items-hint">
          {items.map((item, index) => {
            const headline = label(item);
            return (
              <li
                key={item.id}
                data-item-id={item.id}
                tabIndex={0}
                draggable
                className={['pk-item', dragging === index && 'pk-item-dragging', dropAt === index && dragging !== index && 'pk-item-drop'].filter(Boolean).join(' ')}
                aria-label={`${index + 1}. ${headline}`}
                onKeyDown={(e) => onKeyDown(e, index)}
                onDragStart={(e) => {
                  setDragging(index);
                  e.dataTransfer.effectAllowed = 'move';
                  e.dataTransfer.setData('text/plain', item.id);
                }}
                onDragOver={(e) => {
                  if (dragging === null) return;
                  e.preventDefault();
                  setDropAt(index);
                }}
                onDrop={(e) => {
                  e.preventDefault();
                  if (dragging !== null) move(dragging, index);
                  setDragging(null);
                  setDropAt(null);
                }}
                onDragEnd={() => {
                  setDragging(null);
                  setDropAt(null);
                }}
              >
                <span className="pk-grip" aria-hidden="true">
                  ⋮⋮
                </span>
                <span className="pk-item-index" aria-hidden="true">
                  {index + 1}
                </span>
                <ItemText item={item}>
                  {item.notes > 0 && <span className="pk-badge">{t('items.notes', { count: item.notes })}</span>}
                  {item.highlights > 0 && <span className="pk-badge">{t('items.highlights', { count: item.highlights })}</span>}
                </ItemText>
                <span className="pk-item-actions">
                  <button type="button" className="pk-icon-button" aria-label={t('items.up', { headline })} title={t('items.up', { headline })} disabled={index === 0} onClick={() => move(index, index - 1)}>
                    ↑
                  </button>
                  <button
                    type="button"
                    className="pk-icon-button"
                    aria-label={t('items.down', { headline })}
                    title={t('items.down', { headline })}
                    disabled={index === items.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    ↓
                  </button>
                  <button type="button" className="pk-text-button" aria-label={t('items.leaveOut', { headline })} title={t('items.leaveOutTitle')} onClick={() => leaveOut(item, index)}>
                    {t('items.leaveOutShort')}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {leftOut.length > 0 && (
        <details className="pk-left-out">
          <summary>{t('items.leftOutSummary', { count: leftOut.length })}</summary>
          <ul aria-label={t('items.leftOutList')}>
            {leftOut.map((item) => {
              const headline = label(item);
              return (
                <li key={item.id} className="pk-left-out-item">
                  <ItemText item={item} />
                  <button type="button" className="pk-text-button" aria-label={t('items.bringBack', { headline })} onClick={() => bringBack(item)}>
                    {t('items.bringBackShort')}
                  </button>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      <p className="pk-sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
    </fieldset>
  );
}

function label(item: PacketItem): string {
  return `${item.numeral} ${item.headline}`;
}
