// Shapes the simulator stores and serves, in Strava's own field names (snake_case), so a value
// can be written to the wire as it is. Only the fields the simulator fills are listed.

export interface MetaRef {
  id: number;
  resource_state: 1;
}

export interface SimLap {
  id: number;
  resource_state: 2;
  name: string;
  activity: { id: number; visibility: string; resource_state: 1 };
  athlete: MetaRef;
  elapsed_time: number;
  moving_time: number;
  start_date: string;
  start_date_local: string;
  distance: number;
  average_speed: number;
  max_speed: number;
  lap_index: number;
  split: number;
  start_index: number;
  end_index: number;
  total_elevation_gain: number;
  average_cadence?: number;
  device_watts: boolean;
  average_heartrate?: number;
  max_heartrate?: number;
  pace_zone?: number;
}

export interface SimSplit {
  distance: number;
  elapsed_time: number;
  elevation_difference: number;
  moving_time: number;
  split: number;
  average_speed: number;
  average_grade_adjusted_speed: number;
  average_heartrate?: number;
  pace_zone: number;
}

/** Streams keyed by type, one value per second of the activity (resolution "high"). */
export interface SimStreams {
  time: number[];
  distance: number[];
  velocity_smooth: number[];
  altitude: number[];
  grade_smooth: number[];
  moving: boolean[];
  cadence?: number[];
  heartrate?: number[];
  latlng?: [number, number][];
}

export type StreamKey = keyof SimStreams;

/** SummaryActivity as GET /athlete/activities returns it (plus the undocumented fields). */
interface SimSummary {
  resource_state: number;
  athlete: MetaRef;
  name: string;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  total_elevation_gain: number;
  type: string;
  sport_type: string;
  workout_type: number | null;
  id: number;
  start_date: string;
  start_date_local: string;
  timezone: string;
  utc_offset: number;
  location_city: null;
  location_state: null;
  location_country: null;
  achievement_count: number;
  kudos_count: number;
  comment_count: number;
  athlete_count: number;
  photo_count: number;
  map: { id: string; summary_polyline: string; resource_state: 2 };
  trainer: boolean;
  commute: boolean;
  manual: boolean;
  private: boolean;
  visibility: 'everyone' | 'followers_only' | 'only_me';
  flagged: boolean;
  gear_id: string | null;
  start_latlng: [number, number] | [];
  end_latlng: [number, number] | [];
  average_speed: number;
  max_speed: number;
  average_cadence?: number;
  has_heartrate: boolean;
  average_heartrate?: number;
  max_heartrate?: number;
  heartrate_opt_out: boolean;
  display_hide_heartrate_option: boolean;
  elev_high?: number;
  elev_low?: number;
  upload_id: number | null;
  upload_id_str?: string;
  external_id: string | null;
  from_accepted_tag: boolean;
  pr_count: number;
  total_photo_count: number;
  has_kudoed: boolean;
  suffer_score?: number | null;
}

/** DetailedActivity (GET /activities/{id}): the summary plus laps, splits and device data. */
export interface SimDetail extends Omit<SimSummary, 'map'> {
  map: { id: string; polyline: string; summary_polyline: string; resource_state: 3 };
  description: string | null;
  calories: number;
  perceived_exertion: null;
  prefer_perceived_exertion: null;
  segment_efforts: unknown[];
  /** Runs only: Strava leaves splits and best efforts out of rides. */
  splits_metric?: SimSplit[];
  splits_standard?: SimSplit[];
  laps: SimLap[];
  best_efforts?: unknown[];
  photos: { primary: null; count: number };
  stats_visibility: { type: string; visibility: string }[];
  hide_from_home: boolean;
  device_name: string | null;
  embed_token: string;
  available_zones: string[];
}

/** The kinds of run the generator (and the admin endpoint's "finish a run") can make. */
export const SIM_RUN_KINDS = [
  'easy',
  'intervals',
  'tempo',
  'long',
  'race',
  'trail',
  'treadmill',
  'manual',
  'ride',
] as const;

/**
 * What the generator meant a run to be (the truth the classifier is measured against), or
 * `labeled`: loaded from a labeled-runs file, whose truth is its workout_type tag, not ours.
 */
export type RunKind = (typeof SIM_RUN_KINDS)[number] | 'labeled';

export interface SimActivity {
  kind: RunKind;
  detail: SimDetail;
  /** Manual entries have no streams (Strava answers 404 for them too). */
  streams: SimStreams | null;
}

/** DetailedAthlete as GET /athlete returns it with profile:read_all. */
export interface SimAthlete {
  id: number;
  username: string;
  resource_state: 3;
  firstname: string;
  lastname: string;
  bio: string;
  city: string;
  state: string;
  country: string;
  sex: 'M' | 'F';
  premium: boolean;
  summit: boolean;
  created_at: string;
  updated_at: string;
  badge_type_id: number;
  weight: number;
  profile_medium: string;
  profile: string;
  friend: null;
  follower: null;
  measurement_preference: 'meters' | 'feet';
  ftp: number | null;
  follower_count: number;
  friend_count: number;
  clubs: unknown[];
  bikes: unknown[];
  shoes: { id: string; primary: boolean; name: string; resource_state: 2; distance: number }[];
}
