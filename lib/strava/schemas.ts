// Zod schemas for the Strava responses the extension reads, written from Strava's API description
// (strava/openapi) plus the fields the live API returns but the description omits
// (average_heartrate, max_heartrate, suffer_score, has_heartrate, utc_offset, visibility).
// Strava marks nothing as required; "required" here means "Bounceback cannot use the object
// without it". Every object is loose: Strava adds fields over time and we must not break on them.
// Fields the app types as `?: T` accept Strava's null and come out as undefined.

import { z } from 'zod/mini';
import type { Streams } from '../model/activity';

const opt = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform(
      (v: z.output<T> | null | undefined) =>
        (v ?? undefined) as NonNullable<z.output<T>> | undefined,
    ),
  );

const int = () => z.int();

// MetaAthlete / SummaryAthlete / DetailedAthlete ------------------------------------------------

const SummaryAthleteSchema = z.looseObject({
  id: int(),
  username: z.nullish(z.string()),
  firstname: z.nullish(z.string()),
  lastname: z.nullish(z.string()),
  profile_medium: z.nullish(z.string()),
  profile: z.nullish(z.string()),
  city: z.nullish(z.string()),
  state: z.nullish(z.string()),
  country: z.nullish(z.string()),
  sex: z.nullish(z.string()),
  premium: z.nullish(z.boolean()),
  summit: z.nullish(z.boolean()),
  created_at: z.nullish(z.string()),
  updated_at: z.nullish(z.string()),
});
export type SummaryAthlete = z.output<typeof SummaryAthleteSchema>;

export const DetailedAthleteSchema = z.extend(SummaryAthleteSchema, {
  measurement_preference: z.nullish(z.enum(['feet', 'meters'])),
  weight: z.nullish(z.number()),
  ftp: z.nullish(z.number()),
  follower_count: z.nullish(z.number()),
  friend_count: z.nullish(z.number()),
});
export type DetailedAthlete = z.output<typeof DetailedAthleteSchema>;

// Lap / Split -----------------------------------------------------------------------------------

const LapSchema = z.looseObject({
  id: z.optional(z.number()),
  name: opt(z.string()),
  lap_index: opt(int()),
  split: opt(int()),
  distance: z.number(),
  moving_time: int(),
  elapsed_time: int(),
  average_speed: z.number(),
  max_speed: opt(z.number()),
  average_cadence: opt(z.number()),
  average_heartrate: opt(z.number()),
  max_heartrate: opt(z.number()),
  total_elevation_gain: opt(z.number()),
  pace_zone: opt(int()),
  start_date: opt(z.string()),
  start_date_local: opt(z.string()),
  start_index: opt(int()),
  end_index: opt(int()),
});

const SplitSchema = z.looseObject({
  split: int(),
  distance: z.number(),
  moving_time: int(),
  elapsed_time: int(),
  average_speed: z.number(),
  elevation_difference: opt(z.number()),
  average_grade_adjusted_speed: opt(z.number()),
  average_heartrate: opt(z.number()),
  pace_zone: opt(int()),
});

// SummaryActivity / DetailedActivity ------------------------------------------------------------

const summaryActivityShape = {
  id: int(),
  name: z.string(),
  sport_type: z.string(),
  /** Deprecated by Strava (calls trail runs "Run"); kept for display only. */
  type: opt(z.string()),
  workout_type: z.nullish(int()),
  distance: z.number(),
  moving_time: int(),
  elapsed_time: int(),
  total_elevation_gain: opt(z.number()),
  start_date: z.string(),
  start_date_local: opt(z.string()),
  timezone: opt(z.string()),
  utc_offset: opt(z.number()),
  average_speed: opt(z.number()),
  max_speed: opt(z.number()),
  has_heartrate: opt(z.boolean()),
  average_heartrate: z.nullish(z.number()),
  max_heartrate: z.nullish(z.number()),
  suffer_score: z.nullish(z.number()),
  average_cadence: opt(z.number()),
  trainer: opt(z.boolean()),
  manual: opt(z.boolean()),
  commute: opt(z.boolean()),
  private: opt(z.boolean()),
  visibility: opt(z.string()),
  external_id: z.nullish(z.string()),
  upload_id: z.nullish(z.number()),
  gear_id: z.nullish(z.string()),
  athlete: z.optional(z.looseObject({ id: int() })),
};

export const SummaryActivitySchema = z.looseObject(summaryActivityShape);
export type SummaryActivity = z.output<typeof SummaryActivitySchema>;

