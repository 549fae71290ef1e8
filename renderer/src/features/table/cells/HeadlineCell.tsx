// The initiative's headline (plan text, never editable): a button that opens it in the reading view.
import type { InitiativeRow } from '../../../../../shared/domain/table';
import { headlineText, plainText } from '../plan-text';
import { useTableEnv } from '../table-env';
import { PlanTextSpans } from './PlanTextCell';

export function HeadlineCell({ row }: { row: InitiativeRow }) {
  const { t } = useTableEnv();
  const { readingMode, translation, openInitiative } = useTableEnv();
  const text = headlineText(row, translation);
  const full = plainText(text, readingMode, t);
  return (
    <button
      type="button"
      className="itable-link"
      title={`${full}\n${t('edit.open', { id: row.shortId })}`}
      onClick={() => openInitiative(row.id)}
    >
      <PlanTextSpans text={text} mode={readingMode} />
    </button>
  );
}
