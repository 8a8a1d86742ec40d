// The runner's own entries: the morning check-in (with what it did to readiness), weigh-ins and
// ticked steps. Each rebuilds what it moves, then the views follow.

import type { RunnerSaysRequest } from '../messaging/payloads';
import { isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import type { RunView } from '../model/run-view';
import type { RunnerSays } from '../model/runner-says';
import { type RunnerTagKind, WORKOUT_TYPE_OF } from '../model/runner-tag';
import type { StoredRun } from '../model/stored-run';
import type { WeighIn } from '../model/weigh-in';
import { readSettings } from '../store/settings-item';
import { WRITE_SCOPE } from '../strava/oauth';
import { classifyAndPlan, readKnown } from '../sync/plan-run';
import { HOUR_MS } from '../time';
import type { AppContext } from './context';
import { readProfile } from './profile';
import { replanRecent } from './replan';
import { refreshViews, runViewOf } from './views';

async function latestRun(ctx: AppContext): Promise<StoredRun | null> {
  const runs = (await ctx.collections.runs.all())
    .map(([, r]) => r)
    .filter((r) => r.plan && isRun(r.activity));
  runs.sort((a, b) => b.plan!.runEndedAt - a.plan!.runEndedAt);
  return runs[0] ?? null;
}

/** Saves (replacing that day's entry) and reports what it did to the latest plan's readiness. */
export async function saveCheckIn(ctx: AppContext, entry: CheckIn): Promise<{ changes: string[] }> {
  const before = await latestRun(ctx);
  await ctx.collections.checkIns.put(entry.date, entry);
  await replanRecent(ctx);
  await refreshViews(ctx);
  if (!before?.plan) return { changes: [] };
  const after = await ctx.collections.runs.get(before.activity.id);
  if (!after?.plan) return { changes: [] };
  const was = before.plan.readiness;
  const delta = Math.round(after.plan.readiness.hours - was.hours);
  const added = after.plan.readiness.reasons.filter((r) => !was.reasons.includes(r));
  if (delta === 0 && added.length === 0) return { changes: ['readiness unchanged'] };
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const head = `readiness ${sign}${Math.abs(delta)} h`;
  return { changes: added.length ? added.map((r) => `${head}: ${r}`) : [head] };
}

export async function saveWeighIn(ctx: AppContext, w: WeighIn): Promise<RunView | null> {
  const run = await ctx.collections.runs.get(w.activityId);
  if (!run) return null;
  await ctx.collections.weighIns.put(w.activityId, w);
  await replanRecent(ctx);
  await refreshViews(ctx);
  const after = await ctx.collections.runs.get(w.activityId);
  return after ? runViewOf(ctx, after) : null;
}

export async function markStepDone(
  ctx: AppContext,
  activityId: number,
  stepId: string,
  done: boolean,
): Promise<RunView | null> {
  const c = ctx.collections;
  const run = await c.runs.get(activityId);
  if (!run?.plan) return null;
  if (!run.plan.steps.some((s) => s.id === stepId)) return runViewOf(ctx, run);
  const current = (await c.progress.get(activityId))?.done ?? [];
  const next = done ? [...new Set([...current, stepId])] : current.filter((s) => s !== stepId);
  await c.progress.put(activityId, { done: next, updatedAt: ctx.now() });
  await refreshViews(ctx);
  return runViewOf(ctx, run);
}

/** The runner says what the run was (or, with null, takes it back): it is replanned at once. */
export async function setRunKind(
  ctx: AppContext,
  activityId: number,
  kind: RunnerTagKind | null,
): Promise<RunView | null> {
  const c = ctx.collections;
  const run = await c.runs.get(activityId);
  if (!run || !isRun(run.activity)) return null;
  const { runnerTag: old, ...rest } = run;
  const was = old ? old.was : (run.activity.workout_type ?? 0);
  let tagged: StoredRun = kind
    ? { ...rest, runnerTag: { kind, at: ctx.now(), ...(was !== undefined ? { was } : {}) } }
    : rest;
  const onStrava = await tellStrava(ctx, tagged, old?.was);
  // Strava's tag now agrees: the stored copy follows, so sync sees no edit.
  if (onStrava !== null)
    tagged = { ...tagged, activity: { ...tagged.activity, workout_type: onStrava } };
  const known = await readKnown(c, await readProfile(ctx));
  known.runs.set(activityId, tagged);
  // Without a tag the classifier speaks again (Strava's tag first, as in sync).
  const { classification, plan } = classifyAndPlan(tagged.activity, known, ctx.now());
  await c.runs.put(activityId, { ...tagged, classification, plan });
  await replanRecent(ctx);
  await refreshViews(ctx);
  const after = await c.runs.get(activityId);
  return after ? runViewOf(ctx, after) : null;
}

/**
 * "Also tag it on Strava": the runner's word as Strava's workout_type (an undo puts Strava's own
 * tag back). Best effort: the correction here stands whatever Strava answers. Returns the type
 * Strava now has, or null when it was not told.
 */
async function tellStrava(ctx: AppContext, run: StoredRun, was?: number): Promise<number | null> {
  if (!(await readSettings()).tagOnStrava) return null;
  if (!(await ctx.strava.getConnection()).scopes.includes(WRITE_SCOPE)) return null;
  const type = run.runnerTag
    ? WORKOUT_TYPE_OF[run.runnerTag.kind]
    : was === 1 || was === 2 || was === 3
      ? was
      : 0;
  try {
    const updated = await ctx.strava.client.setWorkoutType(run.activity.id, type);
    return updated.workout_type ?? type;
  } catch {
    // Offline, rate-limited or refused: the local correction is what counts.
    return null;
  }
}

/**
 * The runner's answers about a run ("another hard session in about 4 h", "it was hot"): stored
 * with the run, which is replanned at once. Hours count from now, as the question is asked.
 */
export async function setRunnerSays(
  ctx: AppContext,
  req: RunnerSaysRequest,
): Promise<RunView | null> {
  const c = ctx.collections;
  const run = await c.runs.get(req.activityId);
  if (!run?.plan || !isRun(run.activity)) return null;
  const t = ctx.now();
  const says: RunnerSays = { ...run.runnerSays, at: t };
  if (req.hardSessionInHours !== undefined) {
    says.nextHardSessionAt =
      req.hardSessionInHours === null ? null : Math.round(t + req.hardSessionInHours * HOUR_MS);
  }
  if (req.hot !== undefined) says.hot = req.hot;
  const updated: StoredRun = { ...run, runnerSays: says };
  const known = await readKnown(c, await readProfile(ctx));
  known.runs.set(req.activityId, updated);
  const { plan } = classifyAndPlan(updated.activity, known, t, updated.classification);
  await c.runs.put(req.activityId, { ...updated, plan });
  await replanRecent(ctx);
  await refreshViews(ctx);
  const after = await c.runs.get(req.activityId);
  return after ? runViewOf(ctx, after) : null;
}
