// Zod schemas for the Strava responses the extension reads, written from Strava's API description
// (strava/openapi) plus the fields the live API returns but the description omits
// (average_heartrate, max_heartrate, suffer_score, has_heartrate, utc_offset, visibility).
// Strava marks nothing as required; "required" here means "Bounceback cannot use the object
// without it". Every object is loose: Strava adds fields over time and we must not break on them.
// Fields the app types as `?: T` accept Strava's null and come out as undefined.

import { z } from 'zod';
import type { Streams } from '../activity';

const opt = <T extends z.ZodType>(schema: T) =>
  schema.nullish().transform((v): NonNullable<z.output<T>> | undefined => v ?? undefined);

const int = () => z.number().int();

// MetaAthlete / SummaryAthlete / DetailedAthlete ------------------------------------------------

export const SummaryAthleteSchema = z.looseObject({
  id: int(),
  username: z.string().nullish(),
  firstname: z.string().nullish(),
  lastname: z.string().nullish(),
  profile_medium: z.string().nullish(),
  profile: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  country: z.string().nullish(),
  sex: z.string().nullish(),
  premium: z.boolean().nullish(),
  summit: z.boolean().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
});
export type SummaryAthlete = z.output<typeof SummaryAthleteSchema>;

export const DetailedAthleteSchema = SummaryAthleteSchema.extend({
  measurement_preference: z.enum(['feet', 'meters']).nullish(),
  weight: z.number().nullish(),
  ftp: z.number().nullish(),
  follower_count: z.number().nullish(),
  friend_count: z.number().nullish(),
});
export type DetailedAthlete = z.output<typeof DetailedAthleteSchema>;

// Lap / Split -----------------------------------------------------------------------------------

export const LapSchema = z.looseObject({
  id: z.number().optional(),
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
export type Lap = z.output<typeof LapSchema>;

export const SplitSchema = z.looseObject({
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
export type Split = z.output<typeof SplitSchema>;

// SummaryActivity / DetailedActivity ------------------------------------------------------------

const summaryActivityShape = {
  id: int(),
  name: z.string(),
  sport_type: z.string(),
  /** Deprecated by Strava (calls trail runs "Run"); kept for display only. */
  type: opt(z.string()),
  workout_type: int().nullish(),
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
  average_heartrate: z.number().nullish(),
  max_heartrate: z.number().nullish(),
  suffer_score: z.number().nullish(),
  average_cadence: opt(z.number()),
  trainer: opt(z.boolean()),
  manual: opt(z.boolean()),
  commute: opt(z.boolean()),
  private: opt(z.boolean()),
  visibility: opt(z.string()),
  external_id: z.string().nullish(),
  upload_id: z.number().nullish(),
  gear_id: z.string().nullish(),
  athlete: z.looseObject({ id: int() }).optional(),
};

export const SummaryActivitySchema = z.looseObject(summaryActivityShape);
export type SummaryActivity = z.output<typeof SummaryActivitySchema>;

export const DetailedActivitySchema = z.looseObject({
  ...summaryActivityShape,
  description: z.string().nullish(),
  device_name: z.string().nullish(),
  calories: opt(z.number()),
  laps: opt(z.array(LapSchema)),
  splits_metric: opt(z.array(SplitSchema)),
  splits_standard: opt(z.array(SplitSchema)),
});
export type DetailedActivity = z.output<typeof DetailedActivitySchema>;

export const SummaryActivityListSchema = z.array(SummaryActivitySchema);

// Streams ---------------------------------------------------------------------------------------

/** The stream types Strava's StreamSet knows (values for `keys`). */
export const STREAM_KEYS = [
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
const streamOf = <T extends z.ZodType>(item: T) =>
  z.looseObject({
    data: z.array(item.nullable()),
    series_type: z.string().optional(),
    original_size: int().optional(),
    resolution: z.string().optional(),
  });

const numberStream = streamOf(z.number());

const keyedStreamShape = {
  time: numberStream.optional(),
  distance: numberStream.optional(),
  latlng: streamOf(z.tuple([z.number(), z.number()])).optional(),
  altitude: numberStream.optional(),
  velocity_smooth: numberStream.optional(),
  heartrate: numberStream.optional(),
  cadence: numberStream.optional(),
  watts: numberStream.optional(),
  temp: numberStream.optional(),
  moving: streamOf(z.boolean()).optional(),
  grade_smooth: numberStream.optional(),
};

const KeyedStreamSetSchema = z.looseObject(keyedStreamShape);

// Without key_by_type Strava answers with an array of streams that name their own type; accept it
// too and key it, so a server that ignores the flag still works.
const StreamArraySchema = z
  .array(z.looseObject({ type: z.string(), data: z.array(z.unknown()) }))
  .transform((list): Record<string, unknown> => Object.fromEntries(list.map((s) => [s.type, s])))
  .pipe(KeyedStreamSetSchema);

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
  token_type: z.string().optional(),
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  /** Epoch seconds. */
  expires_at: int(),
  expires_in: int().optional(),
  /** Only on the authorization-code exchange. */
  athlete: SummaryAthleteSchema.optional(),
});
export type TokenResponse = z.output<typeof TokenResponseSchema>;

export const DeauthorizeResponseSchema = z.looseObject({ access_token: z.string().optional() });

// Fault (every error body) ----------------------------------------------------------------------

export const FaultSchema = z.looseObject({
  message: z.string(),
  errors: z
    .array(
      z.looseObject({
        resource: z.string().nullish(),
        field: z.string().nullish(),
        code: z.string().nullish(),
      }),
    )
    .optional(),
});
export type Fault = z.output<typeof FaultSchema>;
