import type { RunKind } from '../model/run-kind';
import { quantile } from './quantile';
import type { RunFeatures } from './run-features';

// Only recent tags count: runners change, and so does what they call a long run.
const KEEP = 40;

/**
 * What the athlete's own earlier Strava tags teach about their personal thresholds. Built run by
 * run (oldest first) so that a replay can keep one and grow it.
 */
export class TagProfile {
  private readonly longRatios: number[] = [];
  private readonly longDistances: number[] = [];
  private readonly workoutSpeedRatios: number[] = [];

  /** Records one earlier tagged run. */
  observe(features: RunFeatures, tag: { kind: RunKind; race: boolean }): void {
    if (tag.kind === 'long') {
      if (features.distanceRatio !== undefined) push(this.longRatios, features.distanceRatio);
      push(this.longDistances, features.distance);
    } else if (tag.kind === 'workout' && !tag.race) {
      if (features.speedRatio !== undefined) push(this.workoutSpeedRatios, features.speedRatio);
    }
  }

  /** The distance ratio above which this athlete calls runs long, with how sure we are (0..1). */
  longRatio(fallback: number): { value: number; weight: number } {
    const n = this.longRatios.length;
    const learned = quantile(this.longRatios, 0.2);
    if (learned === undefined || n < 3) return { value: fallback, weight: 0 };
    const weight = n / (n + 5);
    return { value: weight * clamp(learned, 1.2, 2.5) + (1 - weight) * fallback, weight };
  }

  /** The shortest distance this athlete has recently called long (10th percentile). */
  longDistance(fallback: number): { value: number; weight: number } {
    const n = this.longDistances.length;
    const learned = quantile(this.longDistances, 0.1);
    if (learned === undefined || n < 3) return { value: fallback, weight: 0 };
    const weight = n / (n + 5);
    return { value: weight * learned + (1 - weight) * fallback, weight };
  }

  /** Median pace ratio of the athlete's tagged workouts. */
  workoutSpeedRatio(): number | undefined {
    return this.workoutSpeedRatios.length >= 3 ? quantile(this.workoutSpeedRatios, 0.5) : undefined;
  }
}

function push(list: number[], value: number): void {
  list.push(value);
  if (list.length > KEEP) list.shift();
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
