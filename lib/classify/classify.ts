import { type Activity, isRun } from '../model/activity';
import type { Classification } from '../model/classification';
import type { Profile } from '../model/profile';
import { ClassifierSession } from './classifier-session';
import { startMs } from './start-ms';

/**
 * Classifies a finished run as easy, workout or long. The runner's own Strava tag wins; otherwise
 * the kind is inferred from the run against `history` (the athlete's earlier runs, any order,
 * summaries or details, with their own tags). Runs in `history` that did not start before
 * `activity`, and non-runs, are ignored.
 */
export function classify(
  activity: Activity,
  history: readonly Activity[],
  profile: Profile,
): Classification {
  const start = startMs(activity);
  const earlier = history
    .filter((run) => run.id !== activity.id && startMs(run) <= start && isRunLike(run))
    .sort((a, b) => startMs(a) - startMs(b));
  const session = new ClassifierSession(profile);
  for (const run of earlier) {
    session.add(run);
  }
  return session.classify(activity).classification;
}

function isRunLike(run: Activity): boolean {
  return isRun(run) && Number.isFinite(run.distance) && Number.isFinite(run.moving_time);
}
