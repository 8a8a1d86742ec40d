import { quantile } from '../../lib/classify/quantile';
import { startMs } from '../../lib/classify/start-ms';
import type { Activity } from '../../lib/model/activity';
import type { RunKind } from '../../lib/model/run-kind';
import { DAY_MS } from '../../lib/time';

const WORKOUT_NAME =
  /tempo|interval|repeat|fartlek|track|threshold|hill|race|progression|workout|\d+\s?x\s?\d+/i;

/**
 * The naive baseline: long by duration or distance against the 28-day median, then
 * workout by name, then workout by speed against the 28-day median, else easy. `earlier` is
 * the athlete's runs before this one (any that are older than 28 days are ignored).
 */
export function naiveBaseline(run: Activity, earlier: readonly Activity[]): RunKind {
  const now = startMs(run);
  const recent = earlier.filter((r) => {
    const age = now - startMs(r);
    return age >= 0 && age <= 28 * DAY_MS;
  });
  const medianDistance = quantile(
    recent.map((r) => r.distance),
    0.5,
  );
  const longFrom = Math.max(1.5 * (medianDistance ?? 0), 14_000);
  if (run.moving_time >= 90 * 60 || run.distance >= longFrom) return 'long';
  if (WORKOUT_NAME.test(run.name)) return 'workout';
  const medianSpeed = quantile(
    recent.map(speedOf).filter((v): v is number => v !== undefined),
    0.5,
  );
  const speed = speedOf(run);
  if (speed !== undefined && medianSpeed !== undefined && speed >= 1.07 * medianSpeed) {
    return 'workout';
  }
  return 'easy';
}

/** The workout-like name test of the baseline, shared with the lap-agreement report. */
export function hasWorkoutName(name: string): boolean {
  return WORKOUT_NAME.test(name);
}

function speedOf(r: Activity): number | undefined {
  if (r.average_speed !== undefined && r.average_speed > 0) return r.average_speed;
  return r.moving_time > 0 ? r.distance / r.moving_time : undefined;
}
