// Without zod, for the views' live countdowns.
/** Where a time window (a step, a timer) stands at `now`: not open yet, open, or over. */
export type WindowPhase = 'before' | 'open' | 'over';

export function windowPhase(w: { startsAt: number; endsAt: number }, now: number): WindowPhase {
  return now >= w.endsAt ? 'over' : now >= w.startsAt ? 'open' : 'before';
}
