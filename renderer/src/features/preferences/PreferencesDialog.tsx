// The preferences dialog (CmdOrCtrl+, or the menu): interface language and appearance, how
// plan text is shown (language, size), and the configurable status list. A modal <dialog>:
// Escape closes it, Tab stays inside, the focus returns where it was. The reading preferences
// belong to App (it applies and saves them); the dialog shows them and reports changes. The
// status list is a draft saved in one call: Done saves it (and stays open when the core refuses),
// and closing otherwise (Escape, the close button) with unsaved changes asks first.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { ApiClient } from '../../api/client';
import { LANGUAGES, type Language } from '../../i18n/catalogue';
import { HTML_LANG } from '../../i18n/i18n';
import { READING_MODES, READING_SIZE_STEPS, THEME_CHOICES, type Preferences, type ThemeChoice } from '../../reading/preferences';
import type { PreferenceActions } from '../../reading/use-preferences';
import type { ReadingMode } from '../feature-props';
import { CloseIcon } from './icons';
import { StatusOptionsEditor } from './StatusOptionsEditor';
import { useModalDialog } from './use-modal-dialog';
import { useStatusOptions } from './use-status-options';
import './preferences.css';

export interface PreferencesDialogProps {
  /** Closed: nothing is rendered. Opening mounts the dialog and loads the status list afresh. */
  open: boolean;
  onClose(): void;
  client: ApiClient;
  language: Language;
  onLanguageChange(language: Language): void;
  preferences: Preferences;
  actions: PreferenceActions;
}

export function PreferencesDialog(props: PreferencesDialogProps) {
  return props.open ? <OpenPreferencesDialog {...props} /> : null;
}

interface Choice<T extends string> {
  value: T;
  label: string;
  lang?: string;
}

