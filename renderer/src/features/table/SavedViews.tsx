// Saved views: name the current sort, filters, grouping and columns; apply, rename, overwrite
// or delete one. Stored by the core (view.list / view.save / view.delete).
import { useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { SavedView, TableViewState } from '../../../../shared/domain/table';
import { Popover, usePopoverClose } from './Popover';
import type { SavedViewsApi } from './use-saved-views';
import { normalizeViewState } from './view-state';

export interface SavedViewsProps {
  api: SavedViewsApi;
  current: TableViewState;
  /** The view applied or saved last, and whether the table has changed since. */
  active: SavedView | null;
  modified: boolean;
  onApply(view: SavedView): void;
}

type Mode = { kind: 'idle' } | { kind: 'rename'; id: number; name: string } | { kind: 'delete'; id: number };

export function SavedViews(props: SavedViewsProps) {
  const { t } = useTranslation('table');
  const { active, modified } = props;
  const state = active ? (modified ? t('views.activeModified', { name: active.name }) : t('views.active', { name: active.name })) : '';
  return (
    <Popover
      label={t('views.title')}
      buttonLabel={active ? `${t('toolbar.views')}: ${state}` : undefined}
      buttonTitle={state || undefined}
      buttonClassName="itable-button itable-views-button"
      buttonContent={
        <>
          <span className="itable-icon itable-icon-views" aria-hidden="true" />
          {t('toolbar.views')}
          {active && (
            <span className="itable-view-current" data-modified={modified || undefined}>
              <span className="itable-view-current-name">{active.name}</span>
              {modified && <span className="itable-view-modified">{t('views.modified')}</span>}
            </span>
          )}
        </>
      }
      panelClassName="itable-views-panel"
    >
      <SavedViewsPanel {...props} />
    </Popover>
  );
}

function SavedViewsPanel({ api, current, active, modified, onApply }: SavedViewsProps) {
  const { t } = useTranslation('table');
  const close = usePopoverClose();
  const [name, setName] = useState('');
  const [mode, setMode] = useState<Mode>({ kind: 'idle' });
  const nameRef = useRef<HTMLInputElement>(null);

  const saveNew = async () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    if (await api.save({ name: trimmed, state: current })) {
      setName('');
      // The save button is disabled with the name cleared: keep focus in the panel.
      nameRef.current?.focus();
    }
  };

  return (
    <>
      {api.error && (
        <p role="alert" className="itable-panel-error">
          {api.error}
        </p>
      )}
      {api.views.length === 0 ? (
        <p className="itable-panel-empty">{t('views.none')}</p>
      ) : (
        <ul className="itable-view-list">
          {api.views.map((view) => (
            <li key={view.id} className="itable-view-item">
              {mode.kind === 'rename' && mode.id === view.id ? (
                <form
                  className="itable-view-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const next = mode.name.trim();
                    if (!next) return;
                    void api.save({ id: view.id, name: next, state: normalizeViewState(view.state) }).then((ok) => {
                      if (ok) setMode({ kind: 'idle' });
                    });
                  }}
                >
                  <input
                    className="itable-field"
                    aria-label={t('views.renameTo', { name: view.name })}
                    value={mode.name}
                    onChange={(e) => setMode({ ...mode, name: e.target.value })}
                  />
                  <button type="submit" className="itable-button">
                    {t('views.confirmRename')}
                  </button>
                  <button type="button" className="itable-button" onClick={() => setMode({ kind: 'idle' })}>
                    {t('views.cancel')}
                  </button>
                </form>
              ) : mode.kind === 'delete' && mode.id === view.id ? (
                <div className="itable-view-form">
                  <span className="itable-view-name">{view.name}</span>
                  <button
                    type="button"
                    className="itable-button itable-danger"
                    onClick={() => {
                      void api.remove(view.id).then(() => setMode({ kind: 'idle' }));
                    }}
                  >
                    {t('views.confirmDelete', { name: view.name })}
                  </button>
                  <button type="button" className="itable-button" onClick={() => setMode({ kind: 'idle' })}>
                    {t('views.cancel')}
                  </button>
                </div>
              ) : (
                <>
                  <button
                    type="button"
                    className="itable-view-apply"
                    aria-label={t('views.apply', { name: view.name })}
                    aria-current={view.id === active?.id || undefined}
                    onClick={() => {
                      onApply(view);
                      close();
                    }}
                  >
                    {view.name}
                    {view.id === active?.id && modified && <span className="itable-view-modified">{t('views.modified')}</span>}
                  </button>
                  <button
                    type="button"
                    className="itable-link-button"
                    onClick={() => setMode({ kind: 'rename', id: view.id, name: view.name })}
                  >
                    {t('views.rename')}
                  </button>
                  <button
                    type="button"
                    className="itable-link-button"
                    title={t('views.overwriteTitle', { name: view.name })}
                    aria-label={t('views.overwriteTitle', { name: view.name })}
                    onClick={() => void api.save({ id: view.id, name: view.name, state: current })}
                  >
                    {t('views.overwrite')}
                  </button>
                  <button type="button" className="itable-link-button" onClick={() => setMode({ kind: 'delete', id: view.id })}>
                    {t('views.delete')}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        className="itable-view-form itable-view-new"
        onSubmit={(e) => {
          e.preventDefault();
          void saveNew();
        }}
      >
        <input
          ref={nameRef}
          className="itable-field"
          aria-label={t('views.name')}
          placeholder={t('views.name')}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className="itable-button itable-primary" disabled={name.trim() === ''}>
          {t('views.saveAs')}
        </button>
      </form>
    </>
  );
}
