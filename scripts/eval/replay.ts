import { type ClassifiedRun, ClassifierSession } from '../../lib/classify/classifier-session';
import { startMs } from '../../lib/classify/start-ms';
import type { Activity } from '../../lib/model/activity';
import type { Profile } from '../../lib/model/profile';
import type { RunKind } from '../../lib/model/run-kind';
import { DAY_MS } from '../../lib/time';
import { naiveBaseline } from './naive-baseline';

export interface ReplayedRun {
  run: Activity;
  predicted: RunKind;
  baseline: RunKind;
  detail: ClassifiedRun;
}

export interface Replay {
  runs: ReplayedRun[];
  /** Time spent in the classifier alone, ms. */
  classifyMs: number;
}

/**
 * Replays one athlete's runs (already in order) oldest first. The classifier sees each run
 * without its own `workout_type`, and only the runs before it, with their tags.
 */
export function replay(
  ordered: readonly Activity[],
  profile: Profile,
  clock: () => number = () => performance.now(),
): Replay {
  const session = new ClassifierSession(profile);
  const out: ReplayedRun[] = [];
  const trailing: Activity[] = [];
  let classifyMs = 0;
  for (const run of ordered) {
    const hidden: Activity = { ...run, workout_type: undefined };
    const t0 = clock();
    const detail = session.classify(hidden);
    session.add(run);
    classifyMs += clock() - t0;
    const now = startMs(run);
    while (trailing.length && now - startMs(trailing[0]!) > 28 * DAY_MS) trailing.shift();
    out.push({
      run,
      predicted: detail.classification.kind,
      baseline: naiveBaseline(run, trailing),
      detail,
    });
    trailing.push(run);
  }
  return { runs: out, classifyMs };
}
