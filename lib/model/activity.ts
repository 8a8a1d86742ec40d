// One Strava activity as the product keeps it and the pure core (classify, recovery) reads it:
// Strava's SummaryActivity/DetailedActivity fields, snake_case as Strava sends them, plus the
// undocumented heart-rate and suffer_score fields. lib/strava's response schemas produce it; the
// store keeps it; exports and views carry its summary.
import { z } from 'zod/mini';
import { finite, id } from './fields';

const num = z.number();
const opt = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);
const optNullable = () => z.optional(z.nullable(num));

export const LapSchema = z.looseObject({
  lap_index: opt(num),
  split: opt(num),
  name: opt(z.string()),
  distance: num,
  moving_time: num,
  elapsed_time: num,
  average_speed: num,
  max_speed: opt(num),
  average_heartrate: opt(num),
  max_heartrate: opt(num),
  total_elevation_gain: opt(num),
  pace_zone: opt(num),
});
export type Lap = z.output<typeof LapSchema>;

export const SplitSchema = z.looseObject({
  split: num,
  distance: num,
  moving_time: num,
  elapsed_time: num,
  average_speed: num,
  elevation_difference: opt(num),
  average_heartrate: opt(num),
  pace_zone: opt(num),
});
export type Split = z.output<typeof SplitSchema>;

/** Streams keyed by type (`key_by_type=true`), each reduced to its data array. */
export const StreamsSchema = z.object({
  time: opt(z.array(num)),
  distance: opt(z.array(num)),
  velocity_smooth: opt(z.array(num)),
  heartrate: opt(z.array(num)),
  altitude: opt(z.array(num)),
  grade_smooth: opt(z.array(num)),
  cadence: opt(z.array(num)),
  moving: opt(z.array(z.boolean())),
});
export type Streams = z.output<typeof StreamsSchema>;

/** What every view and export of a run carries: enough to show it again, nothing private. */
const summaryShape = {
  id: id(),
  name: z.string().check(z.maxLength(1000)),
  /** Run, TrailRun, VirtualRun, Ride, … (`type` is deprecated and calls trail runs "Run"). */
  sport_type: z.string().check(z.maxLength(100)),
  /** UTC, ISO 8601 with Z. */
  start_date: z.string().check(z.maxLength(40)),
  /** The athlete's local wall-clock time, written with Z as Strava does. */
  start_date_local: opt(z.string().check(z.maxLength(40))),
  distance: finite().check(z.gte(0)),
  moving_time: finite().check(z.gte(0)),
  elapsed_time: finite().check(z.gte(0)),
  total_elevation_gain: opt(finite()),
};

/** One run as views and exports show it (unknown keys are stripped). */
export const RunSummarySchema = z.object(summaryShape);
export type RunSummary = z.output<typeof RunSummarySchema>;

/**
 * The fields kept: everything the classifier and planner read (heart rate, suffer_score, speeds,
 * elevation, temperature, laps, splits, local start). Unknown keys are stripped, not refused, so
 * Strava adding fields breaks nothing, and map polylines, descriptions, private notes and segment
 * efforts are never stored.
 */
export const ActivitySchema = z.object({
  ...summaryShape,
  type: opt(z.string()),
  /** Runs: 0 or null default, 1 race, 2 long run, 3 workout. */
  workout_type: optNullable(),
  timezone: opt(z.string()),
  utc_offset: opt(num),
  average_speed: opt(num),
  max_speed: opt(num),
  has_heartrate: opt(z.boolean()),
  average_heartrate: optNullable(),
  max_heartrate: optNullable(),
  suffer_score: optNullable(),
  average_cadence: opt(num),
  average_temp: optNullable(),
  elev_high: optNullable(),
  elev_low: optNullable(),
  trainer: opt(z.boolean()),
  manual: opt(z.boolean()),
  /** Detail only (GET /activities/{id}). */
  laps: opt(z.array(LapSchema)),
  splits_metric: opt(z.array(SplitSchema)),
  /** Present only when fetched separately. */
  streams: opt(StreamsSchema),
});
export type Activity = z.output<typeof ActivitySchema>;

export const RUN_SPORT_TYPES = ['Run', 'TrailRun', 'VirtualRun'] as const;

export function isRun(activity: Pick<Activity, 'sport_type'>): boolean {
  return (RUN_SPORT_TYPES as readonly string[]).includes(activity.sport_type);
}

/** End of the activity (start + elapsed time), UTC epoch ms: the clock every plan runs from. */
export function endOf(activity: Pick<Activity, 'start_date' | 'elapsed_time'>): number {
  return Date.parse(activity.start_date) + activity.elapsed_time * 1000;
}

/** The summary of an activity: what views and exports carry. */
export function summaryOf(a: Activity): RunSummary {
  return {
    id: a.id,
    name: a.name,
    sport_type: a.sport_type,
    start_date: a.start_date,
    start_date_local: a.start_date_local,
    distance: a.distance,
    moving_time: a.moving_time,
    elapsed_time: a.elapsed_time,
    total_elevation_gain: a.total_elevation_gain,
  };
}

/** What is stored of an activity Strava sent: the kept fields, without streams. */
export function keptOf(activity: Activity): Activity {
  const { streams: _s, ...kept } = ActivitySchema.parse(activity);
  return kept;
}
