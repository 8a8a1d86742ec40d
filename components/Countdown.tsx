import { formatRemaining } from '../lib/ui/format-remaining';

export interface CountdownProps {
  label: string;
  startsAt: number;
  endsAt: number;
  now: number;
}

/**
 * One live timer. The visible digits tick; screen readers get a polite summary only when the
 * minute changes (not every second).
 */
export function Countdown({ label, startsAt, endsAt, now }: CountdownProps) {
  const phase = now < startsAt ? 'upcoming' : now < endsAt ? 'running' : 'over';
  const text =
    phase === 'upcoming'
      ? `starts in ${formatRemaining(startsAt - now)}`
      : phase === 'running'
        ? `${formatRemaining(endsAt - now)} left`
        : 'done';
  const minutes = Math.ceil(Math.max(0, (phase === 'upcoming' ? startsAt : endsAt) - now) / 60_000);
  const spoken =
    phase === 'over'
      ? `${label}: over`
      : `${label}: ${minutes} minutes ${phase === 'upcoming' ? 'until it starts' : 'left'}`;
  const total = Math.max(1, endsAt - startsAt);
  const progress = phase === 'running' ? (now - startsAt) / total : phase === 'over' ? 1 : 0;
  return (
    <div class={`bb-countdown bb-${phase}`}>
      <span class="bb-countdown-label">{label}</span>
      <span class="bb-countdown-time" aria-hidden="true">
        {text}
      </span>
      <span class="bb-sr" aria-live="polite">
        {spoken}
      </span>
      <span class="bb-countdown-bar" aria-hidden="true">
        <span style={{ width: `${Math.round(progress * 100)}%` }} />
      </span>
    </div>
  );
}
