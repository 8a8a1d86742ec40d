// The recovery plan as the rest of the app sees it. Every time is UTC epoch ms; nothing here
// depends on a time zone, so a plan can be stored, synced and shown in any zone unchanged.

import type { CheckIn, WeighIn } from '../check-in';
import type { Units } from '../profile';
import type { SourceId } from './sources';

/** Bumped when the stored shape of a Plan changes (lib/store migrates on it). */
export const PLAN_VERSION = 1;

/** The classification reduced to what recovery cares about; a race wins over the kind. */
export type PlanKind = 'easy' | 'workout' | 'long' | 'race';

/**
 * Which timeline a run gets: `light` for easy runs, `hard` for workouts and short races, `long`
 * for long runs and races of 90 min or more (the full routine with the long nap).
 */
export type Routine = 'light' | 'hard' | 'long';

/**
 * How much a step matters, not when it is due (the window says when):
 * `essential` is the core of recovery, `recommended` helps, `optional` is nice to have.
 */
export type Priority = 'essential' | 'recommended' | 'optional';

export const PRIORITY_RANK: Record<Priority, number> = {
  essential: 0,
  recommended: 1,
  optional: 2,
};

/** Stable ids: the UI marks steps done by id, so never rename one. */
export type StepId =
  | 'cool-down'
  | 'dry-clothes'
  | 'refuel-snack'
  | 'drink-now'
  | 'mobility'
  | 'fluids'
  | 'meal'
  | 'rapid-refuel'
  | 'wind-down'
  | 'nap'
  | 'power-nap'
  | 'after-nap-walk'
  | 'legs-up'
  | 'foam-roll'
  | 'stretch'
  | 'cold'
  | 'contrast-shower'
  | 'skip-anti-inflammatories'
  | 'limit-alcohol'
  | 'sleep';

export type QuantityKind =
  | 'protein'
  | 'carbohydrate'
  | 'carbohydrate-rate'
  | 'fluids'
  | 'fluids-per-kg-lost'
  | 'sodium';

/**
 * Amounts are stored in SI so code can compare them; `text` is the same amount written in the
 * runner's units. `g/kg/h` is used when the body weight is unknown and only a rate can be given.
 */
export type QuantityUnit = 'g' | 'g/h' | 'g/kg/h' | 'ml' | 'ml/kg' | 'mg/L';

export interface Quantity {
  kind: QuantityKind;
  min: number;
  max: number;
  unit: QuantityUnit;
  text: string;
}

export interface Step {
  id: StepId;
  title: string;
  /** One line. */
  detail: string;
  startsAt: number;
  endsAt: number;
  priority: Priority;
  source: SourceId;
  quantities?: Quantity[];
  /** Medical caution to show with the step (cold exposure). */
  caution?: string;
  /** Something the runner can do to make the step precise (e.g. enter weights). */
  prompt?: string;
}

export type TimerId = 'refuel' | 'meal' | 'fluids' | 'nap' | 'ready';

export interface Timer {
  id: TimerId;
  label: string;
  startsAt: number;
  endsAt: number;
}

export interface Readiness {
  /** Hours from the end of the run until ready for the next hard session, 0–96. */
  hours: number;
  /** The base for this kind of run, before any adjustment. */
  baseHours: number;
  /** One readable sentence per adjustment, each with its number. */
  reasons: string[];
  warnings: string[];
}

export interface Plan {
  version: typeof PLAN_VERSION;
  activityId: number;
  activityName: string;
  kind: PlanKind;
  routine: Routine;
  /** End of the run (start_date + elapsed_time): every window counts from here. */
  runEndedAt: number;
  /** The `now` the plan was built at. */
  createdAt: number;
  units: Units;
  /** Zone used to key check-ins to local dates; display uses the browser's zone. */
  timeZone: string;
  /** Ordered by startsAt, then endsAt, then priority. */
  steps: Step[];
  timers: Timer[];
  readyAt: number;
  readiness: Readiness;
  /** Activity ids of the still-running plans this plan took into account. */
  overlaps: number[];
  /** "General guidance, not medical advice", for every view that shows the plan. */
  notice: string;
}

/**
 * What the runner told us: morning check-ins (one per local date, YYYY-MM-DD in their zone) and
 * before/after weights per run. `plan` picks the weigh-in whose activityId matches the run, and the
 * check-ins dated after the run's local date.
 */
export interface CheckIns {
  daily: readonly CheckIn[];
  weighIns: readonly WeighIn[];
}

export interface PlanOptions {
  /**
   * When the runner's next hard session is (UTC epoch ms), if they told us. Under ~8 h away turns
   * on rapid glycogen refuelling (ISSN 2017); otherwise normal meals restock within 24 h.
   */
  nextHardSessionAt?: number;
}
