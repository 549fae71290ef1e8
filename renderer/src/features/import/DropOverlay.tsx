// Shown over the whole window while files are dragged over it: where they go and what works.
import { useTranslation } from '../../i18n/ui-text';
import './drop-overlay.css';

export function DropOverlay() {
  const { t } = useTranslation('importPlan');
  return (
    <div className="drop-overlay" role="status">
      <div className="drop-overlay-card">
        <span className="drop-overlay-icon" aria-hidden="true" />
        <p className="drop-overlay-title">{t('drop.title')}</p>
        <p className="drop-overlay-body">{t('drop.body')}</p>
      </div>
    </div>
  );
}
