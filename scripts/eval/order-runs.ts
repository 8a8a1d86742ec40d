import { z } from 'zod/mini';
import { type Activity, ActivitySchema, isRun } from '../../lib/model/activity';

/** A run as stored in a labeled-runs file: `start_date` may be missing. */
const LabeledRunSchema = z.extend(ActivitySchema, { start_date: z.optional(z.string()) });
export type LabeledRun = z.output<typeof LabeledRunSchema>;

/**
 * One athlete's runs in replay order: by `start_date`, else by `start_date_local` (stable, so
 * runs with the same start keep file order). Non-runs are dropped. Runs without `start_date`
 * get their local time there, which keeps day-scale windows right.
 */
export function orderRuns(raw: readonly LabeledRun[]): Activity[] {
  const key = (r: LabeledRun) => Date.parse(r.start_date ?? r.start_date_local ?? '');
  return raw
    .filter((r) => isRun(r) && Number.isFinite(key(r)))
    .map((r, i) => ({ r, i, t: key(r) }))
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ r }) => ({ ...r, start_date: r.start_date ?? r.start_date_local! }));
}
