import { describe, expect, it } from 'vitest';
import { timerState } from '../../lib/recovery/timer-state';

describe('timerState', () => {
  const timer = { startsAt: 1000, endsAt: 3000 };
  it.each([
    [0, { phase: 'upcoming', startsInMs: 1000, remainingMs: 3000, progress: 0 }],
    [1000, { phase: 'running', startsInMs: 0, remainingMs: 2000, progress: 0 }],
    [2500, { phase: 'running', startsInMs: 0, remainingMs: 500, progress: 0.75 }],
    [3000, { phase: 'over', startsInMs: 0, remainingMs: 0, progress: 1 }],
    [9000, { phase: 'over', startsInMs: 0, remainingMs: 0, progress: 1 }],
  ])('at %s', (now, state) => {
    expect(timerState(timer, now)).toEqual(state);
  });

  it('a zero-length timer is over at its instant', () => {
    expect(timerState({ startsAt: 5, endsAt: 5 }, 5).phase).toBe('over');
  });
});
