import type { Activity } from '../model/activity';
import type { Classification } from '../model/classification';
import type { Profile } from '../model/profile';
import { DAY_MS } from '../time';
import { fromTag } from './from-tag';
import { type HistoryStats, historyStats, WINDOW_DAYS } from './history-stats';
import { inferKind } from './infer-kind';
import { type RunFeatures, runFeatures } from './run-features';
import { startMs } from './start-ms';
import { TagProfile } from './tag-profile';

/** A classification with what it was computed from, for evaluation and debugging. */
export interface ClassifiedRun {
  classification: Classification;
  /** What the run would be without its own tag (equals `classification` for untagged runs). */
  inferred: Classification;
  features: RunFeatures;
  stats: HistoryStats;
}

/**
 * Classifies one athlete's runs in time order, keeping only a trailing window of runs plus what
 * their tags taught, so that each run costs the same however long the history is. Feed runs
 * oldest first: `classify` a run, then `add` it.
 */
export class ClassifierSession {
  private readonly window: Activity[] = [];
  private readonly tags = new TagProfile();
  private last: { activity: Activity; features: RunFeatures } | undefined;

  constructor(private readonly profile: Profile) {}

  classify(activity: Activity): ClassifiedRun {
    this.trim(startMs(activity));
    const stats = historyStats(activity, this.window);
    const features = runFeatures(activity, stats, this.profile);
    this.last = { activity, features };
    const inferred = inferKind(features, stats, this.tags, this.profile);
    const tag = fromTag(activity.workout_type);
    if (!tag) return { classification: inferred, inferred, features, stats };
    // A race the runner tagged as a long run is still a race (the name tells).
    const race =
      tag.race ||
      (features.name.race !== undefined && !features.name.easy && !features.name.warmup);
    const reasons = ['tagged on Strava'];
    if (race && !tag.race) reasons.push(`the name "${features.name.race}" reads like a race`);
    return {
      classification: { kind: tag.kind, race, confidence: 1, source: 'strava-tag', reasons },
      inferred,
      features,
      stats,
    };
  }

  /** Records a run (with its tag) as history for the runs after it. */
  add(activity: Activity): void {
    this.trim(startMs(activity));
    // Tagged runs teach what the runner calls a workout or a long run; untagged ones what their
    // other runs look like, so that a tag's signal is judged against them.
    const features =
      this.last?.activity.id === activity.id &&
      this.last.activity.start_date === activity.start_date
        ? this.last.features
        : runFeatures(activity, historyStats(activity, this.window), this.profile);
    this.tags.observe(features, fromTag(activity.workout_type));
    this.window.push(activity);
  }

  private trim(now: number): void {
    let drop = 0;
    while (drop < this.window.length && now - startMs(this.window[drop]!) > WINDOW_DAYS * DAY_MS) {
      drop++;
    }
    if (drop > 0) this.window.splice(0, drop);
  }
}
