import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/classify/classify';
import type { Activity } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { intervalLaps, makeRun, sixWeeks, totals } from './make-run';

const profile = DEFAULT_PROFILE;
const DAY = 42; // the day after sixWeeks()

describe('classify: the runner’s own Strava tag wins', () => {
  it.each([
    { tag: 2, kind: 'long', race: false },
    { tag: 3, kind: 'workout', race: false },
    { tag: 1, kind: 'workout', race: true },
  ])('workout_type $tag → $kind (race $race), source strava-tag', ({ tag, kind, race }) => {
    // An ordinary easy-looking run: only the tag can make it long or a workout.
    const run = makeRun(DAY, 8, 6, { workout_type: tag });
    const c = classify(run, sixWeeks(), profile);
    expect(c).toMatchObject({ kind, race, source: 'strava-tag', confidence: 1 });
    expect(c.reasons[0]).toMatch(/tagged on Strava/);
  });

  it('a race tagged as a long run stays long but is marked a race', () => {
    const run = makeRun(DAY, 21.1, 5, { workout_type: 2, name: 'Berlin Half Marathon' });
    const c = classify(run, sixWeeks(), profile);
    expect(c).toMatchObject({ kind: 'long', race: true, source: 'strava-tag' });
  });

  it.each([0, null, undefined])('workout_type %s is no tag: the kind is inferred', (tag) => {
    const c = classify(makeRun(DAY, 8, 6, { workout_type: tag }), sixWeeks(), profile);
    expect(c.source).toBe('inferred');
  });
});

describe('classify: inferred from the run against the athlete’s history', () => {
  const laps = intervalLaps(6, 800, 4.3, 6.2);
  const rows: {
    rule: string;
    run: Activity;
    history?: Activity[];
    kind: string;
    reason: RegExp;
  }[] = [
    {
      rule: 'an ordinary run is easy',
      run: makeRun(DAY, 9, 6.05),
      kind: 'easy',
      reason: /typical run/,
    },
    {
      rule: 'much longer than the typical run is long',
      run: makeRun(DAY, 18, 6.2),
      kind: 'long',
      reason: /18\.0 km is 2\.0× your typical run of the last 4 weeks/,
    },
    {
      rule: 'repeated fast/slow laps are intervals',
      run: makeRun(DAY, 0, 6, { laps, ...totals(laps), average_speed: undefined }),
      kind: 'workout',
      reason: /laps alternate fast and slow \d+ times/,
    },
    {
      rule: 'a sustained fast block between easy running is a tempo',
      run: (() => {
        const tempo = [
          lapOf(2000, 6.2),
          lapOf(2000, 6.1),
          lapOf(1600, 4.9),
          lapOf(1600, 4.8),
          lapOf(1600, 4.9),
          lapOf(1500, 6.3),
        ];
        return makeRun(DAY, 0, 6, { laps: tempo, ...totals(tempo) });
      })(),
      kind: 'workout',
      reason: /sustained block of \d+ min was \d+ % faster/,
    },
    {
      rule: 'a clearly faster pace than usual is a workout',
      run: makeRun(DAY, 8, 5.2),
      kind: 'workout',
      reason: /pace \(hills counted\) was 1\d % faster than your usual/,
    },
    {
      rule: 'the name is one signal: "6 x 800m"',
      run: makeRun(DAY, 9, 5.9, { name: '6 x 800m' }),
      kind: 'workout',
      reason: /name mentions "6 x 8/,
    },
    {
      rule: 'a name with a race in it makes a race',
      run: makeRun(DAY, 10, 5.0, { name: 'Park 10k race' }),
      kind: 'workout',
      reason: /reads like a race/,
    },
    {
      rule: 'a high heart rate against the usual adds up with a faster pace',
      run: makeRun(DAY, 8, 5.6, { average_heartrate: 158, max_heartrate: 172 }),
      history: sixWeeks({ hr: true }),
      kind: 'workout',
      reason: /average heart rate was 13 % above your usual/,
    },
  ];
  it.each(rows)('$rule', ({ run, history, kind, reason }) => {
    const c = classify(run, history ?? sixWeeks(), profile);
    expect(c.kind).toBe(kind);
    expect(c.source).toBe('inferred');
    expect(c.reasons.join('; ')).toMatch(reason);
    expect(c.confidence).toBeGreaterThan(0.5);
  });
});

