// The reading controls of the app bar: which language(s) plan text is shown in, the reading
// size (A− / A+) and the appearance (system / light / dark).
import { useTranslation } from '../i18n/ui-text';
import type { ReadingMode } from '../features/feature-props';
import { READING_MODES, READING_SIZE_STEPS, THEME_CHOICES, type Preferences, type ThemeChoice } from '../reading/preferences';
import type { PreferenceActions } from '../reading/use-preferences';
import { SegmentedControl } from './SegmentedControl';
import { Select } from './Select';

export function ReadingModeSwitch({ mode, onChange }: { mode: ReadingMode; onChange(mode: ReadingMode): void }) {
  const { t } = useTranslation();
  return (
    <SegmentedControl
      label={t('readingMode.label')}
      caption={t('readingMode.caption')}
      className="reading-mode-switch"
      value={mode}
      onChange={onChange}
      segments={READING_MODES.map((m) => ({ value: m, label: t(`readingMode.${m}`), short: t(`readingMode.${m}Short`), title: t(`readingMode.${m}Title`) }))}
    />
  );
}

export function ReadingSizeControl({ size, onChange }: { size: number; onChange(size: number): void }) {
  const { t } = useTranslation();
  const stepText = t('readingSize.step', { step: size, steps: READING_SIZE_STEPS });
  return (
    <div role="group" aria-label={t('readingSize.label')} className="segmented reading-size" title={stepText}>
      <button
        type="button"
        aria-label={t('readingSize.smallerName')}
        title={t('readingSize.smallerName')}
        aria-disabled={size <= 1}
        onClick={() => size > 1 && onChange(size - 1)}
      >
        {t('readingSize.smaller')}
      </button>
      <span className="reading-size-meter" aria-hidden="true" data-step={size} />
      <button
        type="button"
        aria-label={t('readingSize.largerName')}
        title={t('readingSize.largerName')}
        aria-disabled={size >= READING_SIZE_STEPS}
        onClick={() => size < READING_SIZE_STEPS && onChange(size + 1)}
      >
        {t('readingSize.larger')}
      </button>
    </div>
  );
}

export function ThemeSelect({ theme, onChange }: { theme: ThemeChoice; onChange(theme: ThemeChoice): void }) {
  const { t } = useTranslation();
  return (
    <label className="theme-select">
      <span className="theme-select-label control-caption">{t('appearance.label')}</span>
      <Select value={theme} onChange={(e) => onChange(e.target.value as ThemeChoice)}>
        {THEME_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {t(`appearance.${choice}`)}
          </option>
        ))}
      </Select>
    </label>
  );
}

export function ReadingControls({ prefs, actions }: { prefs: Preferences; actions: PreferenceActions }) {
  return (
    <>
      <ReadingModeSwitch mode={prefs.readingMode} onChange={actions.setReadingMode} />
      <ReadingSizeControl size={prefs.readingSize} onChange={actions.setReadingSize} />
      <ThemeSelect theme={prefs.theme} onChange={actions.setTheme} />
    </>
  );
}
