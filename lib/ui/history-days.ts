// The data behind the popup's 14-day chart: one row per local date, oldest first, with that
// morning's check-in and the readiness of the runs of that day. Pure, so it is tested apart.

import type { CheckIn } from '../model/check-in';
import type { RunView } from '../model/run-view';
import { DAY_MS } from '../time';
import { runDateKey } from './format-run-date';

export interface HistoryDay {
  date: string;
  sleepHours?: number;
  soreness?: number;
  /** Longest readiness of the runs that day, hours. */
  readinessHours?: number;
  runs: number;
}

export function historyDays(
  checkIns: readonly CheckIn[],
  runs: readonly RunView[],
  today: string,
  timeZone: string,
  days = 14,
): HistoryDay[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  if (!Number.isFinite(end)) return [];
  // Calendar arithmetic on UTC midnights of date keys: no instant, no zone, no DST.
  const rows: HistoryDay[] = Array.from({ length: days }, (_, i) => ({
    date: new Date(end - (days - 1 - i) * DAY_MS).toISOString().slice(0, 10),
    runs: 0,
  }));
  const byDate = new Map(rows.map((r) => [r.date, r]));
  for (const c of checkIns) {
    const row = byDate.get(c.date);
    if (!row) continue;
    if (c.sleepHours !== undefined) row.sleepHours = c.sleepHours;
    if (c.soreness !== undefined) row.soreness = c.soreness;
  }
  const seen = new Set<number>();
  for (const run of runs) {
    if (seen.has(run.activity.id)) continue;
    seen.add(run.activity.id);
    const row = byDate.get(runDateKey(run.activity, timeZone));
    if (!row) continue;
    row.runs++;
    row.readinessHours = Math.max(row.readinessHours ?? 0, run.plan.readiness.hours);
  }
  return rows;
}
