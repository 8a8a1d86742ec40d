// plan(): one finished run → its timed recovery plan. Pure: every input is an argument, `now`
// included; no clocks, storage or network. Windows count from the end of the run in UTC epoch
// ms, so time zones and DST changes cannot move them; the zone only keys check-ins to dates.

import { type Activity, endOf, isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import type { Classification } from '../model/classification';
import { isTimeZone } from '../model/fields';
import {
  PLAN_VERSION,
  type Plan,
  PRIORITY_RANK,
  type Routine,
  type Step,
  type Timer,
} from '../model/plan';
import type { Profile } from '../model/profile';
import { type PlanKind, planKindOf } from '../model/run-kind';
import { MEAL_NOW_STEP, REFUEL_STEP } from '../model/step-ids';
import type { WeighIn } from '../model/weigh-in';
import { HOUR_MS, MINUTE_MS } from '../time';
import { zoneFromStrava } from './local-date';
import { COLD_CAUTION, type Condition, NOTICE, STEP_TABLE, type StepRow } from './protocol';
import { amountsFor, isPlausibleWeight, readWeighIn } from './quantities';
import { readiness } from './readiness';
import { atSensibleHours } from './sensible-hours';

export { nextStep } from './next-step';

/** Burke; ACSM/AND/DC 2016: rapid refuelling only pays when the next hard session is under ~8 h
 *  away (ISSN 2017's own figure is under 4 h). */
const RAPID_REFUEL_WITHIN_HOURS = 8;
/** A device temperature this high marks a hot run. */
const HOT_DEVICE_C = 28;
/** Races this long get the long-run routine (long runs are typically 90 min or more). */
const LONG_RACE_SECONDS = 90 * 60;

/** The runner's entries that a plan reads: check-ins by local date, and weigh-ins by run. */
export interface CheckIns {
  daily: readonly CheckIn[];
  weighIns: readonly WeighIn[];
}

export interface PlanOptions {
  /**
   * When the runner's next hard session is (UTC epoch ms), if they told us. Under ~8 h away turns
   * on rapid glycogen refuelling; otherwise normal meals restock within 24 h.
   */
  nextHardSessionAt?: number;
  /** What the earlier runs were (their stored classifications), for readiness's "same kind". */
  historyKinds?: ReadonlyMap<number, PlanKind>;
  /** When this run's plan was first built (a replan keeps it); `now` for a new plan. */
  firstSeenAt?: number;
  /** The runner said it was hot, whatever the device read. */
  saidHot?: boolean;
}

/** Seen after the refuel window, a meal now restocks best until about here (the 0–2 h restock
 *  period, with time to get to food); later, normal meals do the job. */
const MEAL_NOW_UNTIL_MIN = 4 * 60;
const MEAL_NOW_MIN = 60;

function routineFor(kind: PlanKind, classification: Classification, activity: Activity): Routine {
  if (kind === 'easy') return 'light';
  if (kind === 'long') return 'long';
  if (kind === 'race') {
    return classification.kind === 'long' || activity.moving_time >= LONG_RACE_SECONDS
      ? 'long'
      : 'hard';
  }
  return 'hard';
}

/** Orders steps by start, then end, then priority, then id (so the order is total). */
export function compareSteps(a: Step, b: Step): number {
  return (
    a.startsAt - b.startsAt ||
    a.endsAt - b.endsAt ||
    PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Builds the plan for `activity` (a run) as of `now` (UTC epoch ms).
 * - `history`: the athlete's earlier activities (any order; non-runs and later runs are ignored).
 * - `checkIns.daily`: morning check-ins keyed by local date in `profile.timeZone`; those dated in
 *   the four days after the run's local date adjust readiness. `checkIns.weighIns`: the one whose
 *   activityId is this run gives its fluid target.
 * - `activePlans`: plans of other runs still counting down; readiness is the latest of them all.
 * - `options.nextHardSessionAt`: turns on rapid refuelling when under 8 h after the run.
 * Throws a RangeError for an activity that is not a run or has no valid start date.
 */
export function plan(
  activity: Activity,
  classification: Classification,
  history: readonly Activity[],
  profile: Profile,
  checkIns: CheckIns,
  activePlans: readonly Plan[],
  now: number,
  options: PlanOptions = {},
): Plan {
  if (!isRun(activity)) throw new RangeError(`Activity ${activity.id} is not a run`);
  const end = endOf(activity);
  if (!Number.isFinite(end))
    throw new RangeError(`Activity ${activity.id} has no valid start date`);

  const kind = planKindOf(classification);
  const routine = routineFor(kind, classification, activity);
  const units = profile.units;
  const timeZone =
    (profile.timeZone && isTimeZone(profile.timeZone) ? profile.timeZone : undefined) ??
    zoneFromStrava(activity.timezone) ??
    'UTC';
  const warnings: string[] = [];

  const weighIn = checkIns.weighIns.filter((w) => w.activityId === activity.id).at(-1);
  const weighed = readWeighIn(weighIn, units);
  warnings.push(...weighed.warnings);
  let weightKg: number | undefined;
  if (isPlausibleWeight(profile.weightKg)) weightKg = profile.weightKg;
  else if (weighed.lossKg !== undefined && weighIn) weightKg = weighIn.beforeKg;
  else if (isPlausibleWeight(profile.stravaWeightKg)) weightKg = profile.stravaWeightKg;
  if (profile.weightKg !== undefined && !isPlausibleWeight(profile.weightKg)) {
    warnings.push('Your body weight in options looks wrong, so amounts are general ranges.');
  }

  // Wrist sensors read warm; 28 °C on the device is a hot run (recovery-protocol.md, heat).
  const hot =
    options.saidHot === true ||
    (typeof activity.average_temp === 'number' && activity.average_temp >= HOT_DEVICE_C);
  const next = options.nextHardSessionAt;
  const conditions = new Set<Condition>();
  if (next !== undefined && next > end && next - end < RAPID_REFUEL_WITHIN_HOURS * HOUR_MS) {
    conditions.add('rapid-refuel');
  }
  const coldFits = routine === 'light' || kind === 'race' || profile.trainingPhase === 'taper';
  if (coldFits) conditions.add('cold-fits');
  // After a hot run cooling comes first, so no "skip the ice bath".
  else if (!hot) conditions.add('cold-blunts');
  conditions.add(hot ? 'hot' : 'mild');
  if (routine === 'long' || kind === 'race') conditions.add('big-day');

  const applies = (row: StepRow) =>
    row.routines.includes(routine) && (row.when === undefined || conditions.has(row.when));
  const steps = STEP_TABLE.filter(applies)
    .map((row): Step => {
      const step: Step = {
        id: row.id,
        title: row.title,
        detail: row.detail,
        startsAt: end + row.fromMin * MINUTE_MS,
        endsAt: end + row.toMin * MINUTE_MS,
        priority: row.priority,
        source: row.source,
      };
      if (row.amounts) {
        const amounts = amountsFor(row.amounts, {
          weightKg,
          lossKg: weighed.lossKg,
          units,
          runHours: activity.moving_time / 3600,
          hot,
        });
        step.quantities = amounts.quantities;
        if (amounts.prompt) step.prompt = amounts.prompt;
      }
      if (row.coldCaution) step.caution = COLD_CAUTION;
      return step;
    })
    .sort(compareSteps);

  const ready = readiness({
    activity,
    kind,
    history,
    age: profile.age,
    restingHeartrate: profile.restingHeartrate,
    load: {
      sex: profile.sex,
      age: profile.age,
      maxHeartrate: profile.maxHeartrate,
      restingHeartrate: profile.restingHeartrate,
    },
    historyKinds: options.historyKinds,
    checkIns: checkIns.daily,
    activePlans,
    timeZone,
    now,
  });
  const readyAt = Math.round(end + ready.hours * HOUR_MS);

  const timers: Timer[] = [];
  for (const row of STEP_TABLE) {
    if (!row.timer || !applies(row)) continue;
    timers.push({
      id: row.timer,
      label: TIMER_LABELS[row.timer],
      startsAt: end + row.fromMin * MINUTE_MS,
      endsAt: end + row.toMin * MINUTE_MS,
    });
  }
  timers.push({ id: 'ready', label: TIMER_LABELS.ready, startsAt: end, endsAt: readyAt });

  // Hours first (a nap moved to the morning may still be ahead), then what is left to do.
  const firstSeenAt = Math.max(end, options.firstSeenAt ?? now);
  const hours = atSensibleHours(steps, timers, timeZone);
  const seen = seenLate(hours.steps, hours.timers, firstSeenAt);

  return {
    version: PLAN_VERSION,
    activityId: activity.id,
    activityName: activity.name,
    kind,
    routine,
    runEndedAt: end,
    createdAt: now,
    firstSeenAt,
    ...(hot ? { hot } : {}),
    ...(seen.missed.length ? { missed: seen.missed } : {}),
    units,
    timeZone,
    steps: seen.steps,
    timers: seen.timers,
    readyAt,
    readiness: { ...ready, warnings: [...warnings, ...ready.warnings] },
    overlaps: activePlans
      .filter((other) => other.activityId !== activity.id && other.readyAt > end)
      .map((other) => other.activityId),
    notice: NOTICE,
  };
}

/**
 * The plan as of the moment the runner first sees it: a step already over is not a task (it is
 * listed in `missed`); a refuel window already closed becomes "meal now" with the same amounts and
 * its own hour on the refuel timer, which also covers a set meal that falls inside it.
 */
function seenLate(
  steps: readonly Step[],
  timers: readonly Timer[],
  seenAt: number,
): { steps: Step[]; timers: Timer[]; missed: Step['id'][] } {
  const snack = steps.find((s) => s.id === REFUEL_STEP && s.priority === 'essential');
  const end = snack ? snack.startsAt : 0;
  let mealNow: Step | undefined;
  if (snack && snack.endsAt <= seenAt && seenAt < end + MEAL_NOW_UNTIL_MIN * MINUTE_MS) {
    mealNow = {
      ...snack,
      id: MEAL_NOW_STEP,
      title: 'Eat a meal now',
      detail:
        'The first half hour is past, but the first hours still restock you fastest: a meal with carbohydrate and protein now.',
      startsAt: seenAt,
      endsAt: seenAt + MEAL_NOW_MIN * MINUTE_MS,
      source: 'seed 000',
    };
  }
  const covered = (s: { endsAt: number }) => mealNow !== undefined && s.endsAt <= mealNow.endsAt;
  const missed: Step['id'][] = [];
  const kept: Step[] = [];
  for (const s of steps) {
    if (s.endsAt <= seenAt) missed.push(s.id);
    else if (!(s.id === 'meal' && covered(s))) kept.push(s);
  }
  if (mealNow) kept.push(mealNow);
  const keptTimers = timers.flatMap((t): Timer[] => {
    if (t.id === 'refuel' && mealNow) {
      return [{ ...t, label: 'Eat now', startsAt: mealNow.startsAt, endsAt: mealNow.endsAt }];
    }
    if (t.id === 'meal' && covered(t)) return [];
    return [t];
  });
  return { steps: kept.sort(compareSteps), timers: keptTimers, missed };
}

const TIMER_LABELS: Record<Timer['id'], string> = {
  refuel: 'Refuel window',
  meal: 'Meal',
  fluids: 'Rehydrate',
  nap: 'Nap',
  ready: 'Ready for the next hard session',
};
