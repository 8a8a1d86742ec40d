import type { CheckIn } from '../../lib/model/check-in';
import type { Readiness } from '../../lib/model/plan';
import { dateTimeFormat } from '../../lib/recovery/local-date';
import { formatNumber } from '../../lib/recovery/units';

export interface CheckInSummaryProps {
  /** Check-ins dated after the run (RunView.checkIns). */
  checkIns: readonly CheckIn[];
  readiness: Readiness;
  openCheckIn(): void;
  locale?: string;
  /** How many of the latest check-ins to show. */
  limit?: number;
}

/** "Wed 11 Jun" for a YYYY-MM-DD local date (a date, not an instant: formatted at noon UTC). */
function formatDateKey(date: string, locale?: string): string {
  const ms = Date.parse(`${date}T12:00:00Z`);
  if (Number.isNaN(ms)) return date;
  return dateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(ms);
}

/** What the runner reported, in one line: "slept 6.5 h (3/5) · soreness 4/10 · energy 3/5". */
function checkInFacts(checkIn: CheckIn): string {
  const facts: string[] = [];
  if (checkIn.sleepHours !== undefined) {
    facts.push(
      `slept ${formatNumber(checkIn.sleepHours, 1)} h${checkIn.sleepQuality !== undefined ? ` (${checkIn.sleepQuality}/5)` : ''}`,
    );
  }
  if (checkIn.soreness !== undefined) {
    const areas = checkIn.sorenessAreas?.length ? ` (${checkIn.sorenessAreas.join(', ')})` : '';
    facts.push(`soreness ${formatNumber(checkIn.soreness, 1)}/10${areas}`);
  }
  if (checkIn.energy !== undefined) facts.push(`energy ${checkIn.energy}/5`);
  if (checkIn.restingHr !== undefined) facts.push(`resting HR ${checkIn.restingHr} bpm`);
  return facts.length ? facts.join(' · ') : 'nothing reported';
}

/** The latest check-ins, what each did to readiness, and the way to add one. */
export function CheckInSummary({
  checkIns,
  readiness,
  openCheckIn,
  locale,
  limit = 3,
}: CheckInSummaryProps) {
  const latest = [...checkIns].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, limit);
  return (
    <section class="bb-checkins" aria-label="Check-ins">
      <h3>Check-ins</h3>
      {latest.length === 0 ? (
        <p class="bb-muted">
          No check-ins since this run. A morning check-in (sleep, soreness) adjusts when you are
          ready.
        </p>
      ) : (
        <ul class="bb-checkin-list">
          {latest.map((checkIn) => {
            const effects = readiness.reasons.filter((r) => r.includes(checkIn.date));
            return (
              <li key={checkIn.date}>
                <strong>{formatDateKey(checkIn.date, locale)}</strong>: {checkInFacts(checkIn)}
                <span class="bb-effect">
                  {effects.length ? effects.join(' ') : 'No change to readiness.'}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <details class="bb-readiness-why">
        <summary>How readiness was worked out</summary>
        <ul>
          {readiness.reasons.map((reason, i) => (
            <li key={i}>{reason}</li>
          ))}
        </ul>
      </details>
      <button type="button" class="bb-button" onClick={openCheckIn}>
        Check in
      </button>
    </section>
  );
}
