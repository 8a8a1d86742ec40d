import type { Activity } from '../activity';

/**
 * When a run started, epoch ms. Prefers UTC `start_date`; some imports carry only
 * `start_date_local`, which is still fine for the day-scale windows the classifier uses.
 */
export function startMs(activity: Pick<Activity, 'start_date' | 'start_date_local'>): number {
  const iso = activity.start_date || activity.start_date_local;
  return iso ? Date.parse(iso) : Number.NaN;
}
