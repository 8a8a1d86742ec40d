import type { Timer } from './plan-types';

export type TimerPhase = 'upcoming' | 'running' | 'over';

export interface TimerState {
  phase: TimerPhase;
  /** Until it starts (upcoming), else 0. */
  startsInMs: number;
  /** Until it ends (upcoming or running), else 0. */
  remainingMs: number;
  /** 0 before the start, 1 at or after the end. */
  progress: number;
}

/** Where a timer stands at `now`; the badge and popup render from this. */
export function timerState(timer: Pick<Timer, 'startsAt' | 'endsAt'>, now: number): TimerState {
  const { startsAt, endsAt } = timer;
  if (now >= endsAt) return { phase: 'over', startsInMs: 0, remainingMs: 0, progress: 1 };
  if (now < startsAt) {
    return {
      phase: 'upcoming',
      startsInMs: startsAt - now,
      remainingMs: endsAt - now,
      progress: 0,
    };
  }
  return {
    phase: 'running',
    startsInMs: 0,
    remainingMs: endsAt - now,
    progress: (now - startsAt) / (endsAt - startsAt),
  };
}
