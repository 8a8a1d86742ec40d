// Builds one activity from a plan of blocks (warm-up, reps, recoveries, ...). Everything Strava
// reports is derived from one per-second simulation, so laps, splits, summary figures and
// streams agree with each other the way they do on a real upload: lap and split boundaries are
// sample indices, and their distances/times are differences of the same cumulative streams.
import { encodePolyline } from './polyline.ts';
import type { Prng } from './prng.ts';
import type {
  MetaRef,
  RunKind,
  SimActivity,
  SimDetail,
  SimLap,
  SimSplit,
  SimStreams,
} from './types.ts';

export interface Block {
  /** Lap name when the block is its own lap. */
  name: string;
  /** Either a distance (m) or a duration (s) ends the block. */
  distance?: number;
  duration?: number;
  /** Target speed, m/s. */
  speed: number;
  /** Heart rate the body drifts towards during the block. */
  hr: number;
}

export interface AthleteContext {
  athleteId: number;
  timezone: string;
  utcOffsetS: number;
  home: [number, number];
  weightKg: number;
  /** Speed at threshold, m/s: the pace zones hang off it. */
  thresholdSpeed: number;
  hrMax: number;
}

export interface ActivitySpec {
  id: number;
  kind: RunKind;
  name: string;
  sportType: 'Run' | 'TrailRun' | 'VirtualRun' | 'Ride';
  blocks: Block[];
  /** 'blocks': one lap per block (lap button); 'auto': every 1 km (5 km rides); 'single'. */
  laps: 'blocks' | 'auto' | 'single';
  workoutType: number | null;
  /** Start (epoch ms), or end: the start is then end minus the elapsed time. */
  at: { start: number } | { end: number };
  /** Vertical amplitude of the terrain, m (trail runs: a few hundred). */
  hilliness: number;
  heartrate: boolean;
  stops: number;
  deviceName: string | null;
  trainer?: boolean;
  manual?: boolean;
  private?: boolean;
  description?: string | null;
}

const round = (v: number, digits: number): number => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};

/** ISO 8601 without milliseconds, as Strava writes dates. */
export const isoS = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

interface Samples {
  time: number[];
  /** Cumulative distance in decimetres (integers), so differences sum exactly. */
  dm: number[];
  speed: number[];
  hr: number[];
  alt: number[];
  cadence: number[];
  moving: boolean[];
  /** Index of the sample where each block ends. */
  blockEnds: number[];
}

function simulate(spec: ActivitySpec, prng: Prng): Samples {
  const ride = spec.sportType === 'Ride';
  const phase = [prng.range(0, 6.28), prng.range(0, 6.28), prng.range(0, 6.28)];
  const wave = [prng.range(3500, 6000), prng.range(1200, 2200), prng.range(350, 700)];
  const hills = spec.hilliness;
  const terrain = (d: number): number =>
    120 +
    hills * 1.4 +
    hills * Math.sin((2 * Math.PI * d) / wave[0]! + phase[0]!) +
    hills * 0.35 * Math.sin((2 * Math.PI * d) / wave[1]! + phase[1]!) +
    Math.min(hills, 4) * 0.5 * Math.sin((2 * Math.PI * d) / wave[2]! + phase[2]!);

  const s: Samples = {
    time: [0],
    dm: [0],
    speed: [0],
    hr: [spec.heartrate ? Math.round(prng.range(88, 102)) : 0],
    alt: [terrain(0)],
    cadence: [0],
    moving: [false],
    blockEnds: [],
  };
  const totalDistance = spec.blocks.reduce((t, b) => t + (b.distance ?? b.duration! * b.speed), 0);
  // Stops (traffic lights, a shoelace) fall at fixed distances along the run.
  const stopsAt = Array.from({ length: spec.stops }, () => prng.range(0.15, 0.85) * totalDistance);
  let d = 0;
  let hr = s.hr[0]!;
  let v = 0;
  let wobble = 0;
  let t = 0;
  for (const block of spec.blocks) {
    const startD = d;
    const startT = t;
    const done = () =>
      block.distance !== undefined ? d - startD >= block.distance : t - startT >= block.duration!;
    while (!done()) {
      t += 1;
      const stopIdx = stopsAt.findIndex((x) => d >= x);
      if (stopIdx >= 0) {
        stopsAt.splice(stopIdx, 1);
        const pause = prng.int(12, 45);
        for (let i = 0; i < pause; i++) {
          if (i > 0) t += 1;
          hr += (Math.max(95, block.hr - 35) - hr) / 25;
          push(s, t, d, 0, hr, terrain(d), 0, false);
        }
        v = 0;
        continue;
      }
      const grade = (terrain(d + 10) - terrain(d)) / 10;
      // Uphill slows a runner far more than a road bump; downhill helps a little.
      const gradeFactor = grade > 0 ? 1 - (ride ? 4 : 5) * grade : 1 - (ride ? 2 : 1.5) * grade;
      wobble = wobble * 0.9 + prng.normal() * 0.03;
      const target = Math.max(0.8, block.speed * Math.max(0.35, gradeFactor) * (1 + wobble));
      v += (target - v) / 4;
      d += v;
      hr += (block.hr + grade * 60 - hr) / 28 + prng.normal() * 0.4;
      const cadence = ride ? 82 + prng.normal() * 3 : 78 + (v - 2.5) * 6 + prng.normal();
      push(s, t, d, v, hr, terrain(d), cadence, true);
    }
    s.blockEnds.push(s.time.length - 1);
  }
  return s;
}

