import type { Activity } from '../model/activity';

/**
 * Top speed over average speed: reps, surges and sprint finishes raise it, steady running does
 * not. Undefined without both speeds, and for manual entries and treadmills (no real top speed).
 */
export function topSpeedRatio(
  run: Pick<Activity, 'max_speed' | 'average_speed' | 'manual' | 'trainer'>,
): number | undefined {
  if (run.manual || run.trainer || !run.max_speed || !run.average_speed) return undefined;
  return run.max_speed / run.average_speed;
}
