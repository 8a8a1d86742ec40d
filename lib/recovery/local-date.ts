// Local dates and clock times through Intl only: no local-time arithmetic, so DST changes
// cannot shift anything. Plans keep UTC epoch ms; these helpers are for keys and display.
import { isTimeZone } from '../model/fields';
import { DAY_MS } from '../time';

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per locale and options: building one costs ~60× a format() call, and
 * the panel and popup format clock times on every tick.
 */
export function dateTimeFormat(
  locale: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch (error) {
      // A zone this runtime does not know (a hostile import, corrupt storage): show the time in
      // the browser's zone rather than break the view.
      if (!(error instanceof RangeError) || options.timeZone === undefined) throw error;
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateFormatter(timeZone: string): Intl.DateTimeFormat {
  // en-CA writes dates as YYYY-MM-DD; formatToParts keeps us independent of that anyway.
  return dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`: how check-ins are keyed. */
export function localDateKey(epochMs: number, timeZone: string): string {
  const parts = dateFormatter(timeZone).formatToParts(epochMs);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Whole calendar days from one YYYY-MM-DD to another (b − a); dates, not instants. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

export function isDateKey(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

/** Clock time of an instant in a zone, e.g. "14:05" (24 h) or "2:05 PM" depending on locale. */
export function formatClock(epochMs: number, timeZone: string, locale?: string): string {
  return dateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).format(epochMs);
}

/** The zone in Strava's `timezone` field, "(GMT+00:00) Europe/London" → "Europe/London". */
export function zoneFromStrava(timezone: string | undefined): string | undefined {
  const zone = timezone?.split(' ').pop();
  return zone && isTimeZone(zone) ? zone : undefined;
}

/** The date `days` calendar days after a YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The zone's offset from UTC at an instant, ms (local wall clock − UTC). */
function offsetAt(epochMs: number, timeZone: string): number {
  const parts = dateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(epochMs);
  const n = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a local wall-clock time on a date happens in `timeZone` (the later one when a DST
 * change repeats it, the first valid one when it skips it).
 */
export function localInstant(date: string, minutesIntoDay: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutesIntoDay * 60_000;
  let guess = wall - offsetAt(wall, timeZone);
  guess = wall - offsetAt(guess, timeZone);
  return guess;
}
