// Deadlines coming up, as a short timeline: overdue ones first and marked, then the next ones
// soonest first. Each entry opens its initiative; across plans, each names its plan.
import { useId } from 'react';
import { useTranslation } from '../../i18n/ui-text';
import type { UpcomingDeadline } from '../../../../shared/api/contract';
import { daysBetween } from './local-date';
import type { Formatters } from './format';
import { SwatchIcon } from './SwatchPatterns';

export interface DeadlineStatus {
  label: string;
  fill: string;
}

interface Props {
  today: string;
  upcoming: readonly UpcomingDeadline[];
  overdue: readonly UpcomingDeadline[];
  /** The headline(s) to show for an initiative, in the reading mode. */
  headlinesOf(deadline: UpcomingDeadline): string[];
  /** Name each entry's plan (the list covers several plans). */
  showPlan?: boolean;
  statusOf(status: string | null): DeadlineStatus;
  formatters: Formatters;
  onOpen(initiativeId: string): void;
}

export function DeadlineList({ today, upcoming, overdue, headlinesOf, showPlan = false, statusOf, formatters, onOpen }: Props) {
  const { t } = useTranslation('dashboard');
  const overdueTitleId = useId();
  const upcomingTitleId = useId();
  if (upcoming.length === 0 && overdue.length === 0) {
    return <p className="dashboard-empty">{t('deadlines.empty')}</p>;
  }
  const entry = (d: UpcomingDeadline, isOverdue: boolean) => (
    <DeadlineEntry
      key={d.initiativeId}
      deadline={d}
      isOverdue={isOverdue}
      days={daysBetween(today, d.deadline)}
      headlines={headlinesOf(d)}
      plan={showPlan ? d.planTitle : null}
      status={statusOf(d.status)}
      formatters={formatters}
      onOpen={onOpen}
    />
  );
  return (
    <div className="deadlines">
      {overdue.length > 0 ? (
        <section className="deadline-group deadline-group-overdue" aria-labelledby={overdueTitleId}>
          <h4 id={overdueTitleId} className="deadline-group-title">
            {t('deadlines.overdueTitle')}
            <span className="deadline-count">{formatters.number(overdue.length)}</span>
          </h4>
          <ol className="deadline-list">{overdue.map((d) => entry(d, true))}</ol>
        </section>
      ) : null}
      <section className="deadline-group" aria-labelledby={upcomingTitleId}>
        <h4 id={upcomingTitleId} className="deadline-group-title">
          {t('deadlines.upcomingTitle')}
          <span className="deadline-count">{formatters.number(upcoming.length)}</span>
        </h4>
        {upcoming.length > 0 ? (
          <ol className="deadline-list">{upcoming.map((d) => entry(d, false))}</ol>
        ) : (
          <p className="dashboard-empty">{t('deadlines.noUpcoming')}</p>
        )}
      </section>
    </div>
  );
}

interface EntryProps {
  deadline: UpcomingDeadline;
  isOverdue: boolean;
  days: number;
  headlines: string[];
  plan: string | null;
  status: DeadlineStatus;
  formatters: Formatters;
  onOpen(initiativeId: string): void;
}

function DeadlineEntry({ deadline, isOverdue, days, headlines, plan, status, formatters, onOpen }: EntryProps) {
  return (
    <li className={`deadline${isOverdue ? ' deadline-overdue' : ''}`}>
      <button type="button" className="deadline-button" onClick={() => onOpen(deadline.initiativeId)}>
        <span className="deadline-when">
          <time dateTime={deadline.deadline} className="deadline-date">
            {formatters.date(deadline.deadline)}
          </time>
          <span className="deadline-relative">{formatters.relativeDays(days)}</span>
        </span>
        <span className="deadline-what">
          <span className="deadline-id">{deadline.shortId}</span>
          {headlines.map((h, i) => (
            <span key={i} className={i === 0 ? 'deadline-headline' : 'deadline-headline deadline-headline-second'}>
              {h}
            </span>
          ))}
          {plan !== null ? (
            <span className="deadline-plan" title={plan}>
              {plan}
            </span>
          ) : null}
        </span>
        <span className="status-pill">
          <SwatchIcon fill={status.fill} />
          {status.label}
        </span>
      </button>
    </li>
  );
}
