import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/classify/classify';
import type { Activity } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { makeRun } from './make-run';

const profile = DEFAULT_PROFILE;
const EASY_PACE = 6; // min/km
const FASTER = 1.04; // this runner's workouts are 4 % faster than their usual

/**
 * Seven weeks of 8 km runs at 6:00/km, with `workouts` of them (one a week from the second week,
 * once the usual pace is known) run 4 % faster; `tagged` of those are tagged on Strava as
 * workouts (workout_type 3).
 */
function history(workouts: number, tagged: number): Activity[] {
  const runs: Activity[] = [];
  for (let week = 0; week < 7; week++) {
    const d = week * 7;
    runs.push(makeRun(d, 8, EASY_PACE), makeRun(d + 2, 8, EASY_PACE), makeRun(d + 5, 8, EASY_PACE));
    if (week >= 1 && week <= workouts) {
      runs.push(makeRun(d + 3, 8, EASY_PACE / FASTER, { workout_type: week <= tagged ? 3 : 0 }));
    }
  }
  return runs;
}

const fastRun = () => makeRun(50, 8, EASY_PACE / FASTER);

describe('learning from the runner’s own tags', () => {
  it('a runner whose workouts are 4 % faster than usual is learned after three tags', () => {
    const c = classify(fastRun(), history(3, 3), profile);
    expect(c.kind).toBe('workout');
    expect(c.source).toBe('inferred');
    expect(c.reasons.join('; ')).toMatch(
      /runs you called workouts were usually 4 % faster than your usual \(3 tags\)/,
    );
  });

  it('two tags are not enough, and 4 % faster alone is no workout by default', () => {
    expect(classify(fastRun(), history(2, 2), profile).kind).toBe('easy');
    expect(classify(fastRun(), history(3, 0), profile).kind).toBe('easy');
  });

  it('keeps learning as tags come in, and an easy-paced run stays easy', () => {
    expect(classify(fastRun(), history(6, 6), profile).reasons.join(' ')).toMatch(/\(6 tags\)/);
    expect(classify(makeRun(50, 8, EASY_PACE), history(6, 6), profile).kind).toBe('easy');
  });

  it('learns nothing when the tagged workouts are no different from the other runs', () => {
    // Three tags on ordinary runs: the tags say nothing about pace, so 4 % faster is not enough.
    const runs = history(0, 0);
    for (const k of [4, 10, 16]) runs[k] = { ...runs[k]!, workout_type: 3 };
    expect(classify(fastRun(), runs, profile).kind).toBe('easy');
  });
});
