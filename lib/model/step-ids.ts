// Step ids and the roles some steps play. Zod-free, like priority.ts: the panel and the popup
// group steps at run time, and a schema module would bring the validator into their bundles.

/** The don'ts and optional extras: one "also worth knowing" line behind "more", never up front. */
const EXTRAS = [
  'legs-up',
  'foam-roll',
  'stretch',
  'cold',
  'contrast-shower',
  'skip-anti-inflammatories',
  'limit-alcohol',
] as const;

/** Stable ids: the UI marks steps done by id, so never rename one. */
export const STEP_IDS = [
  'cool-down',
  'dry-clothes',
  'refuel-snack',
  'drink-now',
  'mobility',
  'fluids',
  'meal',
  'rapid-refuel',
  'wind-down',
  'nap',
  'power-nap',
  'after-nap-walk',
  ...EXTRAS,
  'sleep',
  // Added later: ids above are in exports from before and keep their meaning.
  'meal-now',
  'cool-off',
  'day-fuel',
] as const;
export type StepId = (typeof STEP_IDS)[number];

/** The refuel step: once ticked, the refuel window no longer counts down or warns. */
export const REFUEL_STEP: StepId = 'refuel-snack';
/** Seen after the refuel window, a plan's "meal now" takes its place (and its timer). */
export const MEAL_NOW_STEP: StepId = 'meal-now';

export const ALSO_WORTH_KNOWING: ReadonlySet<StepId> = new Set<StepId>(EXTRAS);

/** Has the runner ticked off the eating step the refuel timer counts down? */
export function refuelDone(done: readonly string[]): boolean {
  return done.includes(REFUEL_STEP) || done.includes(MEAL_NOW_STEP);
}