function push(
  s: Samples,
  t: number,
  d: number,
  v: number,
  hr: number,
  alt: number,
  cadence: number,
  moving: boolean,
) {
  s.time.push(t);
  s.dm.push(Math.round(d * 10));
  s.speed.push(round(v, 2));
  s.hr.push(Math.round(hr));
  s.alt.push(round(alt, 1));
  s.cadence.push(Math.max(0, Math.round(cadence)));
  s.moving.push(moving);
}

/** Figures over samples (a, b]: the interval between two boundary indices. */
function stats(s: Samples, a: number, b: number) {
  let moving = 0;
  let maxV = 0;
  let hrSum = 0;
  let hrMax = 0;
  let cadSum = 0;
  let gain = 0;
  for (let i = a + 1; i <= b; i++) {
    const dt = s.time[i]! - s.time[i - 1]!;
    if (s.moving[i]) {
      moving += dt;
      cadSum += s.cadence[i]!;
    }
    maxV = Math.max(maxV, s.speed[i]!);
    hrSum += s.hr[i]!;
    hrMax = Math.max(hrMax, s.hr[i]!);
    const up = s.alt[i]! - s.alt[i - 1]!;
    if (up > 0) gain += up;
  }
  const n = Math.max(1, b - a);
  const distance = (s.dm[b]! - s.dm[a]!) / 10;
  return {
    distance,
    elapsed: s.time[b]! - s.time[a]!,
    moving,
    maxV,
    avgHr: round(hrSum / n, 1),
    maxHr: hrMax,
    avgCadence: moving > 0 ? round(cadSum / moving, 1) : 0,
    gain: round(gain, 1),
    avgSpeed: moving > 0 ? round(distance / moving, 3) : 0,
  };
}

function paceZone(speed: number, threshold: number): number {
  const r = speed / threshold;
  return r < 0.78 ? 1 : r < 0.88 ? 2 : r < 0.96 ? 3 : r < 1.04 ? 4 : r < 1.12 ? 5 : 6;
}

/** Sample indices where the cumulative distance first reaches each multiple of `every`. */
function distanceBoundaries(s: Samples, every: number): number[] {
  const out = [0];
  let next = every * 10;
  for (let i = 1; i < s.dm.length; i++) {
    if (s.dm[i]! >= next) {
      out.push(i);
      next += every * 10;
    }
  }
  const last = s.dm.length - 1;
  // A final stub shorter than 50 m is folded into the previous split, as devices do.
  if (out[out.length - 1] !== last) {
    if (s.dm[last]! - s.dm[out[out.length - 1]!]! < 500 && out.length > 1)
      out[out.length - 1] = last;
    else out.push(last);
  }
  return out;
}

function gradeSmooth(s: Samples): number[] {
  return s.alt.map((_, i) => {
    const a = Math.max(0, i - 5);
    const b = Math.min(s.alt.length - 1, i + 5);
    const dd = (s.dm[b]! - s.dm[a]!) / 10;
    return dd > 1 ? round(((s.alt[b]! - s.alt[a]!) / dd) * 100, 1) : 0;
  });
}

