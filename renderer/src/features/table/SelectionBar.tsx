// How many rows are selected, with "select all N matching", "add to packet…" and "clear selection".
import { useTranslation } from '../../i18n/ui-text';
import { routeHref } from '../../routing/hash-route';
import { addItemsToDraft } from '../packets/draft';
import type { RowSelection } from './use-row-selection';

/** `totalExact` false: `total` is the core's estimate (a common term's search), said "about N"
 *  as the footer says it; the rows selected are then every matching one (fetchMatchingIds),
 *  counted as they come. */
export function SelectionBar({ selection, total, totalExact }: { selection: RowSelection; total: number; totalExact: boolean }) {
  const { t, i18n } = useTranslation('table');
  const grouped = (n: number) => n.toLocaleString(i18n.language);
  const { t: tPackets } = useTranslation('packets');
  if (selection.count === 0 && !selection.busy) return null;
  return (
    <div className="itable-selection" aria-busy={selection.busy || undefined}>
      <span className="itable-selection-count">{t('selection.count', { count: selection.count, n: grouped(selection.count) })}</span>
      {selection.selectAllState !== 'all' && total > selection.count && (
        <button type="button" className="itable-link-button" disabled={selection.busy} onClick={() => void selection.selectAllMatching()}>
          {t(totalExact ? 'selection.selectAll' : 'selection.selectAllAbout', { count: total, n: grouped(total) })}
        </button>
      )}
      {selection.count > 0 && (
        <button
          type="button"
          className="itable-link-button"
          disabled={selection.busy}
          onClick={() => {
            // The packet being built (or a new one) gets the rows as hand-picked items.
            addItemsToDraft(selection.ids, tPackets('untitled'));
            window.location.hash = routeHref({ kind: 'packets' });
          }}
        >
          {tPackets('addFromTable')}
        </button>
      )}
      {selection.count > 0 && (
        <button type="button" className="itable-link-button" onClick={selection.clear}>
          {t('selection.clear')}
        </button>
      )}
    </div>
  );
}
