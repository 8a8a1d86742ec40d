// The fault-schedule property: many random schedules against the simulators, every schedule run
// to the end and counted (a failure does not stop the run, so the totals cover all N). The
// first failures are kept with the seed and fast-check path that replay each one alone.
import fc from 'fast-check';
import type { Simulator } from '../strava-sim/server';
import { runSchedule, type ScheduleResult } from './run-schedule';
import { type Schedule, scheduleArb } from './schedule';

export interface Totals {
  schedules: number;
  lost: number;
  stale: number;
  duplicated: number;
  unannounced: number;
  reconnects: number;
  excusedReconnects: number;
  overBudget: number;
  passes: number;
  died: number;
  requests: number;
}

interface Failure {
  /** fast-check's replay path of this schedule (`--seed S --path P`). */
  path: string;
  schedule: Schedule;
  result: ScheduleResult;
}

export interface PropertyOutcome extends Totals {
  seed: number;
  /** How the passes ended, over all schedules ('ok', 'died', error kinds). */
  outcomes: Record<string, number>;
  /** Fault kinds that happened, and in how many schedules. */
  kinds: Record<string, number>;
  /** Violations by shape (ids and times blanked), over all schedules. */
  shapes: Record<string, number>;
  failures: Failure[];
  failed: boolean;
}

export const failuresOf = (
  t: Pick<Totals, 'lost' | 'duplicated' | 'unannounced' | 'reconnects' | 'overBudget'>,
) => t.lost + t.duplicated + t.unannounced + t.reconnects + t.overBudget;

export async function checkSchedules(
  sims: { short: Simulator; long?: Simulator },
  opts: {
    numRuns: number;
    seed: number;
    path?: string;
    /** Failures kept in full (the rest are only counted). */
    keep?: number;
    onProgress?: (done: number, totals: Totals) => void;
  },
): Promise<PropertyOutcome> {
  const t: Totals = {
    schedules: 0,
    lost: 0,
    stale: 0,
    duplicated: 0,
    unannounced: 0,
    reconnects: 0,
    excusedReconnects: 0,
    overBudget: 0,
    passes: 0,
    died: 0,
    requests: 0,
  };
  const outcomes: Record<string, number> = {};
  const kinds: Record<string, number> = {};
  const failures: Failure[] = [];
  const shapes: Record<string, number> = {};
  const base = opts.path ? Number(opts.path.split(':')[0]) : 0;
  let index = 0;
  const property = fc.asyncProperty(scheduleArb, async (schedule) => {
    const r = await runSchedule(sims, schedule);
    t.schedules++;
    t.lost += r.lost;
    t.stale += r.stale;
    t.duplicated += r.duplicated;
    t.unannounced += r.unannounced;
    t.reconnects += r.reconnects;
    t.excusedReconnects += r.excusedReconnects;
    t.overBudget += r.overBudget;
    t.passes += r.passes;
    t.died += r.died;
    t.requests += r.requests;
    for (const [k, n] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
    for (const k of r.kinds) kinds[k] = (kinds[k] ?? 0) + 1;
    for (const v of r.violations) {
      const shape = v
        .replace(/\([^)]*\)/g, '(…)')
        .replace(/"[^"]*"/g, '"…"')
        .replace(/[\d:.TZ-]{4,}/g, '#');
      shapes[shape] = (shapes[shape] ?? 0) + 1;
    }
    if (failuresOf(r) > 0 && failures.length < (opts.keep ?? 3))
      failures.push({ path: String(base + index), schedule, result: r });
    index++;
    opts.onProgress?.(t.schedules, t);
  });
  const details = await fc.check(property, {
    numRuns: opts.numRuns,
    seed: opts.seed,
    path: opts.path,
    endOnFailure: true,
  });
  if (details.failed) throw details.errorInstance ?? new Error('fault property failed');
  return {
    ...t,
    seed: details.seed,
    outcomes,
    kinds,
    shapes,
    failures,
    failed: failuresOf(t) > 0,
  };
}
