import type { Activity } from '../model/activity';
import { DAY_MS } from '../time';
import { effortSpeed } from './effort-speed';
import { quantile } from './quantile';
import { startMs } from './start-ms';
import { topSpeedRatio } from './top-speed-ratio';

/** The longest look-back any statistic needs. */
export const WINDOW_DAYS = 42;

/** What the athlete's recent runs look like, measured just before one run. */
export interface HistoryStats {
  /** Runs in the last 42 and 28 days. */
  runs42: number;
  runs28: number;
  /** Days between the oldest run in the window and this one (how much we know). */
  spanDays: number;
  /** Median distance and moving time of the last 28 days' proper runs (not warm-up fragments). */
  typicalDistance?: number;
  typicalMovingTime?: number;
  /** Median flat-equivalent speed of the last 28 days, m/s. */
  typicalSpeed?: number;
  /** Median top speed over average speed of the last 28 days (surges and reps raise it). */
  typicalTopRatio?: number;
  /** Longest run in the last 42 days, and distance run in the 7 days before this one. */
  longestDistance?: number;
  weekDistance: number;
  /** Longest run in the 6 days before this one. */
  longestThisWeek: number;
  /** Average weekly distance over the last 28 days. */
  weeklyAverage: number;
  /** Median average heart rate of the last 42 days. */
  typicalHeartrate?: number;
  /** Median suffer score per minute of the last 42 days. */
  typicalSufferPerMinute?: number;
  /** The run that ended shortly before this one started, if any (a warm-up). */
  justBefore?: { name: string; distance: number; gapSeconds: number };
}

// Short bits (warm-ups, cool-downs, a split recording) would drag the "typical run" down.
export const FRAGMENT_METRES = 1500;
export const FRAGMENT_SECONDS = 10 * 60;

/**
 * Statistics of `earlier` (runs that started before `activity`, in any order; only the last
 * 42 days are read) as seen at the start of `activity`.
 */
export function historyStats(
  activity: Pick<Activity, 'start_date' | 'start_date_local'>,
  earlier: readonly Activity[],
): HistoryStats {
  const now = startMs(activity);
  const distances28: number[] = [];
  const times28: number[] = [];
  const speeds28: number[] = [];
  const tops28: number[] = [];
  const heartrates: number[] = [];
  const suffer: number[] = [];
  let runs42 = 0;
  let runs28 = 0;
  let oldest = now;
  let longest: number | undefined;
  let week = 0;
  let longestThisWeek = 0;
  let total28 = 0;
  let justBefore: HistoryStats['justBefore'];
  for (const run of earlier) {
    const t = startMs(run);
    const age = now - t;
    if (!(age > 0 || (age === 0 && run !== activity)) || age > WINDOW_DAYS * DAY_MS) continue;
    runs42++;
    if (t < oldest) oldest = t;
    longest = Math.max(longest ?? 0, run.distance);
    if (run.average_heartrate) heartrates.push(run.average_heartrate);
    if (run.suffer_score != null && run.moving_time > 0) {
      suffer.push(run.suffer_score / (run.moving_time / 60));
    }
    if (age < 7 * DAY_MS) week += run.distance;
    if (age < 6 * DAY_MS) longestThisWeek = Math.max(longestThisWeek, run.distance);
    const gap = (now - (t + run.elapsed_time * 1000)) / 1000;
    if (gap >= -60 && gap <= 45 * 60 && (!justBefore || gap < justBefore.gapSeconds)) {
      justBefore = { name: run.name, distance: run.distance, gapSeconds: Math.max(0, gap) };
    }
    if (age > 28 * DAY_MS) continue;
    runs28++;
    total28 += run.distance;
    if (run.distance >= FRAGMENT_METRES && run.moving_time >= FRAGMENT_SECONDS) {
      distances28.push(run.distance);
      times28.push(run.moving_time);
      const v = effortSpeed(run);
      if (v !== undefined && !run.trainer) speeds28.push(v);
      const top = topSpeedRatio(run);
      if (top !== undefined) tops28.push(top);
    }
  }
  return {
    runs42,
    runs28,
    spanDays: (now - oldest) / DAY_MS,
    typicalDistance: quantile(distances28, 0.5),
    typicalMovingTime: quantile(times28, 0.5),
    typicalSpeed: speeds28.length >= 3 ? quantile(speeds28, 0.5) : undefined,
    typicalTopRatio: tops28.length >= 3 ? quantile(tops28, 0.5) : undefined,
    longestDistance: longest,
    weekDistance: week,
    longestThisWeek,
    weeklyAverage: total28 / 4,
    typicalHeartrate: quantile(heartrates, 0.5),
    typicalSufferPerMinute: quantile(suffer, 0.5),
    justBefore,
  };
}
