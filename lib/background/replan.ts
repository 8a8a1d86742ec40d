// Rebuilds the plans that the runner's own entries (check-ins, weigh-ins, imports) can still move.

import { classifyAndPlan, readKnown } from '../sync/plan-run';
import { DAY_MS } from '../time';
import type { AppContext } from './context';
import { readProfile } from './profile';

/** Check-ins move readiness for up to four days after a run. */
const REPLAN_WITHIN_MS = 5 * DAY_MS;

export async function replanRecent(ctx: AppContext): Promise<void> {
  const c = ctx.collections;
  const t = ctx.now();
  const known = await readKnown(c, await readProfile(ctx));
  const recent = [...known.runs.values()]
    .filter((r) => r.plan && r.plan.runEndedAt > t - REPLAN_WITHIN_MS)
    .sort((a, b) => a.plan!.runEndedAt - b.plan!.runEndedAt);
  for (const r of recent) {
    const next = classifyAndPlan(r.activity, known, t, r.classification);
    const updated = { ...r, plan: next.plan };
    await c.runs.put(r.activity.id, updated);
    known.runs.set(r.activity.id, updated);
  }
}
