// Steps at hours a runner can keep, from their time zone: no nap or after-nap walk before 09:00 or
// from 19:00 local (an evening run goes meal, wind down, sleep), no walk or mobility from 22:00.
// Pure; wall-clock hours come from Intl, so DST and zone changes keep them right.
import type { Step, Timer } from '../model/plan';
import { MINUTE_MS } from '../time';
import { addDays, dateTimeFormat, localDateKey, localInstant } from './local-date';

const NAPS = new Set(['nap', 'power-nap']);
const AFTER_NAP = 'after-nap-walk';
/** Moving about late keeps a runner up. */
const LATE_MOVES = new Set(['mobility', 'legs-up', 'foam-roll', 'stretch']);
const NAP_FROM = 9 * 60;
const NAP_UNTIL = 19 * 60;
const MOVES_UNTIL = 22 * 60;
/** "Sleep tonight" opens in the evening: a morning run's plan does not ask for bed at noon. */
const SLEEP_FROM = 21 * 60;
const DAY_FROM = 5 * 60;

/** Minutes past local midnight of an instant in `zone`. */
function localMinutes(ms: number, zone: string): number {
  const parts = dateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return n('hour') * 60 + n('minute');
}

/** Where a nap may start instead of `start`: later the same morning, or nowhere. */
function napStart(start: number, zone: string): number | null {
  const m = localMinutes(start, zone);
  if (m >= NAP_UNTIL) return null;
  if (m >= NAP_FROM) return start;
  // Before 09:00 (an early run, or one that ended after midnight): 09:00 that day.
  const at = localInstant(localDateKey(start, zone), NAP_FROM, zone);
  return at > start ? at : localInstant(addDays(localDateKey(start, zone), 1), NAP_FROM, zone);
}

export function atSensibleHours(
  steps: readonly Step[],
  timers: readonly Timer[],
  zone: string,
): { steps: Step[]; timers: Timer[] } {
  let shift: number | null = 0;
  const out: Step[] = [];
  for (const s of steps) {
    if (NAPS.has(s.id)) {
      const at = napStart(s.startsAt, zone);
      shift = at === null ? null : at - s.startsAt;
    }
  }
  for (const s of steps) {
    if (NAPS.has(s.id) || s.id === AFTER_NAP) {
      if (shift === null) continue;
      const moved = { ...s, startsAt: s.startsAt + shift, endsAt: s.endsAt + shift };
      if (s.id === AFTER_NAP && localMinutes(moved.startsAt, zone) >= NAP_UNTIL) continue;
      out.push(moved);
      continue;
    }
    if (s.id === 'sleep') {
      const m = localMinutes(s.startsAt, zone);
      const at =
        m >= DAY_FROM && m < SLEEP_FROM
          ? localInstant(localDateKey(s.startsAt, zone), SLEEP_FROM, zone)
          : s.startsAt;
      out.push(at < s.endsAt ? { ...s, startsAt: at } : s);
      continue;
    }
    if (LATE_MOVES.has(s.id) && s.endsAt - s.startsAt < 12 * 60 * MINUTE_MS) {
      const m = localMinutes(s.startsAt, zone);
      if (m >= MOVES_UNTIL || m < 5 * 60) continue;
    }
    out.push(s);
  }
  const moved = timers.flatMap((t) => {
    if (t.id !== 'nap') return [t];
    return shift === null ? [] : [{ ...t, startsAt: t.startsAt + shift, endsAt: t.endsAt + shift }];
  });
  return { steps: out, timers: moved };
}
