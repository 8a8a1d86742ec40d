// Classify and plan one activity against what we already know: the pure core, fed from storage.
import { type Activity, endOf, isRun } from '../activity';
import type { CheckIn, WeighIn } from '../check-in';
import type { Classification } from '../classify/classification';
import { classify } from '../classify/classify';
import { historyFor } from '../classify/history-for';
import type { Profile } from '../profile';
import { plan } from '../recovery/plan';
import type { Plan } from '../recovery/plan-types';
import type { StoredRun } from '../store/collections';

export interface Known {
  runs: ReadonlyMap<number, StoredRun>;
  checkIns: readonly CheckIn[];
  weighIns: readonly WeighIn[];
  profile: Profile;
}

/** A run's plan counts toward others' readiness while it still counts down. */
export function activePlans(runs: Iterable<StoredRun>, exceptId: number, now: number): Plan[] {
  const out: Plan[] = [];
  for (const r of runs) {
    if (r.plan && r.activity.id !== exceptId && r.plan.readyAt > now && r.plan.runEndedAt <= now) {
      out.push(r.plan);
    }
  }
  return out;
}

export function classifyAndPlan(
  activity: Activity,
  known: Known,
  now: number,
  keepClassification?: Classification | null,
): { classification: Classification | null; plan: Plan | null } {
  if (!isRun(activity) || !Number.isFinite(endOf(activity))) {
    return { classification: null, plan: null };
  }
  const stored = [...known.runs.values()].map((r) => r.activity);
  const history = historyFor(activity, stored);
  const classification = keepClassification ?? classify(activity, history, known.profile);
  const p = plan(
    activity,
    classification,
    history,
    known.profile,
    { daily: known.checkIns, weighIns: known.weighIns },
    activePlans(known.runs.values(), activity.id, now),
    now,
  );
  return { classification, plan: p };
}
