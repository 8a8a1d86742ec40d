import type { Activity } from '../../lib/model/activity';

/**
 * A run as the list endpoint gives it: no laps, splits or streams (those need the detail or
 * streams calls). Athletes the classifier never saw are measured this way, so the eval can be too.
 */
export function summaryOnly({
  laps: _laps,
  splits_metric: _splits,
  streams: _streams,
  ...summary
}: Activity): Activity {
  return summary;
}
