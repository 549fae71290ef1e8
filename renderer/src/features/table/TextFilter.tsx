// A text filter on one column: rows whose text contains what is typed (the core matches).
import { useTranslation } from '../../i18n/ui-text';
import { ColumnFilterPopover } from './ColumnFilterPopover';
import { usePopoverClose } from './Popover';

export interface TextFilterProps {
  columnLabel: string;
  value: string;
  onChange(value: string): void;
}

export function TextFilter({ columnLabel, value, onChange }: TextFilterProps) {
  return (
    <ColumnFilterPopover columnLabel={columnLabel} active={value.trim() !== ''}>
      <TextFilterField columnLabel={columnLabel} value={value} onChange={onChange} />
    </ColumnFilterPopover>
  );
}

function TextFilterField({ columnLabel, value, onChange }: TextFilterProps) {
  const { t } = useTranslation('table');
  const close = usePopoverClose();
  return (
    <div className="itable-text-filter">
      <input
        type="search"
        className="itable-field"
        aria-label={t('filter.containing', { column: columnLabel })}
        placeholder={t('filter.containing', { column: columnLabel })}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') close();
        }}
      />
      {value !== '' && (
        <button type="button" className="itable-button" onClick={() => onChange('')}>
          {t('filter.clear')}
        </button>
      )}
    </div>
  );
}
