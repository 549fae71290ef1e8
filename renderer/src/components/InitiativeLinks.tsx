// A theme's initiatives as a numbered list of links, each its numeral and headline in the
// reading language(s). The outline and the overview both list them; only the outline marks the
// open one and keeps a single Tab stop (its arrow keys move between the links).
import type { PlanOutline } from '../../../shared/api/contract';
import { useTranslation } from '../i18n/ui-text';
import { useReading } from '../reading/reading-context';
import { routeHref } from '../routing/hash-route';
import { numeralOf, planText } from './PlanText';

type OutlineInitiative = PlanOutline['themes'][number]['initiatives'][number];

export interface InitiativeLinksProps {
  initiatives: readonly OutlineInitiative[];
  className: string;
  headlineClassName: string;
  /** The outline's open initiative: marked aria-current and made the one Tab stop. Leave it
   *  out where the links are ordinary links (the overview). */
  current?: { openId: string | null };
}

export function InitiativeLinks({ initiatives, className, headlineClassName, current }: InitiativeLinksProps) {
  const reading = useReading();
  const { t } = useTranslation();
  const { translation } = reading;
  // Each link's numeral and headline are drawn by function, not as components: the first
  // screen lists every initiative twice (the outline and the cards), and two components a link
  // were about a fifth of its fibers.
  return (
    <ol className={className}>
      {initiatives.map((item) => {
        const open = current !== undefined && item.id === current.openId;
        return (
          <li key={item.id}>
            <a
              href={routeHref({ kind: 'initiative', id: item.id })}
              aria-current={open ? 'page' : undefined}
              tabIndex={current === undefined ? undefined : open ? 0 : -1}
            >
              {numeralOf(reading, t, item.numeral, item.ordinal)}{' '}
              <span className={headlineClassName}>{planText(reading, item.headline, translation?.initiatives[item.id]?.headline)}</span>
            </a>
          </li>
        );
      })}
    </ol>
  );
}
