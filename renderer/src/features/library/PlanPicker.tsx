// The plan picker at the start of the plan strip: a small button that lists the library's plans
// (the reader's names for them) to switch the current plan in place, and a way to the library.
// A menu: ↑ ↓ move, Enter or a click opens, Escape or a click elsewhere closes it.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import type { ApiClient } from '../../api/client';
import { formatDate, sortEntries } from './library-order';
import './library.css';

interface Props {
  client: ApiClient;
  currentPlanId: string;
  libraryHref: string;
  onOpen(planId: string): void;
}

type Listing = { status: 'loading' } | { status: 'ready'; plans: LibraryEntry[] } | { status: 'error'; message: string };

export function PlanPicker({ client, currentPlanId, libraryHref, onOpen }: Props) {
  const { t, i18n } = useTranslation('library');
  const [open, setOpen] = useState(false);
  // The library's plans through the query cache (a library change invalidates ['library']),
  // asked again each time the menu opens: another window may have changed them.
  const plans = useQuery({
    queryKey: ['library', 'picker'],
    queryFn: () => client.call('library.list', {}),
    enabled: open,
    staleTime: 0,
  });
  const listing: Listing = plans.data
    ? { status: 'ready', plans: sortEntries(plans.data, 'imported') }
    : plans.error && !plans.isFetching
      ? { status: 'error', message: plans.error instanceof Error ? plans.error.message : String(plans.error) }
      : { status: 'loading' };
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const outside = (event: MouseEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  // Focus goes into the menu once it has items: the current plan, else the first.
  useEffect(() => {
    if (!open || listing.status === 'loading') return;
    const items = menuItems(menuRef.current);
    (items.find((el) => el.getAttribute('aria-checked') === 'true') ?? items[0])?.focus();
  }, [open, listing.status]);

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = menuItems(menuRef.current);
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') setOpen(false);
  };

  return (
    <div className="plan-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="plan-picker-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('picker.label')}
        title={t('picker.label')}
        onClick={() => setOpen(!open)}
      />
      {open && (
        <div ref={menuRef} id={menuId} className="plan-picker-menu" role="menu" aria-label={t('picker.label')} onKeyDown={onMenuKey}>
          {listing.status === 'loading' && <p className="plan-picker-note">{t('picker.loading')}</p>}
          {listing.status === 'error' && (
            <p className="plan-picker-note" role="alert">
              {t('saveFailed', { message: listing.message })}
            </p>
          )}
          {listing.status === 'ready' &&
            listing.plans.map((plan) => (
              <button
                key={plan.id}
                type="button"
                role="menuitemradio"
                aria-checked={plan.id === currentPlanId}
                className="plan-picker-item"
                tabIndex={-1}
                onClick={() => {
                  setOpen(false);
                  if (plan.id !== currentPlanId) onOpen(plan.id);
                }}
              >
                <span className="plan-picker-title">{plan.title}</span>
                <span className="plan-picker-meta">
                  {[plan.issuer, plan.date && formatDate(plan.date, i18n.language)].filter(Boolean).join(' · ') ||
                    t('items', { count: plan.itemCount })}
                </span>
              </button>
            ))}
          <a role="menuitem" className="plan-picker-item plan-picker-manage" href={libraryHref} tabIndex={-1} onClick={() => setOpen(false)}>
            {t('picker.manage')}
          </a>
        </div>
      )}
    </div>
  );
}

function menuItems(menu: HTMLElement | null): HTMLElement[] {
  return [...(menu?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
}
