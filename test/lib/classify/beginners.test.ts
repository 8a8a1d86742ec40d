import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/classify/classify';
import type { Activity } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { intervalLaps, makeRun, sixWeeks, totals } from './make-run';

const profile = DEFAULT_PROFILE;

/** `weeks` of run/walk: three 4 km sessions a week at 8:30 /km on average, walking included. */
function runWalk(weeks: number): Activity[] {
  const runs: Activity[] = [];
  for (let week = 0; week < weeks; week++) {
    for (const d of [0, 2, 4]) runs.push(makeRun(week * 7 + d, 4, 8.5));
  }
  return runs;
}

describe('beginners and returners: pace alone makes no workout', () => {
  it('a beginner’s first continuous 5 km after three weeks of run/walk is not a workout', () => {
    const first = makeRun(21, 5, 7);
    const c = classify(first, runWalk(3), profile);
    expect(c.kind).toBe('easy');
    expect(c.reasons.join('; ')).toMatch(/progress before it is a workout/);
  });

  it('after six weeks of run/walk, a distance record at a faster pace is still not a workout', () => {
    const record = makeRun(42, 5, 7);
    const c = classify(record, runWalk(6), profile);
    expect(c.kind).toBe('easy');
    expect(c.reasons.join('; ')).toMatch(/5\.0 km is your longest run in 6 weeks/);
  });

  it('a returner two weeks back after a break: the faster run is not a workout', () => {
    // Months of running, a break of two months, then two weeks of 5 km runs at 6:30 /km.
    const before = sixWeeks();
    const back: Activity[] = [];
    for (const d of [100, 102, 104, 107, 109, 111]) back.push(makeRun(d, 5, 6.5));
    expect(classify(makeRun(113, 6, 5.6), [...before, ...back], profile).kind).toBe('easy');
  });

  it('with little history, a real workout still counts: its laps say so', () => {
    const laps = intervalLaps(6, 400, 5.5, 8.5);
    const reps = makeRun(21, 0, 7, { laps, ...totals(laps) });
    expect(classify(reps, runWalk(3), profile).kind).toBe('workout');
  });

  it('an established runner’s faster run is still a workout by pace', () => {
    expect(classify(makeRun(42, 8, 5.2), sixWeeks(), profile).kind).toBe('workout');
  });
});
