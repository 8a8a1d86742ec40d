import type { Plan, Step } from '../model/plan';
import { PRIORITY_RANK } from '../model/priority';
import { ALSO_WORTH_KNOWING } from '../model/step-ids';
import { HOUR_MS } from '../time';

/**
 * The step to show next at `now`: among steps not done whose window has not closed, an open one
 * that closes soonest (ties by plan order), else the one that opens soonest. Undefined when
 * nothing is left. `done` holds step ids the runner ticked off.
 */
export function nextStep(
  plan: Pick<Plan, 'steps'>,
  now: number,
  done: Iterable<string> = [],
): Step | undefined {
  const doneIds = new Set(done);
  const left = plan.steps.filter((step) => !doneIds.has(step.id) && step.endsAt > now);
  const open = left.filter((step) => step.startsAt <= now);
  const pool = open.length ? open : left;
  const key = (step: Step) => (open.length ? step.endsAt : step.startsAt);
  let best: Step | undefined;
  for (const step of pool) if (!best || key(step) < key(best)) best = step;
  return best;
}

/** Steps that open within this long may be listed up front; the rest wait behind "more". */
const SOON_MS = 2 * HOUR_MS;
/** Right after a run most steps are open at once; a view shows at most this many up front. */
const MAX_UPFRONT = 6;

/** What a view shows of a plan at `now`: the front, the rest behind "more", and the extras. */
export interface PlanFront {
  /** At most six steps the runner can still do, opening soon: essentials first, then by closing. */
  front: Step[];
  /** Everything else still to come, in plan order. */
  more: Step[];
  /** The don'ts and optional extras still open, for one "also worth knowing" line. */
  extras: Step[];
}

export function planFront(
  plan: Pick<Plan, 'steps'>,
  now: number,
  done: readonly string[] = [],
): PlanFront {
  const left = plan.steps.filter((s) => !done.includes(s.id) && s.endsAt > now);
  const tasks = left.filter((s) => !ALSO_WORTH_KNOWING.has(s.id));
  // Essentials first, then what closes soonest: a meal due within the hour before 4 h of fluids.
  const front = tasks
    .filter((s) => s.startsAt <= now + SOON_MS)
    .sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.endsAt - b.endsAt)
    .slice(0, MAX_UPFRONT);
  const chosen = new Set(front);
  return {
    front,
    more: tasks.filter((s) => !chosen.has(s)),
    extras: left.filter((s) => ALSO_WORTH_KNOWING.has(s.id)),
  };
}

/** The steps a view shows before "more". */
export function upFrontSteps(
  plan: Pick<Plan, 'steps'>,
  now: number,
  done: readonly string[] = [],
): Step[] {
  return planFront(plan, now, done).front;
}
