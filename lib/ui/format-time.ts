// Clock and day texts for the panel, in the zone the view is given (the browser's, passed in so
// tests are deterministic). Intl only: no local-time arithmetic.
import { dateTimeFormat, formatClock, localDateKey } from '../recovery/local-date';
import { MINUTE_MS } from '../time';

/** The browser's IANA zone, for display. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "14:05–14:35", or "14:35–13:05 next day" when the window ends on a later local date. */
export function formatWindow(
  startsAt: number,
  endsAt: number,
  timeZone: string,
  locale?: string,
): string {
  const from = formatClock(startsAt, timeZone, locale);
  const to = formatClock(endsAt, timeZone, locale);
  const days = localDateKey(endsAt, timeZone) !== localDateKey(startsAt, timeZone);
  return `${from}–${to}${days ? ' next day' : ''}`;
}

/** "Tue 09:30": a weekday and clock time in `timeZone`. */
export function formatDayClock(epochMs: number, timeZone: string, locale?: string): string {
  return dateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(epochMs);
}

/** "3 h", "30 min", "0": a tick label for time since the run ended. */
export function formatOffset(ms: number): string {
  if (ms <= 0) return '0';
  const minutes = Math.round(ms / MINUTE_MS);
  return minutes < 60 ? `${minutes} min` : `${Math.round((minutes / 60) * 10) / 10} h`;
}
