// The kinds of run and their labels, without zod: the panel and popup read these at run time,
// and a schema module would bring the validator into their bundles.
export const RUN_KINDS = ['easy', 'workout', 'long'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

/** The classification reduced to what recovery and the views show; a race wins over the kind. */
export type PlanKind = RunKind | 'race';

export function planKindOf(c: { kind: RunKind; race: boolean }): PlanKind {
  return c.race ? 'race' : c.kind;
}

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  easy: 'Easy run',
  workout: 'Workout',
  long: 'Long run',
  race: 'Race',
};

/** "Long run", or "Race" when the run was one (a race is planned as one whatever its length). */
export function runKindLabel(c: { kind: RunKind; race: boolean }): string {
  return PLAN_KIND_LABELS[planKindOf(c)];
}
