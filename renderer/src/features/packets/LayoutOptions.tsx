// The packet's cover fields and its layout options, as plain form controls: choices of a few
// values are radio groups (all visible at once), on/off ones are checkboxes.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { PacketCover, PacketOptions } from '../../../../shared/api/packets/methods';
import { localDay } from '../../../../shared/text/printed-date';
import { DateField } from './DateField';

export function CoverFields({ cover, onChange }: { cover: PacketCover; onChange(cover: PacketCover): void }) {
  const { t } = useTranslation('packets');
  const id = useId();
  const text = (key: 'title' | 'subtitle' | 'preparedFor' | 'preparedBy' | 'marking', hint?: string) => (
    <div className={`pk-field pk-field-${key}`}>
      <label htmlFor={`${id}-${key}`}>{t(`cover.${key}`)}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        value={cover[key]}
        placeholder={hint}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        onChange={(e) => onChange({ ...cover, [key]: e.target.value })}
      />
      {hint && (
        <span id={`${id}-${key}-hint`} className="pk-hint">
          {hint}
        </span>
      )}
    </div>
  );
  const today = localDay();
  return (
    <fieldset className="pk-section pk-cover">
      <legend>{t('cover.legend')}</legend>
      <div className="pk-grid">
        {text('title')}
        {text('subtitle')}
        {text('preparedFor')}
        {text('preparedBy')}
        <div className="pk-field pk-field-date">
          <label htmlFor={`${id}-date`}>{t('cover.date')}</label>
          <DateField
            id={`${id}-date`}
            // With the run date chosen, the field shows today's (what a run now would print).
            value={cover.date ?? today}
            disabled={cover.date === null}
            onChange={(date) => onChange({ ...cover, date })}
          />
          <label className="pk-check">
            <input type="checkbox" checked={cover.date === null} onChange={(e) => onChange({ ...cover, date: e.target.checked ? null : today })} />
            {t('cover.runDate')}
          </label>
        </div>
        {text('marking', t('cover.markingHint'))}
      </div>
    </fieldset>
  );
}

function Choice<V extends string>({ legend, name, value, values, label, onChange }: {
  legend: string;
  name: string;
  value: V;
  values: readonly V[];
  label(value: V): string;
  onChange(value: V): void;
}) {
  return (
    <fieldset className="pk-choice">
      <legend>{legend}</legend>
      <div className="pk-segmented">
        {values.map((v) => (
          <label key={v} className={v === value ? 'pk-segment pk-segment-on' : 'pk-segment'}>
            <input type="radio" name={name} value={v} checked={v === value} onChange={() => onChange(v)} />
            {label(v)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function LayoutOptions({ options, onChange }: { options: PacketOptions; onChange(options: PacketOptions): void }) {
  const { t } = useTranslation('packets');
  const name = useId();
  const set = <K extends keyof PacketOptions>(key: K) => (value: PacketOptions[K]) => onChange({ ...options, [key]: value });
  const check = (key: 'highlights' | 'fields' | 'summary', text: string) => (
    <label className="pk-check">
      <input type="checkbox" checked={options[key]} onChange={(e) => onChange({ ...options, [key]: e.target.checked })} />
      {text}
    </label>
  );
  return (
    <fieldset className="pk-section pk-options">
      <legend>{t('options.legend')}</legend>
      <Choice legend={t('options.language')} name={`${name}-lang`} value={options.language} values={['zh', 'en', 'both'] as const} label={(v) => t(`options.languages.${v}`)} onChange={set('language')} />
      <Choice legend={t('options.notes')} name={`${name}-notes`} value={options.notes} values={['margin', 'endnotes', 'none'] as const} label={(v) => t(`options.notesKinds.${v}`)} onChange={set('notes')} />
      <Choice legend={t('options.ruled')} name={`${name}-ruled`} value={options.ruledSpace} values={['none', 'short', 'half'] as const} label={(v) => t(`options.ruledKinds.${v}`)} onChange={set('ruledSpace')} />
      <div className="pk-choice-row">
        <Choice legend={t('options.paper')} name={`${name}-paper`} value={options.paper} values={['A4', 'Letter'] as const} label={(v) => v} onChange={set('paper')} />
        <Choice legend={t('options.orientation')} name={`${name}-orient`} value={options.orientation} values={['portrait', 'landscape'] as const} label={(v) => t(`options.orientations.${v}`)} onChange={set('orientation')} />
      </div>
      <div className="pk-checks">
        {check('highlights', t('options.highlights'))}
        {check('fields', t('options.fields'))}
        {check('summary', t('options.summary'))}
      </div>
    </fieldset>
  );
}
