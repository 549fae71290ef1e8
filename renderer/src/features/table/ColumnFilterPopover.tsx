// The filter button in a column header (funnel icon, "filter <column>") and its panel; the
// faceted and the text filter differ only in what the panel holds.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import { Popover } from './Popover';

export interface ColumnFilterPopoverProps {
  columnLabel: string;
  active: boolean;
  panelClassName?: string;
  children: ReactNode;
}

export function ColumnFilterPopover({ columnLabel, active, panelClassName, children }: ColumnFilterPopoverProps) {
  const { t } = useTranslation('table');
  const label = t('filter.open', { column: columnLabel });
  return (
    <Popover
      label={label}
      buttonLabel={label}
      buttonTitle={label}
      buttonClassName="itable-filter-button"
      buttonContent={<span className="itable-icon itable-icon-filter" aria-hidden="true" />}
      active={active}
      panelClassName={panelClassName}
    >
      {children}
    </Popover>
  );
}
