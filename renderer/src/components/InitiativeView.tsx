// One initiative: its theme as context, numeral and headline as title, the full text, the
// lists it states, and the way to the previous and next initiative in reading order.
import type { InitiativeDetail, PlanOutline } from '../../../shared/api/contract';
import { useStrings } from '../i18n/use-strings';
import { routeHref } from '../routing/hash-route';
import { IndustryLists } from './IndustryLists';
import { paragraphs } from './format';

export function InitiativeView({ detail, outline }: { detail: InitiativeDetail; outline: PlanOutline }) {
  const s = useStrings();
  const { initiative, theme } = detail;
  return (
    <article className="initiative" aria-labelledby="view-title">
      <p className="initiative-context">
        <span className="initiative-context-label">{s.themeLabel(theme.ordinal)}</span>
        <span className="initiative-context-headline">{theme.headline}</span>
      </p>
      <h2 id="view-title" className="view-title initiative-title">
        <span className="numeral">{initiative.numeral}</span> <span>{initiative.headline}</span>
      </h2>
      <div className="reading">
        {paragraphs(initiative.body).map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
      {detail.lists.length > 0 && (
        <section className="initiative-lists" aria-label={s.listsInInitiative}>
          <IndustryLists lists={detail.lists} headingLevel="h3" />
        </section>
      )}
      <nav className="pager" aria-label={`${s.previous} / ${s.next}`}>
        <PagerLink direction="previous" id={detail.previousId} outline={outline} />
        <PagerLink direction="next" id={detail.nextId} outline={outline} />
      </nav>
    </article>
  );
}

function PagerLink({ direction, id, outline }: { direction: 'previous' | 'next'; id: string | null; outline: PlanOutline }) {
  const s = useStrings();
  const heading = id ? outline.themes.flatMap((t) => t.initiatives).find((i) => i.id === id) : undefined;
  const label = direction === 'previous' ? s.previous : s.next;
  if (!id) return <span className={`pager-link pager-${direction} pager-empty`} aria-hidden="true" />;
  return (
    <a className={`pager-link pager-${direction}`} href={routeHref({ kind: 'initiative', id })} rel={direction === 'previous' ? 'prev' : 'next'}>
      <span className="pager-direction">
        {direction === 'previous' ? '← ' : ''}
        {label}
        {direction === 'next' ? ' →' : ''}
      </span>
      {heading && <span className="pager-headline">{s.initiativeTitle(heading.numeral, heading.headline)}</span>}
    </a>
  );
}
