import type { Activity, Lap } from '../../../lib/model/activity';

let nextId = 1;

/** A realistic run: `km` kilometres at `pace` min/km, starting `day` days after 2024-03-01 07:00Z. */
export function makeRun(
  day: number,
  km: number,
  pace: number,
  extra: Partial<Activity> = {},
): Activity {
  const distance = km * 1000;
  const moving = Math.round(km * pace * 60);
  const start = new Date(Date.UTC(2024, 2, 1, 7) + day * 86_400_000)
    .toISOString()
    .replace('.000', '');
  return {
    id: nextId++,
    name: 'Morning Run',
    sport_type: 'Run',
    distance,
    moving_time: moving,
    elapsed_time: moving + 30,
    total_elevation_gain: 20,
    start_date: start,
    start_date_local: start,
    average_speed: distance / moving,
    ...extra,
  };
}

/** Six weeks of an ordinary runner's week: 8, 10, 8 km easy at 6:00/km and a 16 km Sunday run. */
export function sixWeeks(options: { tagLong?: boolean; hr?: boolean } = {}): Activity[] {
  const runs: Activity[] = [];
  for (let week = 0; week < 6; week++) {
    const d = week * 7;
    const hr = options.hr
      ? { average_heartrate: 140, max_heartrate: 160, has_heartrate: true }
      : {};
    runs.push(makeRun(d, 8, 6, hr));
    runs.push(makeRun(d + 2, 10, 6, hr));
    runs.push(makeRun(d + 4, 8, 6, hr));
    runs.push(makeRun(d + 6, 16, 6.2, { ...hr, workout_type: options.tagLong ? 2 : 0 }));
  }
  return runs;
}

/** Laps of a session: `reps` fast laps of `repM` metres at `fast` min/km with jogs between. */
export function intervalLaps(reps: number, repM: number, fast: number, jog: number): Lap[] {
  const lap = (distance: number, pace: number): Lap => {
    const t = Math.round((distance / 1000) * pace * 60);
    return { distance, moving_time: t, elapsed_time: t, average_speed: distance / t };
  };
  const laps = [lap(2000, jog)];
  for (let i = 0; i < reps; i++) {
    laps.push(lap(repM, fast));
    if (i < reps - 1) laps.push(lap(200, jog + 1));
  }
  laps.push(lap(1500, jog));
  return laps;
}

export function totals(laps: readonly Lap[]): { distance: number; moving_time: number } {
  return {
    distance: laps.reduce((s, l) => s + l.distance, 0),
    moving_time: laps.reduce((s, l) => s + l.moving_time, 0),
  };
}
