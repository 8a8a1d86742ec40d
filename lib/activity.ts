// The shape of one Strava activity as the pure core (classify, recovery) sees it: Strava's
// SummaryActivity/DetailedActivity fields, snake_case as Strava sends them, plus the undocumented
// heart-rate and suffer_score fields. lib/strava's zod schemas produce values of this type.

export interface Lap {
  lap_index?: number;
  split?: number;
  name?: string;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  average_speed: number;
  max_speed?: number;
  average_heartrate?: number;
  max_heartrate?: number;
  total_elevation_gain?: number;
  pace_zone?: number;
}

export interface Split {
  split: number;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  average_speed: number;
  elevation_difference?: number;
  average_heartrate?: number;
  pace_zone?: number;
}

/** Streams keyed by type (`key_by_type=true`), each reduced to its data array. */
export interface Streams {
  time?: number[];
  distance?: number[];
  velocity_smooth?: number[];
  heartrate?: number[];
  altitude?: number[];
  grade_smooth?: number[];
  cadence?: number[];
  moving?: boolean[];
}

export const RUN_SPORT_TYPES = ['Run', 'TrailRun', 'VirtualRun'] as const;

export interface Activity {
  id: number;
  name: string;
  /** Run, TrailRun, VirtualRun, Ride, … (`type` is deprecated and calls trail runs "Run"). */
  sport_type: string;
  type?: string;
  /** Runs: 0 or null default, 1 race, 2 long run, 3 workout. */
  workout_type?: number | null;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  total_elevation_gain?: number;
  /** UTC, ISO 8601 with Z. */
  start_date: string;
  /** The athlete's local wall-clock time, written with Z as Strava does. */
  start_date_local?: string;
  timezone?: string;
  utc_offset?: number;
  average_speed?: number;
  max_speed?: number;
  has_heartrate?: boolean;
  average_heartrate?: number | null;
  max_heartrate?: number | null;
  suffer_score?: number | null;
  average_cadence?: number;
  trainer?: boolean;
  manual?: boolean;
  description?: string | null;
  /** Detail only (GET /activities/{id}). */
  laps?: Lap[];
  splits_metric?: Split[];
  /** Present only when fetched separately. */
  streams?: Streams;
}

export function isRun(activity: Pick<Activity, 'sport_type'>): boolean {
  return (RUN_SPORT_TYPES as readonly string[]).includes(activity.sport_type);
}

/** End of the activity (start + elapsed time), UTC epoch ms: the clock every plan runs from. */
export function endOf(activity: Pick<Activity, 'start_date' | 'elapsed_time'>): number {
  return Date.parse(activity.start_date) + activity.elapsed_time * 1000;
}
