import type { Plan } from '../../lib/model/plan';
import { formatDayClock } from '../../lib/ui/format-time';
import { Countdown } from '../shared/Countdown';

export interface ReadyCountdownsProps {
  plan: Plan;
  now: number;
  /** IANA zone for the ready-at time (the browser's). */
  timeZone: string;
  locale?: string;
}

/** The eating window while it is still to come or open, and the countdown to being ready again. */
export function ReadyCountdowns({ plan, now, timeZone, locale }: ReadyCountdownsProps) {
  const refuel = plan.timers.find((timer) => timer.id === 'refuel');
  const { readiness } = plan;
  return (
    <div class="bb-countdowns">
      {refuel && now < refuel.endsAt ? (
        <Countdown
          label={refuel.label}
          startsAt={refuel.startsAt}
          endsAt={refuel.endsAt}
          now={now}
        />
      ) : null}
      <Countdown label="Ready again" startsAt={plan.runEndedAt} endsAt={plan.readyAt} now={now} />
      <p class="bb-ready-at">
        {now >= plan.readyAt ? 'Ready for a hard session since' : 'Ready for the next hard session'}{' '}
        <time>{formatDayClock(plan.readyAt, timeZone, locale)}</time>{' '}
        <span class="bb-muted-inline">
          ({readiness.hours} h after the run
          {readiness.hours !== readiness.baseHours ? `, base ${readiness.baseHours} h` : ''})
        </span>
      </p>
    </div>
  );
}
