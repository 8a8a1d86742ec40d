import type { RunKind } from '../model/run-kind';
import { quantile } from './quantile';
import type { RunFeatures } from './run-features';

// Only recent runs count: runners change, and so does what they call a long run or a workout.
const KEEP = 40;
const KEEP_UNTAGGED = 60;
// Three tags of a kind are enough to learn from ("after three tags" in the issue).
const MIN_TAGS = 3;
// Fewer untagged runs than this and "usual" is the history's median itself, i.e. 1.
const MIN_UNTAGGED = 5;

/** A summary measure of a run against the runner's usual, which their tags may single out. */
export type WorkoutSignal = 'pace' | 'topSpeed' | 'heartrate';

/** What the runner's tagged workouts have in common, learned from their tags. */
export interface LearnedSignal {
  signal: WorkoutSignal;
  /** Median ratio of the tagged workouts (1.09 = 9 % above the usual). */
  tagged: number;
  /** An untagged run at or above this is like them. */
  threshold: number;
  /** How many tags it was learned from. */
  tags: number;
}

// How far the tagged workouts must stand above the untagged runs before the signal is trusted:
// pace and heart rate vary a few per cent from day to day, top speed (GPS) more.
const MIN_GAP: Record<WorkoutSignal, number> = { pace: 0.03, topSpeed: 0.06, heartrate: 0.03 };
// The threshold must leave most untagged runs below it and most tagged workouts above it:
// otherwise the tags do not tell this runner's workouts apart by that measure.
const MAX_UNTAGGED_ABOVE = 0.25;
const MIN_TAGGED_ABOVE = 0.6;

const SIGNALS: readonly WorkoutSignal[] = ['pace', 'topSpeed', 'heartrate'];

/** The value of one signal for a run, undefined when it cannot be measured. */
function signalOf(f: RunFeatures, signal: WorkoutSignal): number | undefined {
  if (signal === 'pace') return f.manual || f.fragment ? undefined : f.speedRatio;
  if (signal === 'topSpeed') return f.fragment ? undefined : f.topSpeedRatio;
  return f.heartrateRatio;
}

/**
 * What the athlete's own tags (Strava's workout_type, or their corrections) teach about their
 * personal thresholds: medians, quantiles and ratios of their runs, nothing fitted. Built run by
 * run (oldest first) so that a replay can keep one and grow it.
 */
export class TagProfile {
  private readonly longRatios: number[] = [];
  private readonly longDistances: number[] = [];
  private readonly workout: Record<WorkoutSignal, number[]> = {
    pace: [],
    topSpeed: [],
    heartrate: [],
  };
  private readonly untagged: Record<WorkoutSignal, number[]> = {
    pace: [],
    topSpeed: [],
    heartrate: [],
  };
  private learned: LearnedSignal[] | undefined;

  /** Records one earlier run: `tag` is its kind when the runner tagged it, else null. */
  observe(features: RunFeatures, tag: { kind: RunKind; race: boolean } | null): void {
    this.learned = undefined;
    if (!tag) {
      for (const s of SIGNALS) push(this.untagged[s], signalOf(features, s), KEEP_UNTAGGED);
      return;
    }
    if (tag.kind === 'long') {
      push(this.longRatios, features.distanceRatio, KEEP);
      push(this.longDistances, features.distance, KEEP);
    } else if (tag.kind === 'workout' && !tag.race) {
      // Races are run harder than any workout: they would set the bar too high.
      for (const s of SIGNALS) push(this.workout[s], signalOf(features, s), KEEP);
    }
  }

  /** The distance ratio above which this athlete calls runs long, with how sure we are (0..1). */
  longRatio(fallback: number): { value: number; weight: number } {
    const n = this.longRatios.length;
    const learned = quantile(this.longRatios, 0.2);
    if (learned === undefined || n < MIN_TAGS) return { value: fallback, weight: 0 };
    const weight = n / (n + 5);
    return { value: weight * clamp(learned, 1.2, 2.5) + (1 - weight) * fallback, weight };
  }

  /** The shortest distance this athlete has recently called long (10th percentile). */
  longDistance(fallback: number): { value: number; weight: number } {
    const n = this.longDistances.length;
    const learned = quantile(this.longDistances, 0.1);
    if (learned === undefined || n < MIN_TAGS) return { value: fallback, weight: 0 };
    const weight = n / (n + 5);
    return { value: weight * learned + (1 - weight) * fallback, weight };
  }

  /** The learned signals by which `f` looks like this runner's tagged workouts, with its value. */
  likeWorkouts(f: RunFeatures): (LearnedSignal & { value: number })[] {
    return this.workoutSignals().flatMap((l) => {
      const value = signalOf(f, l.signal);
      return value !== undefined && value >= l.threshold ? [{ ...l, value }] : [];
    });
  }

  /** The measures by which this runner's tagged workouts stand out from their other runs. */
  workoutSignals(): readonly LearnedSignal[] {
    this.learned ??= SIGNALS.flatMap((s) => {
      const learned = learn(s, this.workout[s], this.untagged[s]);
      return learned ? [learned] : [];
    });
    return this.learned;
  }
}

function learn(
  signal: WorkoutSignal,
  tagged: readonly number[],
  untagged: readonly number[],
): LearnedSignal | undefined {
  if (tagged.length < MIN_TAGS) return undefined;
  const mid = quantile(tagged, 0.5)!;
  const usual = untagged.length >= MIN_UNTAGGED ? quantile(untagged, 0.5)! : 1;
  // A workout signal lies above the runner's usual, by a clear gap.
  if (mid <= 1 || mid < usual + MIN_GAP[signal]) return undefined;
  const threshold = (mid + usual) / 2;
  const share = (values: readonly number[]) =>
    values.filter((v) => v >= threshold).length / values.length;
  if (untagged.length >= MIN_UNTAGGED && share(untagged) > MAX_UNTAGGED_ABOVE) return undefined;
  if (share(tagged) < MIN_TAGGED_ABOVE) return undefined;
  return { signal, tagged: mid, threshold, tags: tagged.length };
}

function push(list: number[], value: number | undefined, keep: number): void {
  if (value === undefined) return;
  list.push(value);
  if (list.length > keep) list.shift();
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}
