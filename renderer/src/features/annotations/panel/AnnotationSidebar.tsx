// The panel's frame in the reading view: beside the text on a wide window, below it on a narrow
// one (panel.css), collapsible to a slim strip. Whether it is open is remembered for the session.
import { useId, useState } from 'react';
import { useTranslation } from '../../../i18n/ui-text';
import type { ApiClient } from '../../../api/client';
import { useFirstScreenSettled } from '../../../shell/first-screen';
import { useAnnotationUi } from '../annotation-ui';
import { AnnotationPanel } from './AnnotationPanel';

const OPEN_KEY = 'briefbook.annotationPanel.open';

function initiallyOpen(): boolean {
  try {
    return sessionStorage.getItem(OPEN_KEY) !== 'no';
  } catch {
    return true;
  }
}

interface Props {
  client: ApiClient;
  planId: string;
  itemId: string | null;
}

export function AnnotationSidebar({ client, planId, itemId }: Props) {
  const { t } = useTranslation('annotationPanel');
  const [chosen, setOpen] = useState(initiallyOpen);
  const bodyId = useId();
  // A note started while the panel is collapsed (Ctrl+N, a highlight's "add note") opens it.
  const { editing, edit } = useAnnotationUi();
  const open = chosen || editing !== null;
  // On the overview the panel follows the theme cards, below the first screen: its notes and
  // their calls wait until that screen is up (shell/first-screen.ts), unless a note is started
  // sooner. Beside an item's text it is part of what the reader sees first.
  const settled = useFirstScreenSettled();
  const toggle = () => {
    const next = !open;
    setOpen(next);
    // Collapsing closes the editor (which saves what waits as it goes).
    if (!next) edit(null);
    try {
      sessionStorage.setItem(OPEN_KEY, next ? 'yes' : 'no');
    } catch {
      // Not remembered: the panel still opens and closes.
    }
  };
  return (
    <aside className="apanel" data-open={open || undefined} aria-label={t('title')}>
      <div className="apanel-head">
        <h2 className="apanel-title">{t('title')}</h2>
        <button
          type="button"
          className="apanel-toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          title={open ? t('hide') : t('show')}
          aria-label={open ? t('hide') : t('show')}
          onClick={toggle}
        >
          <span aria-hidden="true" className="apanel-toggle-icon" />
        </button>
      </div>
      <div id={bodyId} hidden={!open}>
        {open && (itemId !== null || settled || editing !== null) && <AnnotationPanel client={client} planId={planId} itemId={itemId} />}
      </div>
    </aside>
  );
}
