import type { Activity } from '../model/activity';

// Each metre climbed costs about as much as several metres on the flat; on a loop part of it comes
// back downhill, so a conservative factor keeps hilly and trail runs comparable to flat ones.
const CLIMB_FACTOR = 6;

/** Flat-equivalent speed, m/s: a slow hilly trail run can be as hard as a fast flat one. */
export function effortSpeed(
  run: Pick<Activity, 'distance' | 'moving_time' | 'total_elevation_gain' | 'trainer'>,
): number | undefined {
  if (!(run.moving_time > 0) || !(run.distance > 0)) return undefined;
  const climb = run.trainer ? 0 : Math.max(0, run.total_elevation_gain ?? 0);
  return (run.distance + CLIMB_FACTOR * climb) / run.moving_time;
}