export const DetailedActivitySchema = z.looseObject({
  ...summaryActivityShape,
  description: z.nullish(z.string()),
  device_name: z.nullish(z.string()),
  calories: opt(z.number()),
  laps: opt(z.array(LapSchema)),
  splits_metric: opt(z.array(SplitSchema)),
  splits_standard: opt(z.array(SplitSchema)),
});
export type DetailedActivity = z.output<typeof DetailedActivitySchema>;

/** A list page's items, each validated on its own (client.ts). */
export const ActivityListSchema = z.array(z.unknown()).check(z.maxLength(500));

// Streams ---------------------------------------------------------------------------------------

/** The stream types Strava's StreamSet knows (values for `keys`). */
const STREAM_KEYS = [
  'time',
  'distance',
  'latlng',
  'altitude',
  'velocity_smooth',
  'heartrate',
  'cadence',
  'watts',
  'temp',
  'moving',
  'grade_smooth',
] as const;
export type StreamKey = (typeof STREAM_KEYS)[number];

// Recorded streams contain nulls where the device had no sample; keep them, fill in toStreams.
const streamOf = <T extends z.ZodMiniType>(item: T) =>
  z.looseObject({
    data: z.array(z.nullable(item)),
    series_type: z.optional(z.string()),
    original_size: z.optional(int()),
    resolution: z.optional(z.string()),
  });

const numberStream = streamOf(z.number());

const keyedStreamShape = {
  time: z.optional(numberStream),
  distance: z.optional(numberStream),
  latlng: z.optional(streamOf(z.tuple([z.number(), z.number()]))),
  altitude: z.optional(numberStream),
  velocity_smooth: z.optional(numberStream),
  heartrate: z.optional(numberStream),
  cadence: z.optional(numberStream),
  watts: z.optional(numberStream),
  temp: z.optional(numberStream),
  moving: z.optional(streamOf(z.boolean())),
  grade_smooth: z.optional(numberStream),
};

const KeyedStreamSetSchema = z.looseObject(keyedStreamShape);

// Without key_by_type Strava answers with an array of streams that name their own type; accept it
// too and key it, so a server that ignores the flag still works.
const StreamArraySchema = z.pipe(
  z.pipe(
    z.array(z.looseObject({ type: z.string(), data: z.array(z.unknown()) })),
    z.transform(
      (list): Record<string, unknown> => Object.fromEntries(list.map((s) => [s.type, s])),
    ),
  ),
  KeyedStreamSetSchema,
);

export const StreamSetSchema = z.union([KeyedStreamSetSchema, StreamArraySchema]);
export type StreamSet = z.output<typeof StreamSetSchema>;

function filled<T>(data: readonly (T | null)[]): T[] {
  // Missing samples take the previous value (leading gaps the first known one) so indexes stay
  // aligned with the time stream.
  const first = data.find((v): v is T => v !== null);
  if (first === undefined) return [];
  let last: T = first;
  return data.map((v) => {
    if (v !== null) last = v;
    return last;
  });
}

/** The app's Streams shape: each stream reduced to its data array. */
export function toStreams(set: StreamSet): Streams {
  const out: Streams = {};
  const numeric = [
    'time',
    'distance',
    'velocity_smooth',
    'heartrate',
    'altitude',
    'grade_smooth',
    'cadence',
  ] as const;
  for (const key of numeric) {
    const stream = set[key];
    if (stream) out[key] = filled(stream.data);
  }
  if (set.moving) out.moving = filled(set.moving.data);
  return out;
}

// OAuth -----------------------------------------------------------------------------------------

export const TokenResponseSchema = z.looseObject({
  token_type: z.optional(z.string()),
  access_token: z.string().check(z.minLength(1)),
  refresh_token: z.string().check(z.minLength(1)),
  /** Epoch seconds. */
  expires_at: int(),
  expires_in: z.optional(int()),
  /** Only on the authorization-code exchange. */
  athlete: z.optional(SummaryAthleteSchema),
});
export type TokenResponse = z.output<typeof TokenResponseSchema>;

export const DeauthorizeResponseSchema = z.looseObject({ access_token: z.optional(z.string()) });

// Fault (every error body) ----------------------------------------------------------------------

export const FaultSchema = z.looseObject({
  message: z.string(),
  errors: z.optional(
    z.array(
      z.looseObject({
        resource: z.nullish(z.string()),
        field: z.nullish(z.string()),
        code: z.nullish(z.string()),
      }),
    ),
  ),
});
export type Fault = z.output<typeof FaultSchema>;
