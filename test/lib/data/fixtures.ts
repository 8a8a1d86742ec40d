// Runs as the popup and the export see them, planned by the real plan builder so the schemas are
// tested against real plans, not hand-made ones.

import { endOf } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { RunKind } from '../../../lib/model/run-kind';
import type { RunView } from '../../../lib/model/run-view';
import { plan } from '../../../lib/recovery/plan';
import { classification, profile, run } from '../recovery/fixtures';

export const HOUR = 3_600_000;

export function runView(
  id: number,
  start: string,
  opts: { kind?: RunKind; name?: string; done?: string[]; now?: number } = {},
): RunView {
  const activity = run({ id, start_date: start, name: opts.name ?? `Run ${id}` });
  const c = classification(opts.kind ?? 'workout');
  const now = opts.now ?? Date.parse(start) + 2 * HOUR;
  return {
    activity: {
      id: activity.id,
      name: activity.name,
      sport_type: activity.sport_type,
      start_date: activity.start_date,
      start_date_local: activity.start_date,
      distance: activity.distance,
      moving_time: activity.moving_time,
      elapsed_time: activity.elapsed_time,
    },
    classification: c,
    // First seen when a prompt sync brought it, two minutes after the run.
    plan: plan(activity, c, [], profile(), { daily: [], weighIns: [] }, [], now, {
      firstSeenAt: endOf(activity) + 2 * 60_000,
    }),
    done: opts.done ?? [],
    checkIns: [],
  };
}

export function checkIn(date: string, fields: Partial<CheckIn> = {}): CheckIn {
  return { date, updatedAt: Date.parse(`${date}T07:00:00Z`), ...fields };
}
