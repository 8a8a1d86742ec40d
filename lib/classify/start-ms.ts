import type { Activity } from '../model/activity';

/**
 * When a run started, epoch ms. Prefers UTC `start_date`; some imports carry only
 * `start_date_local`, which is still fine for the day-scale windows the classifier uses.
 */
export function startMs(activity: Pick<Activity, 'start_date' | 'start_date_local'>): number {
  const iso = activity.start_date || activity.start_date_local;
  if (!iso) return Number.NaN;
  // Date.parse dominates the cost of a classification when repeated over the history window.
  let ms = parsed.get(iso);
  if (ms === undefined) {
    if (parsed.size > 50_000) parsed.clear();
    ms = Date.parse(iso);
    parsed.set(iso, ms);
  }
  return ms;
}

const parsed = new Map<string, number>();
