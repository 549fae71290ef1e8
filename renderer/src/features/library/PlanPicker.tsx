// The plan picker at the start of the plan strip: a small button that lists the library's plans
// (the reader's names for them) to switch the current plan in place, and a way to the library.
// A menu (usePopup, as search's filters): ↑ ↓ move, Enter or a click opens, Escape or a click
// elsewhere closes it, and so does Tab.
import { useId, useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from '../../i18n/ui-text';
import type { LibraryEntry } from '../../../../shared/api/library/methods';
import type { ApiClient } from '../../api/client';
import { usePopup } from '../../components/use-popup';
import { formatDate, sortEntries } from './library-order';
import './plan-picker.css';

interface Props {
  client: ApiClient;
  currentPlanId: string;
  libraryHref: string;
  onOpen(planId: string): void;
}

type Listing = { status: 'loading' } | { status: 'ready'; plans: LibraryEntry[] } | { status: 'error'; message: string };

export function PlanPicker({ client, currentPlanId, libraryHref, onOpen }: Props) {
  const { t, i18n } = useTranslation('library');
  const menuId = useId();
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
  // Focus goes into the menu once it has its plans: the current plan, else the first.
  const { rootRef, buttonRef, panelRef, onPanelKeyDown } = usePopup({ open, setOpen, items: '[role^="menuitem"]', chosen: '[aria-checked="true"]', ready: listing.status !== 'loading' });
  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Tab') setOpen(false);
    else onPanelKeyDown(event);
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
        <div ref={panelRef} id={menuId} className="plan-picker-menu" role="menu" aria-label={t('picker.label')} onKeyDown={onMenuKey}>
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
