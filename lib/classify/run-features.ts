import type { Activity } from '../model/activity';
import type { Profile } from '../model/profile';
import { effortSpeed } from './effort-speed';
import { FRAGMENT_METRES, FRAGMENT_SECONDS, type HistoryStats } from './history-stats';
import { type LapStructure, lapStructure, type Segment } from './lap-structure';
import { type NameSignal, nameSignal } from './name-signal';
import { streamSegments } from './stream-segments';
import { topSpeedRatio } from './top-speed-ratio';

/** One run measured against the athlete's recent history. */
export interface RunFeatures {
  distance: number;
  movingTime: number;
  /** Distance and moving time over the typical run of the last 4 weeks. */
  distanceRatio?: number;
  timeRatio?: number;
  /** Share of the 7 days' distance, this run included. */
  weekShare?: number;
  /** Longer than every run of the previous 6 days. */
  longestOfWeek: boolean;
  /** Flat-equivalent speed over the usual one; undefined when pace cannot be trusted. */
  speedRatio?: number;
  /** Top over average speed, against the usual such ratio (1.1 = surges 10 % beyond usual). */
  topSpeedRatio?: number;
  /** Metres climbed per km. */
  climbPerKm: number;
  heartrateRatio?: number;
  /** Average heart rate as a share of the runner's max HR, when their profile gives one. */
  heartrateOfMax?: number;
  sufferRatio?: number;
  name: NameSignal;
  structure: LapStructure;
  structureSource?: 'laps' | 'streams' | 'splits';
  /** A warm-up ended shortly before this run started. */
  afterWarmup: boolean;
  /** Too short to be a session of its own: a warm-up, cool-down or split recording. */
  fragment: boolean;
  /** Elapsed over moving time: far above 1, the recording paused or the watch lost its fix. */
  elapsedRatio: number;
  /** Manual entry: pace and distance are typed in, there is nothing else. */
  manual: boolean;
  /** Treadmill or virtual run: pace comes from a foot pod or a machine setting. */
  indoor: boolean;
}

export function runFeatures(
  activity: Activity,
  stats: HistoryStats,
  profile: Profile,
): RunFeatures {
  const indoor = activity.trainer === true || activity.sport_type === 'VirtualRun';
  const manual = activity.manual === true;
  const v = effortSpeed(activity);
  const speedRatio =
    v !== undefined && stats.typicalSpeed && !(indoor && activity.sport_type !== 'VirtualRun')
      ? v / stats.typicalSpeed
      : undefined;
  const hr = activity.average_heartrate ?? undefined;
  // Only a max the runner entered: the highest of six weeks is no max for a runner who seldom
  // runs all out, and then every run looks close to it (one dev athlete's easy runs sat at 88 %).
  const maxHr = profile.maxHeartrate;
  const sufferPerMinute =
    activity.suffer_score != null && activity.moving_time > 0
      ? activity.suffer_score / (activity.moving_time / 60)
      : undefined;
  const top = topSpeedRatio(activity);
  const { structure, source } = readStructure(activity, stats.typicalSpeed);
  const before = stats.justBefore;
  const beforeName = before ? nameSignal(before.name) : undefined;
  const afterWarmup =
    before !== undefined &&
    before.distance >= 500 &&
    (beforeName?.warmup !== undefined ||
      (before.distance < 0.4 * activity.distance && before.distance <= 4000));
  return {
    distance: activity.distance,
    movingTime: activity.moving_time,
    distanceRatio: stats.typicalDistance ? activity.distance / stats.typicalDistance : undefined,
    timeRatio: stats.typicalMovingTime ? activity.moving_time / stats.typicalMovingTime : undefined,
    weekShare:
      stats.runs28 > 0 ? activity.distance / (stats.weekDistance + activity.distance) : undefined,
    longestOfWeek: activity.distance > stats.longestThisWeek,
    speedRatio,
    topSpeedRatio:
      top !== undefined && stats.typicalTopRatio ? top / stats.typicalTopRatio : undefined,
    climbPerKm:
      activity.distance > 0 ? ((activity.total_elevation_gain ?? 0) * 1000) / activity.distance : 0,
    heartrateRatio: hr && stats.typicalHeartrate ? hr / stats.typicalHeartrate : undefined,
    heartrateOfMax: hr && maxHr && maxHr > hr ? hr / maxHr : undefined,
    sufferRatio:
      sufferPerMinute !== undefined && stats.typicalSufferPerMinute
        ? sufferPerMinute / stats.typicalSufferPerMinute
        : undefined,
    name: nameSignal(activity.name),
    structure,
    structureSource: source,
    afterWarmup,
    fragment: activity.distance < FRAGMENT_METRES || activity.moving_time < FRAGMENT_SECONDS,
    elapsedRatio: activity.moving_time > 0 ? activity.elapsed_time / activity.moving_time : 1,
    manual,
    indoor,
  };
}

function readStructure(
  activity: Activity,
  referenceSpeed: number | undefined,
): { structure: LapStructure; source?: RunFeatures['structureSource'] } {
  const candidates: [RunFeatures['structureSource'], Segment[], boolean | undefined][] = [
    ['laps', activity.laps ?? [], undefined],
    ['streams', streamSegments(activity.streams), true],
    ['splits', activity.splits_metric ?? [], true],
  ];
  for (const [source, segments, uniform] of candidates) {
    if (segments.length >= 3) {
      return { structure: lapStructure(segments, { referenceSpeed, uniform }), source };
    }
  }
  return { structure: lapStructure([]) };
}
