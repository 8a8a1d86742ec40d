// The fault-schedule property: many random schedules against one simulator, totals kept for the
// summary line. Shared by `npm run test:faults` and the small in-vitest run.
import fc from 'fast-check';
import type { Simulator } from '../strava-sim/server';
import { runSchedule, type ScheduleResult } from './run-schedule';
import { type Schedule, scheduleArb } from './schedule';

export interface PropertyOutcome {
  /** Schedules run before the first failure (or all of them). */
  schedules: number;
  lost: number;
  duplicated: number;
  failed: boolean;
  seed: number;
  /** How the passes ended, over all counted schedules ('ok', 'died', StravaError kinds). */
  outcomes: Record<string, number>;
  /** fast-check's replay path of the shrunk counterexample. */
  path?: string;
  counterexample?: Schedule;
  result?: ScheduleResult;
  error?: string;
}

export async function checkSchedules(
  sim: Simulator,
  opts: {
    numRuns: number;
    seed: number;
    path?: string;
    onProgress?: (
      done: number,
      totals: { lost: number; duplicated: number; passes: number; died: number; requests: number },
    ) => void;
  },
): Promise<PropertyOutcome> {
  let done = 0;
  let lost = 0;
  let duplicated = 0;
  const work = { passes: 0, died: 0, requests: 0 };
  const outcomes: Record<string, number> = {};
  // Totals stop at the first failure: shrinking re-runs smaller schedules that must not count.
  let frozen: { schedules: number; lost: number; duplicated: number } | null = null;
  const property = fc.asyncProperty(scheduleArb, async (schedule) => {
    const r = await runSchedule(sim, schedule);
    if (!frozen) {
      done++;
      lost += r.lost;
      duplicated += r.duplicated;
      work.passes += r.passes;
      work.died += r.died;
      work.requests += r.requests;
      for (const [k, n] of Object.entries(r.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + n;
      opts.onProgress?.(done, { lost, duplicated, ...work });
      if (r.violations.length) frozen = { schedules: done, lost, duplicated };
    }
    if (r.violations.length) throw new Error(r.violations.join('\n'));
  });
  const details = await fc.check(property, {
    numRuns: opts.numRuns,
    seed: opts.seed,
    path: opts.path,
    endOnFailure: false,
  });
  const totals = frozen ?? { schedules: done, lost, duplicated };
  if (!details.failed) return { ...totals, outcomes, failed: false, seed: details.seed };
  const counterexample = details.counterexample?.[0];
  return {
    ...totals,
    outcomes,
    failed: true,
    seed: details.seed,
    path: details.counterexamplePath ?? undefined,
    counterexample,
    result: counterexample ? await runSchedule(sim, counterexample) : undefined,
    error: String((details.errorInstance as Error | undefined)?.message ?? details.errorInstance),
  };
}
