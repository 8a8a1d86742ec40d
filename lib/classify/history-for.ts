import { type Activity, isRun } from '../model/activity';
import { DAY_MS } from '../time';
import { startMs } from './start-ms';

/**
 * The history `classify` needs for `activity`, from the app's stored activities (summaries or
 * details, any order, any sport): runs that started before it within `days` (a year by default,
 * enough for its tags to teach personal thresholds), oldest first, without laps, splits and
 * streams, which only the run being classified uses.
 */
export function historyFor(
  activity: Pick<Activity, 'id' | 'start_date' | 'start_date_local'>,
  stored: readonly Activity[],
  days = 365,
): Activity[] {
  const start = startMs(activity);
  return stored
    .filter((a) => {
      const age = start - startMs(a);
      return a.id !== activity.id && isRun(a) && age >= 0 && age <= days * DAY_MS;
    })
    .sort((a, b) => startMs(a) - startMs(b))
    .map(({ laps: _laps, splits_metric: _splits, streams: _streams, ...summary }) => summary);
}