export function buildActivity(spec: ActivitySpec, ctx: AthleteContext, prng: Prng): SimActivity {
  const s = simulate(spec, prng);
  const last = s.time.length - 1;
  const total = stats(s, 0, last);
  const startMs = 'start' in spec.at ? spec.at.start : spec.at.end - s.time[last]! * 1000;
  const localIso = (ms: number) => isoS(ms + ctx.utcOffsetS * 1000);
  const athlete: MetaRef = { id: ctx.athleteId, resource_state: 1 };
  const visibility = spec.private ? 'only_me' : 'everyone';
  const ride = spec.sportType === 'Ride';
  const indoor = Boolean(spec.trainer || spec.manual);
  const hrOn = spec.heartrate && !spec.manual;

  // Laps: boundaries are sample indices, so they partition the activity exactly.
  const lapBounds =
    spec.laps === 'blocks'
      ? [0, ...s.blockEnds]
      : spec.laps === 'auto'
        ? distanceBoundaries(s, ride ? 5000 : 1000)
        : [0, last];
  const laps: SimLap[] = spec.manual
    ? []
    : lapBounds.slice(1).map((end, i) => {
        const start = lapBounds[i]!;
        const st = stats(s, start, end);
        const lap: SimLap = {
          id: spec.id * 10 + i + 1,
          resource_state: 2,
          name: spec.laps === 'blocks' ? (spec.blocks[i]?.name ?? `Lap ${i + 1}`) : `Lap ${i + 1}`,
          activity: { id: spec.id, visibility, resource_state: 1 },
          athlete,
          elapsed_time: st.elapsed,
          moving_time: st.moving,
          start_date: isoS(startMs + s.time[start]! * 1000),
          start_date_local: localIso(startMs + s.time[start]! * 1000),
          distance: st.distance,
          average_speed: st.avgSpeed,
          max_speed: st.maxV,
          lap_index: i + 1,
          split: i + 1,
          start_index: start,
          end_index: end,
          total_elevation_gain: st.gain,
          average_cadence: st.avgCadence,
          device_watts: false,
        };
        if (hrOn) {
          lap.average_heartrate = st.avgHr;
          lap.max_heartrate = st.maxHr;
        }
        if (!ride) lap.pace_zone = paceZone(st.avgSpeed, ctx.thresholdSpeed);
        return lap;
      });

  const splits = (every: number): SimSplit[] => {
    const bounds = distanceBoundaries(s, every);
    return bounds.slice(1).map((end, i) => {
      const start = bounds[i]!;
      const st = stats(s, start, end);
      const elevation = round(s.alt[end]! - s.alt[start]!, 1);
      const grade = st.distance > 0 ? elevation / st.distance : 0;
      const split: SimSplit = {
        distance: st.distance,
        elapsed_time: st.elapsed,
        elevation_difference: elevation,
        moving_time: st.moving,
        split: i + 1,
        average_speed: st.avgSpeed,
        average_grade_adjusted_speed: round(st.avgSpeed * (1 + 3 * grade), 2),
        pace_zone: paceZone(st.avgSpeed, ctx.thresholdSpeed),
      };
      if (hrOn) split.average_heartrate = st.avgHr;
      return split;
    });
  };

  // The course is a loop around home whose circumference is the distance run.
  const circumference = Math.max(1, total.distance);
  const latlng = (dm: number): [number, number] => {
    const angle = (2 * Math.PI * dm) / 10 / circumference;
    const r = circumference / (2 * Math.PI);
    return [
      round(ctx.home[0] + (Math.sin(angle) * r) / 111_320, 6),
      round(
        ctx.home[1] +
          ((1 - Math.cos(angle)) * r) / (111_320 * Math.cos((ctx.home[0] * Math.PI) / 180)),
        6,
      ),
    ];
  };
  const route = indoor ? [] : s.dm.filter((_, i) => i % 20 === 0 || i === last).map(latlng);
  const polyline = encodePolyline(route);
  const summaryPolyline = encodePolyline(route.filter((_, i) => i % 5 === 0));

  const elevHigh = round(Math.max(...s.alt), 1);
  const elevLow = round(Math.min(...s.alt), 1);
  // A TRIMP-like relative effort: minutes weighted by how far HR sits into the reserve.
  let effort = 0;
  const floor = ctx.hrMax / 2;
  for (let i = 1; i <= last; i++) effort += (Math.max(0, s.hr[i]! - floor) / floor) ** 2 / 60;
  effort *= 4;

  const detail: SimDetail = {
    resource_state: 3,
    athlete,
    name: spec.name,
    distance: total.distance,
    moving_time: spec.manual ? total.elapsed : total.moving,
    elapsed_time: total.elapsed,
    total_elevation_gain: indoor ? 0 : total.gain,
    type: spec.sportType === 'TrailRun' ? 'Run' : spec.sportType,
    sport_type: spec.sportType,
    workout_type: ride ? null : spec.workoutType,
    id: spec.id,
    start_date: isoS(startMs),
    start_date_local: localIso(startMs),
    timezone: ctx.timezone,
    utc_offset: ctx.utcOffsetS,
    location_city: null,
    location_state: null,
    location_country: null,
    achievement_count: 0,
    kudos_count: prng.int(0, 14),
    comment_count: prng.int(0, 2),
    athlete_count: 1,
    photo_count: 0,
    map: {
      id: `a${spec.id}`,
      polyline,
      summary_polyline: summaryPolyline,
      resource_state: 3,
    },
    trainer: Boolean(spec.trainer),
    commute: false,
    manual: Boolean(spec.manual),
    private: Boolean(spec.private),
    visibility,
    flagged: false,
    gear_id: ride ? null : 'g9001',
    start_latlng: indoor ? [] : latlng(0),
    end_latlng: indoor ? [] : latlng(s.dm[last]!),
    average_speed: spec.manual ? round(total.distance / total.elapsed, 3) : total.avgSpeed,
    max_speed: spec.manual ? 0 : total.maxV,
    has_heartrate: hrOn,
    heartrate_opt_out: false,
    display_hide_heartrate_option: hrOn,
    upload_id: spec.manual ? null : spec.id + 1_000_000_000,
    external_id: spec.manual ? null : `garmin_ping_${spec.id}`,
    from_accepted_tag: false,
    pr_count: 0,
    total_photo_count: 0,
    has_kudoed: false,
    description: spec.description ?? null,
    calories: round((total.distance / 1000) * ctx.weightKg * (ride ? 0.3 : 1.02), 1),
    perceived_exertion: null,
    prefer_perceived_exertion: null,
    segment_efforts: [],
    laps,
    photos: { primary: null, count: 0 },
    stats_visibility: [
      { type: 'heart_rate', visibility: 'everyone' },
      { type: 'pace', visibility: 'everyone' },
      { type: 'power', visibility: 'everyone' },
      { type: 'speed', visibility: 'everyone' },
      { type: 'calories', visibility: 'everyone' },
    ],
    hide_from_home: false,
    device_name: spec.manual ? null : spec.deviceName,
    embed_token: `sim${spec.id.toString(16)}`,
    available_zones: hrOn ? ['heartrate', 'pace'] : [],
  };
  if (!spec.manual) {
    detail.average_cadence = total.avgCadence;
    detail.upload_id_str = String(detail.upload_id);
    if (!indoor) {
      detail.elev_high = elevHigh;
      detail.elev_low = elevLow;
    }
  }
  if (hrOn) {
    detail.average_heartrate = total.avgHr;
    detail.max_heartrate = total.maxHr;
    detail.suffer_score = Math.round(effort);
  } else {
    detail.suffer_score = null;
  }
  if (!ride && !spec.manual) {
    detail.splits_metric = splits(1000);
    detail.splits_standard = splits(1609.34);
    detail.best_efforts = [];
  }

  const streams: SimStreams | null = spec.manual
    ? null
    : {
        time: s.time,
        distance: s.dm.map((x) => x / 10),
        velocity_smooth: s.speed,
        altitude: indoor ? s.alt.map(() => 0) : s.alt,
        grade_smooth: indoor ? s.alt.map(() => 0) : gradeSmooth(s),
        moving: s.moving,
        cadence: s.cadence,
        ...(hrOn ? { heartrate: s.hr } : {}),
        ...(indoor ? {} : { latlng: s.dm.map(latlng) }),
      };
  return { kind: spec.kind, detail, streams };
}