describe('classify: edge cases', () => {
  it('copes with no heart rate, no laps and history items without details', () => {
    const history = sixWeeks().map(({ laps: _l, splits_metric: _s, ...summary }) => summary);
    const c = classify(makeRun(DAY, 8, 6), history, profile);
    expect(c.kind).toBe('easy');
  });

  it('a manual entry is judged on distance only: typed-in pace makes no workout', () => {
    const fast = makeRun(DAY, 8, 5.0, { manual: true });
    expect(classify(fast, sixWeeks(), profile).kind).toBe('easy');
    const long = makeRun(DAY, 20, 6, { manual: true });
    expect(classify(long, sixWeeks(), profile).kind).toBe('long');
  });

  it('treadmill pace is not trusted, but a virtual run’s is', () => {
    const treadmill = makeRun(DAY, 8, 5.0, { trainer: true, total_elevation_gain: 0 });
    expect(classify(treadmill, sixWeeks(), profile).kind).toBe('easy');
    const virtual = makeRun(DAY, 8, 5.0, { sport_type: 'VirtualRun' });
    expect(classify(virtual, sixWeeks(), profile).kind).toBe('workout');
  });

  it('a trail run with a big climb is slow on the watch but not easy', () => {
    // 10 km at 7:00/km with 600 m of climbing: flat-equivalent much faster than 6:00/km.
    const trail = makeRun(DAY, 10, 7.0, { sport_type: 'TrailRun', total_elevation_gain: 600 });
    const c = classify(trail, sixWeeks(), profile);
    expect(c.kind).toBe('workout');
    // The same pace on the flat is an easy jog.
    expect(classify(makeRun(DAY, 10, 7.0), sixWeeks(), profile).kind).toBe('easy');
  });

  it.each([
    { km: 8, pace: 6, kind: 'easy' },
    { km: 21, pace: 6, kind: 'long' },
  ])('first run ever ($km km): absolute thresholds, lower confidence', ({ km, pace, kind }) => {
    const first = classify(makeRun(0, km, pace), [], profile);
    expect(first.kind).toBe(kind);
    const withHistory = classify(makeRun(DAY, km, pace), sixWeeks(), profile);
    expect(first.confidence).toBeLessThan(withHistory.confidence);
  });

  it('ignores later runs, the run itself and other sports in history', () => {
    const run = makeRun(DAY, 18, 6.2);
    const noise: Activity[] = [
      run,
      makeRun(DAY + 1, 40, 6), // later
      makeRun(DAY - 1, 60, 2, { sport_type: 'Ride' }),
    ];
    const clean = classify(run, sixWeeks(), profile);
    expect(classify(run, [...noise, ...sixWeeks()], profile)).toEqual(clean);
  });

  it('history order does not matter', () => {
    const run = makeRun(DAY, 15, 6);
    const h = sixWeeks();
    expect(classify(run, [...h].reverse(), profile)).toEqual(classify(run, h, profile));
  });

  it('learns the athlete’s long-run threshold from their own tags', () => {
    // This runner tags their 12 km Sunday runs long although the usual run is 9 km (1.33×,
    // below the default 1.5×).
    const history: Activity[] = [];
    for (let week = 0; week < 12; week++) {
      const d = week * 7;
      history.push(makeRun(d, 9, 6), makeRun(d + 2, 9, 6), makeRun(d + 4, 9, 6));
      history.push(makeRun(d + 6, 12, 6.1, { workout_type: 2 }));
    }
    history.push(makeRun(84, 9, 6), makeRun(86, 9, 6), makeRun(88, 9, 6));
    const run = makeRun(90, 12, 6.1);
    expect(classify(run, history, profile).kind).toBe('long');
    const untagged = history.map((r) => ({ ...r, workout_type: 0 }));
    expect(classify(run, untagged, profile).kind).toBe('easy');
  });

  it('heart rate against max counts only against the max the runner entered', () => {
    // 150 bpm is 7 % above this runner's usual 140, and 94 % of the 160 peak of six weeks.
    const run = makeRun(DAY, 8, 5.8, { average_heartrate: 150, max_heartrate: 160 });
    const history = sixWeeks({ hr: true });
    expect(classify(run, history, profile).kind).toBe('easy');
    const withMax = classify(run, history, { ...profile, maxHeartrate: 160 });
    expect(withMax.kind).toBe('workout');
    expect(withMax.reasons.join('; ')).toMatch(/94 % of your max/);
  });

  it('reports distances in miles for imperial runners', () => {
    const c = classify(makeRun(DAY, 18, 6.2), sixWeeks(), { ...profile, units: 'imperial' });
    expect(c.reasons.join(' ')).toMatch(/11\.2 mi is 2\.0× your typical run/);
  });
});

function lapOf(distance: number, pace: number) {
  const t = Math.round((distance / 1000) * pace * 60);
  return { distance, moving_time: t, elapsed_time: t, average_speed: distance / t };
}