function RadioGroup<T extends string>(props: { legend: string; name: string; value: T; choices: Choice<T>[]; onChange(value: T): void }) {
  return (
    <fieldset className="prefs-field">
      <legend>{props.legend}</legend>
      <div className="prefs-choices">
        {props.choices.map((choice) => (
          <label key={choice.value} className="prefs-choice" lang={choice.lang}>
            <input
              type="radio"
              name={props.name}
              value={choice.value}
              checked={choice.value === props.value}
              onChange={() => props.onChange(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

const THEME_LABELS = { system: 'interface.themeSystem', light: 'interface.themeLight', dark: 'interface.themeDark' } as const;
const MODE_LABELS = { zh: 'reading.modeZh', en: 'reading.modeEn', both: 'reading.modeBoth' } as const;
const LANGUAGE_LABELS = { zh: 'interface.languageZh', en: 'interface.languageEn' } as const;

function OpenPreferencesDialog({ onClose, client, language, onLanguageChange, preferences, actions }: PreferencesDialogProps) {
  const { t } = useTranslation('preferences');
  const statuses = useStatusOptions(client);
  const [asking, setAsking] = useState(false);
  // Escape while asking means "keep editing"; otherwise it closes, asking first about a draft.
  const requestClose = () => {
    if (asking) setAsking(false);
    else if (statuses.dirty) setAsking(true);
    else onClose();
  };
  const { ref, onKeyDown, onCancel } = useModalDialog(requestClose);
  const saveAndClose = async () => {
    if (await statuses.save()) onClose();
    else setAsking(false);
  };
  const done = () => (statuses.dirty ? void saveAndClose() : onClose());
  const discard = () => {
    statuses.revert();
    onClose();
  };
  const askRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) askRef.current?.focus();
  }, [asking]);
  const id = useId();
  const sizeId = `${id}-size`;

  return (
    <dialog
      ref={ref}
      className="dialog-surface dialog-sheet preferences-dialog"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      <header className="dialog-header">
        <h2 id={`${id}-title`}>{t('title')}</h2>
        <button type="button" className="icon-button prefs-close" aria-label={t('close')} title={t('close')} onClick={requestClose}>
          <CloseIcon />
        </button>
      </header>

      <div className="prefs-body">
        <section className="prefs-section" aria-labelledby={`${id}-interface`}>
          <h3 id={`${id}-interface`}>{t('interface.title')}</h3>
          <RadioGroup<Language>
            legend={t('interface.language')}
            name={`${id}-language`}
            value={language}
            onChange={onLanguageChange}
            choices={LANGUAGES.map((lng) => ({ value: lng, label: t(LANGUAGE_LABELS[lng]), lang: HTML_LANG[lng] }))}
          />
          <RadioGroup<ThemeChoice>
            legend={t('interface.theme')}
            name={`${id}-theme`}
            value={preferences.theme}
            onChange={actions.setTheme}
            choices={THEME_CHOICES.map((choice) => ({ value: choice, label: t(THEME_LABELS[choice]) }))}
          />
        </section>

        <section className="prefs-section" aria-labelledby={`${id}-reading`}>
          <h3 id={`${id}-reading`}>{t('reading.title')}</h3>
          <RadioGroup<ReadingMode>
            legend={t('reading.mode')}
            name={`${id}-mode`}
            value={preferences.readingMode}
            onChange={actions.setReadingMode}
            choices={READING_MODES.map((mode) => ({ value: mode, label: t(MODE_LABELS[mode]) }))}
          />
          <div className="prefs-field prefs-check">
            <label className="prefs-checkbox">
              <input
                type="checkbox"
                checked={preferences.cjkPunctuation}
                aria-describedby={`${id}-cjk-hint`}
                onChange={(e) => actions.setCjkPunctuation(e.target.checked)}
              />
              <span>{t('reading.cjkPunctuation')}</span>
            </label>
            <p id={`${id}-cjk-hint`} className="prefs-hint">
              {t('reading.cjkPunctuationHint')}
            </p>
          </div>
          <div className="prefs-field prefs-size">
            <label htmlFor={sizeId}>{t('reading.size')}</label>
            <div className="prefs-size-control">
              <span aria-hidden="true" className="prefs-size-end prefs-size-small">
                {t('reading.smaller')}
              </span>
              <input
                id={sizeId}
                type="range"
                min={1}
                max={READING_SIZE_STEPS}
                step={1}
                value={preferences.readingSize}
                aria-valuetext={t('reading.sizeValue', { step: preferences.readingSize, steps: READING_SIZE_STEPS })}
                onChange={(e) => actions.setReadingSize(Number(e.target.value))}
              />
              <span aria-hidden="true" className="prefs-size-end prefs-size-large">
                {t('reading.larger')}
              </span>
              <output htmlFor={sizeId} className="prefs-size-value">
                {t('reading.sizeValue', { step: preferences.readingSize, steps: READING_SIZE_STEPS })}
              </output>
            </div>
          </div>
        </section>

        <section className="prefs-section" aria-labelledby={`${id}-statuses`}>
          <h3 id={`${id}-statuses`}>{t('statuses.title')}</h3>
          <p className="prefs-intro">{t('statuses.intro')}</p>
          <StatusOptionsEditor editor={statuses} language={language} />
        </section>
      </div>

      {asking ? (
        <footer className="prefs-footer prefs-footer-ask" role="alert" aria-labelledby={`${id}-ask`}>
          <p id={`${id}-ask`} className="prefs-footer-note prefs-footer-warn">
            {t('unsavedAsk')}
          </p>
          <button type="button" className="prefs-button prefs-button-quiet" onClick={() => setAsking(false)}>
            {t('keepEditing')}
          </button>
          <button type="button" className="prefs-button" onClick={discard}>
            {t('discard')}
          </button>
          <button
            ref={askRef}
            type="button"
            className="prefs-button dialog-primary"
            disabled={statuses.saving}
            onClick={() => void saveAndClose()}
          >
            {statuses.saving ? t('statuses.saving') : t('saveAndClose')}
          </button>
        </footer>
      ) : (
        <footer className="prefs-footer">
          {statuses.dirty && <p className="prefs-footer-note">{t('statuses.unsaved')}</p>}
          <button
            type="button"
            className="prefs-button dialog-primary"
            disabled={statuses.saving}
            title={statuses.dirty ? t('doneSaves') : undefined}
            onClick={done}
          >
            {t('done')}
          </button>
        </footer>
      )}
    </dialog>
  );
}
