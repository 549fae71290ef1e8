// The industries an initiative lists (plan text), one after another, the whole list in the tooltip.
import { Fragment } from 'react';
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { industryText, plainText } from '../plan-text';
import { useTableEnv } from '../table-env';
import { PlanTextSpans } from './PlanTextCell';

export function IndustriesCell({ row }: { row: InitiativeRow }) {
  const { t } = useTableEnv();
  const { readingMode, industryNames } = useTableEnv();
  if (row.industries.length === 0) return null;
  const texts = row.industries.map((item) => industryText(item, industryNames));
  const separator = t('listSeparator');
  return (
    <span className="itable-text" title={texts.map((text) => plainText(text, readingMode, t)).join(separator)}>
      {texts.map((text, i) => (
        <Fragment key={text.zh}>
          {i > 0 && separator}
          <PlanTextSpans text={text} mode={readingMode} />
        </Fragment>
      ))}
    </span>
  );
}
