// One eval:plan scenario: its shape (the contract), and the product's classifier, planner
// and verdict run over it as the product runs them when a sync brings the run at `seenAt`.
import { z } from 'zod/mini';
import { classify } from '../../lib/classify/classify';
import { historyFor } from '../../lib/classify/history-for';
import { type Activity, ActivitySchema, endOf, isRun } from '../../lib/model/activity';
import { CheckInSchema } from '../../lib/model/check-in';
import { type Plan, PRIORITY_RANK } from '../../lib/model/plan';
import type { Profile } from '../../lib/model/profile';
import { type PlanKind, planKindOf } from '../../lib/model/run-kind';
import { localDateKey } from '../../lib/recovery/local-date';
import { upFrontSteps } from '../../lib/recovery/next-step';
import { plan } from '../../lib/recovery/plan';
import { isBeginner, verdictAt } from '../../lib/recovery/verdict';
import { DAY_MS, HOUR_MS } from '../../lib/time';

const iso = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'not an ISO instant'));

/** Strava's activity, with `type` accepted where `sport_type` is missing. */
const StravaActivity = z.pipe(
  z.pipe(
    z.looseObject({ sport_type: z.optional(z.string()), type: z.optional(z.string()) }),
    z.transform((a) => ({ ...a, sport_type: a.sport_type ?? a.type })),
  ),
  ActivitySchema,
);

export const ScenarioSchema = z.looseObject({
  name: z.string(),
  profile: z.looseObject({
    units: z.enum(['metric', 'imperial']),
    trainingPhase: z.enum(['building', 'taper']),
    timeZone: z.string(),
    weightKg: z.optional(z.number()),
    age: z.optional(z.number()),
    sex: z.optional(z.enum(['M', 'F'])),
    maxHeartrate: z.optional(z.number()),
    restingHeartrate: z.optional(z.number()),
  }),
  stravaWeightKg: z.optional(z.number()),
  history: z.array(StravaActivity),
  run: StravaActivity,
  checkIns: z.array(CheckInSchema),
  weighIn: z.optional(z.object({ beforeKg: z.number(), afterKg: z.number() })),
  nextHardSessionAt: z.optional(iso),
  seenAt: iso,
  verdictAt: z.optional(z.array(iso)),
});
export type Scenario = z.output<typeof ScenarioSchema>;

const isoOf = (ms: number) => new Date(ms).toISOString();
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
/** Plans of earlier runs matter for this long: the longest easy-only block after a race. */
const EARLIER_PLANS_DAYS = 15;

export function runScenario(s: Scenario) {
  const profile: Profile = {
    units: s.profile.units,
    trainingPhase: s.profile.trainingPhase,
    timeZone: s.profile.timeZone,
    weightKg: s.profile.weightKg ?? s.stravaWeightKg,
    age: s.profile.age,
    sex: s.profile.sex,
    maxHeartrate: s.profile.maxHeartrate,
    restingHeartrate: s.profile.restingHeartrate,
  };
  const run = s.run;
  const start = Date.parse(run.start_date);
  const history = s.history
    .filter((a) => Date.parse(a.start_date) < start)
    .sort((a, b) => Date.parse(a.start_date) - Date.parse(b.start_date));
  const tz = s.profile.timeZone;
  const checkInsUpTo = (at: number) => s.checkIns.filter((c) => c.date <= localDateKey(at, tz));

  // The earlier runs as the product would have them: classified, and planned when recent.
  const kinds = new Map<number, PlanKind>();
  const earlierPlans: Plan[] = [];
  const seenAt = Date.parse(s.seenAt);
  history.forEach((a, i) => {
    if (!isRun(a)) return;
    const before = history.slice(0, i);
    const c = classify(a, historyFor(a, before), profile);
    kinds.set(a.id, planKindOf(c));
    if (endOf(a) < start - EARLIER_PLANS_DAYS * DAY_MS) return;
    const active = earlierPlans.filter((p) => p.readyAt > Date.parse(a.start_date));
    earlierPlans.push(
      plan(
        a,
        c,
        before,
        profile,
        { daily: checkInsUpTo(endOf(a)), weighIns: [] },
        active,
        endOf(a),
        {
          historyKinds: kinds,
        },
      ),
    );
  });

  const classification = classify(run, historyFor(run, history), profile);
  const planAt = (now: number) =>
    plan(
      run,
      classification,
      history,
      profile,
      {
        daily: checkInsUpTo(now),
        weighIns: s.weighIn ? [{ activityId: run.id, ...s.weighIn }] : [],
      },
      earlierPlans.filter((p) => p.readyAt > start),
      now,
      {
        historyKinds: kinds,
        nextHardSessionAt: s.nextHardSessionAt ? Date.parse(s.nextHardSessionAt) : undefined,
        // Later verdicts replan, as the product does, keeping when the plan was first seen.
        firstSeenAt: seenAt,
      },
    );
  const p = planAt(seenAt);
  const runs: Activity[] = [...history, run];
  const steps = [...p.steps].sort(
    (a, b) => a.startsAt - b.startsAt || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority],
  );
  return {
    name: s.name,
    kind: classification.kind,
    race: classification.race,
    readyAt: isoOf(p.readyAt),
    readyInHours: round((p.readyAt - p.runEndedAt) / HOUR_MS, 1),
    warnings: p.readiness.warnings,
    reasons: p.readiness.reasons,
    upFront: upFrontSteps(p, seenAt).map((step) => step.id),
    steps: steps.map((step) => ({
      id: step.id,
      priority: step.priority,
      startsAt: isoOf(step.startsAt),
      endsAt: isoOf(step.endsAt),
      quantities: step.quantities ?? [],
    })),
    verdicts: (s.verdictAt ?? []).map((at) => {
      const t = Date.parse(at);
      const v = verdictAt(
        {
          plans: [...earlierPlans, planAt(Math.max(t, endOf(run)))],
          checkIns: checkInsUpTo(t),
          restingHeartrate: profile.restingHeartrate,
          beginner: isBeginner(runs, t),
          timeZone: tz,
        },
        t,
      );
      return { at: isoOf(t), verdict: v.verdict, reasons: v.reasons, warnings: v.warnings };
    }),
  };
}

export type ScenarioResult = ReturnType<typeof runScenario>;
