// Classify and plan one activity against what we already know: the pure core, fed from storage.
import { classify } from '../classify/classify';
import { historyFor } from '../classify/history-for';
import { type Activity, endOf, isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import type { Classification } from '../model/classification';
import type { Plan } from '../model/plan';
import type { Profile } from '../model/profile';
import { type PlanKind, planKindOf } from '../model/run-kind';
import { classificationFromRunnerTag, WORKOUT_TYPE_OF } from '../model/runner-tag';
import type { StoredRun } from '../model/stored-run';
import type { WeighIn } from '../model/weigh-in';
import { type PlanOptions, plan } from '../recovery/plan';
import type { Collections } from '../store/collections';

export interface Known {
  runs: ReadonlyMap<number, StoredRun>;
  checkIns: readonly CheckIn[];
  weighIns: readonly WeighIn[];
  profile: Profile;
  /** What the runner told us about the days ahead (the next hard session); none by default. */
  planOptions?: PlanOptions;
}

/** Everything stored that a plan reads, in one read of each collection. */
export async function readKnown(
  c: Collections,
  profile: Profile,
): Promise<Known & { runs: Map<number, StoredRun> }> {
  const [runs, checkIns, weighIns] = await Promise.all([
    c.runs.all(),
    c.checkIns.all(),
    c.weighIns.all(),
  ]);
  return {
    runs: new Map(runs.map(([, r]) => [r.activity.id, r])),
    checkIns: checkIns.map(([, v]) => v),
    weighIns: weighIns.map(([, v]) => v),
    profile,
  };
}

/** A run's plan counts toward others' readiness while it still counts down. */
function activePlans(runs: Iterable<StoredRun>, exceptId: number, now: number): Plan[] {
  const out: Plan[] = [];
  for (const r of runs) {
    if (r.plan && r.activity.id !== exceptId && r.plan.readyAt > now && r.plan.runEndedAt <= now) {
      out.push(r.plan);
    }
  }
  return out;
}

/** What a replan keeps from the run's stored record: when its plan was first seen (plans from
 *  before that field: when they were built) and what the runner told us about it. */
function fromStored(stored: StoredRun | undefined): PlanOptions {
  const out: PlanOptions = {};
  const seen = stored?.plan ? (stored.plan.firstSeenAt ?? stored.plan.createdAt) : undefined;
  if (seen !== undefined) out.firstSeenAt = seen;
  const says = stored?.runnerSays;
  if (says?.nextHardSessionAt) out.nextHardSessionAt = says.nextHardSessionAt;
  if (says?.hot) out.saidHot = true;
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
  // The runner's corrections teach like their Strava tags do (an easy run is "untagged").
  const taught = [...known.runs.values()].map((r) =>
    r.runnerTag ? { ...r.activity, workout_type: WORKOUT_TYPE_OF[r.runnerTag.kind] } : r.activity,
  );
  const history = historyFor(activity, taught);
  const stored = known.runs.get(activity.id);
  const tag = stored?.runnerTag;
  const classification =
    (tag && classificationFromRunnerTag(tag.kind, activity.moving_time)) ??
    keepClassification ??
    classify(activity, history, known.profile);
  const historyKinds = new Map<number, PlanKind>();
  for (const r of known.runs.values())
    if (r.classification) historyKinds.set(r.activity.id, planKindOf(r.classification));
  const p = plan(
    activity,
    classification,
    history,
    known.profile,
    { daily: known.checkIns, weighIns: known.weighIns },
    activePlans(known.runs.values(), activity.id, now),
    now,
    { ...known.planOptions, historyKinds, ...fromStored(stored) },
  );
  return { classification, plan: p };
}
