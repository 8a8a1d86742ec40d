import type { RunSummary } from '../model/activity';
import { localDateKey } from '../recovery/local-date';

/**
 * The calendar date a run happened on, where it happened: Strava's start_date_local is the
 * wall-clock time written with a "Z", so its date part is the run's own local date. Without it,
 * the date in the runner's zone.
 */
export function runDateKey(activity: RunSummary, timeZone: string): string {
  const local = activity.start_date_local?.slice(0, 10);
  if (local && /^\d{4}-\d{2}-\d{2}$/.test(local)) return local;
  const start = Date.parse(activity.start_date);
  return Number.isFinite(start) ? localDateKey(start, timeZone) : '';
}

const dayFormatter = new Intl.DateTimeFormat(undefined, {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});

/** "Tue, 10 Jun" for a YYYY-MM-DD key (formatted at UTC midnight, so no zone can shift it). */
export function formatDateKey(key: string): string {
  const ms = Date.parse(`${key}T00:00:00Z`);
  return Number.isFinite(ms) ? dayFormatter.format(ms) : key;
}
