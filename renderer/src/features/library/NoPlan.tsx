// What the reading view, the table and the dashboard show when no plan is open (the library is
// empty or every plan is in the trash): where to get one.
import { useTranslation } from '../../i18n/ui-text';
import './library-empty.css';

export function NoPlan({ libraryHref, onImport }: { libraryHref: string; onImport(): void }) {
  const { t } = useTranslation('library');
  return (
    <div className="library">
      <div className="library-empty">
        <h3>{t('empty.noPlan')}</h3>
        <p>{t('empty.noPlanBody')}</p>
        <div className="library-empty-actions">
          <a className="library-button-secondary" href={libraryHref}>
            {t('empty.toLibrary')}
          </a>
          <button type="button" className="library-button-primary" onClick={onImport}>
            {t('importButton')}
          </button>
        </div>
        <p className="library-empty-formats">{t('empty.formats')}</p>
      </div>
    </div>
  );
}
