import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/classify/classify';
import type { Activity } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { makeRun, sixWeeks } from './make-run';

const profile = DEFAULT_PROFILE;
const DAY = 42;

/** A run of the day after sixWeeks(), starting `minutes` after 07:00Z. */
function at(minutes: number, km: number, pace: number, extra: Partial<Activity> = {}): Activity {
  const run = makeRun(DAY, km, pace, extra);
  const start = new Date(Date.parse(run.start_date) + minutes * 60_000)
    .toISOString()
    .replace('.000', '');
  return { ...run, start_date: start, start_date_local: start };
}

describe('a session recorded in parts (warm-up, reps, cool-down as separate activities)', () => {
  // 3 km warm-up from 07:00 (19.5 min at 6:30/km), then the reps as their own activities.
  const warmup = at(0, 3, 6.5);

  it('a short fast part shortly after another run is the workout itself', () => {
    const rep = at(24, 1.2, 4.6);
    const c = classify(rep, [...sixWeeks(), warmup], profile);
    expect(c.kind).toBe('workout');
    expect(c.reasons.join('; ')).toMatch(/1\.2 km part \d+ % faster than your usual, 4 min after/);
  });

  it('the slow parts around it stay easy', () => {
    const rep = at(24, 1.2, 4.6);
    const cooldown = at(31, 1.2, 6.8);
    expect(classify(cooldown, [...sixWeeks(), warmup, rep], profile).kind).toBe('easy');
  });

  it('alone, or at the usual pace, a short run is no workout', () => {
    expect(classify(at(24, 1.2, 4.6), sixWeeks(), profile).kind).toBe('easy');
    expect(classify(at(24, 1.2, 6), [...sixWeeks(), warmup], profile).kind).toBe('easy');
  });

  it('a few hundred metres or a broken recording does not count', () => {
    expect(classify(at(24, 0.3, 4.6), [...sixWeeks(), warmup], profile).kind).toBe('easy');
    const paused = at(24, 1.2, 4.6);
    const broken = { ...paused, elapsed_time: 3 * paused.moving_time };
    expect(classify(broken, [...sixWeeks(), warmup], profile).kind).toBe('easy');
  });
});
