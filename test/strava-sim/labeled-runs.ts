// Loads an athlete file in the labeled-runs format (a JSON array of SummaryActivity-like runs,
// oldest first) so the simulator can serve a real athlete's history. Missing detail is derived
// minimally: one lap equal to the run, per-km splits at even pace, no streams.
import { readFileSync } from 'node:fs';
import { isoS } from './run-builder.ts';
import type { SimActivity, SimAthlete, SimDetail, SimLap, SimSplit } from './types.ts';

type Raw = Record<string, unknown>;

const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function loadLabeledRuns(file: string, athlete: SimAthlete): SimActivity[] {
  const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
  if (!Array.isArray(parsed))
    throw new Error(`strava-sim: ${file} is not a JSON array of activities`);
  return parsed
    .filter(
      (r): r is Raw => Boolean(r) && typeof r === 'object' && typeof (r as Raw).id === 'number',
    )
    .map((r) => toActivity(r, athlete));
}

function toActivity(r: Raw, athlete: SimAthlete): SimActivity {
  const id = num(r.id);
  const offset = num(r.utc_offset);
  const local = str(r.start_date_local);
  const start = str(r.start_date) ?? (local ? isoS(Date.parse(local) - offset * 1000) : isoS(0));
  const startLocal = local ?? isoS(Date.parse(start) + offset * 1000);
  const distance = num(r.distance);
  const moving = num(r.moving_time);
  const elapsed = num(r.elapsed_time, moving);
  const speed = num(r.average_speed, moving > 0 ? distance / moving : 0);
  const hr = typeof r.average_heartrate === 'number';
  const ref = { id: athlete.id, resource_state: 1 as const };
  const sport = str(r.sport_type) ?? str(r.type) ?? 'Run';
  const rawLaps = Array.isArray(r.laps) ? (r.laps as Raw[]) : [];
  const lapsSrc =
    rawLaps.length > 0 ? rawLaps : [{ distance, moving_time: moving, elapsed_time: elapsed }];
  let lapStart = Date.parse(start);
  const laps: SimLap[] = lapsSrc.map((l, i) => {
    const lap: SimLap = {
      id: id * 10 + i + 1,
      resource_state: 2,
      name: str(l.name) ?? `Lap ${i + 1}`,
      activity: { id, visibility: 'everyone', resource_state: 1 },
      athlete: ref,
      elapsed_time: num(l.elapsed_time),
      moving_time: num(l.moving_time),
      start_date: isoS(lapStart),
      start_date_local: isoS(lapStart + offset * 1000),
      distance: num(l.distance),
      average_speed: num(
        l.average_speed,
        num(l.moving_time) > 0 ? num(l.distance) / num(l.moving_time) : 0,
      ),
      max_speed: num(l.max_speed),
      lap_index: i + 1,
      split: i + 1,
      start_index: 0,
      end_index: 0,
      total_elevation_gain: num(l.total_elevation_gain),
      device_watts: false,
    };
    if (typeof l.average_heartrate === 'number') lap.average_heartrate = l.average_heartrate;
    if (typeof l.max_heartrate === 'number') lap.max_heartrate = l.max_heartrate;
    lapStart += num(l.elapsed_time) * 1000;
    return lap;
  });
  const splits: SimSplit[] = [];
  for (let done = 0, i = 1; done < distance - 1; i++) {
    const d = Math.min(1000, distance - done);
    const t = speed > 0 ? Math.round(d / speed) : 0;
    splits.push({
      distance: Math.round(d * 10) / 10,
      elapsed_time: t,
      elevation_difference: 0,
      moving_time: t,
      split: i,
      average_speed: speed,
      average_grade_adjusted_speed: speed,
      pace_zone: 0,
    });
    done += d;
  }
  const detail: SimDetail = {
    resource_state: 3,
    athlete: ref,
    name: str(r.name) ?? 'Run',
    distance,
    moving_time: moving,
    elapsed_time: elapsed,
    total_elevation_gain: num(r.total_elevation_gain),
    type: str(r.type) ?? sport,
    sport_type: sport,
    workout_type: typeof r.workout_type === 'number' ? r.workout_type : null,
    id,
    start_date: start,
    start_date_local: startLocal,
    timezone: str(r.timezone) ?? '(GMT+00:00) Etc/UTC',
    utc_offset: offset,
    location_city: null,
    location_state: null,
    location_country: null,
    achievement_count: 0,
    kudos_count: 0,
    comment_count: 0,
    athlete_count: 1,
    photo_count: 0,
    map: { id: `a${id}`, polyline: '', summary_polyline: '', resource_state: 3 },
    trainer: r.trainer === true,
    commute: false,
    manual: r.manual === true,
    private: r.private === true,
    visibility: r.private === true ? 'only_me' : 'everyone',
    flagged: false,
    gear_id: null,
    start_latlng: [],
    end_latlng: [],
    average_speed: speed,
    max_speed: num(r.max_speed),
    has_heartrate: hr,
    heartrate_opt_out: false,
    display_hide_heartrate_option: hr,
    upload_id: null,
    external_id: null,
    from_accepted_tag: false,
    pr_count: 0,
    total_photo_count: 0,
    has_kudoed: false,
    suffer_score: typeof r.suffer_score === 'number' ? r.suffer_score : null,
    description: null,
    calories: 0,
    perceived_exertion: null,
    prefer_perceived_exertion: null,
    segment_efforts: [],
    splits_metric: splits,
    splits_standard: [],
    laps,
    best_efforts: [],
    photos: { primary: null, count: 0 },
    stats_visibility: [],
    hide_from_home: false,
    device_name: null,
    embed_token: `sim${id.toString(16)}`,
    available_zones: [],
  };
  if (hr) {
    detail.average_heartrate = num(r.average_heartrate);
    if (typeof r.max_heartrate === 'number') detail.max_heartrate = r.max_heartrate;
  }
  if (typeof r.average_cadence === 'number') detail.average_cadence = r.average_cadence;
  return { kind: 'labeled', detail, streams: null };
}
