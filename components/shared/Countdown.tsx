import { windowPhase } from '../../lib/model/window-phase';
import { formatRemaining, spokenRemaining } from '../../lib/ui/format-remaining';

export interface CountdownProps {
  label: string;
  startsAt: number;
  endsAt: number;
  now: number;
  /** A short form for the collapsed header: no progress bar. */
  compact?: boolean;
}

/**
 * One live timer. The visible digits tick; screen readers get a polite summary that changes at
 * most once a minute (once an hour for long countdowns), never every second.
 */
export function Countdown({ label, startsAt, endsAt, now, compact }: CountdownProps) {
  const phase = windowPhase({ startsAt, endsAt }, now);
  // The stylesheets' names for the three phases.
  const cls = { before: 'upcoming', open: 'running', over: 'over' }[phase];
  const text =
    phase === 'before'
      ? `starts in ${formatRemaining(startsAt - now)}`
      : phase === 'open'
        ? `${formatRemaining(endsAt - now)} left`
        : 'done';
  const left = spokenRemaining((phase === 'before' ? startsAt : endsAt) - now);
  const spoken =
    phase === 'over'
      ? `${label}: over`
      : `${label}: ${left} ${phase === 'before' ? 'until it starts' : 'left'}`;
  const total = Math.max(1, endsAt - startsAt);
  const progress = phase === 'open' ? (now - startsAt) / total : phase === 'over' ? 1 : 0;
  return (
    <div class={`bb-countdown bb-${cls}${compact ? ' bb-compact' : ''}`}>
      <span class="bb-countdown-label">{label}</span>
      <span class="bb-countdown-time" aria-hidden="true">
        {text}
      </span>
      <span class="bb-sr" aria-live="polite">
        {spoken}
      </span>
      {compact ? null : (
        <span class="bb-countdown-bar" aria-hidden="true">
          <span style={{ width: `${Math.round(progress * 100)}%` }} />
        </span>
      )}
    </div>
  );
}
