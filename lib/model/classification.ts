// What the classifier (or the runner's Strava tag) says a run was, with reasons to read.
import { z } from 'zod/mini';
import { finite } from './fields';

export const RUN_KINDS = ['easy', 'workout', 'long'] as const;
export const RunKindSchema = z.enum(RUN_KINDS);
export type RunKind = z.output<typeof RunKindSchema>;

export const ClassificationSchema = z.object({
  kind: RunKindSchema,
  race: z.boolean(),
  /** 0..1 */
  confidence: finite().check(z.gte(0), z.lte(1)),
  source: z.enum(['strava-tag', 'inferred']),
  /** Plain sentences with numbers, for the runner. */
  reasons: z.array(z.string()),
});
export type Classification = z.output<typeof ClassificationSchema>;

/** The classification reduced to what recovery and the views show; a race wins over the kind. */
export type PlanKind = RunKind | 'race';

export function planKindOf(c: Pick<Classification, 'kind' | 'race'>): PlanKind {
  return c.race ? 'race' : c.kind;
}

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  easy: 'Easy run',
  workout: 'Workout',
  long: 'Long run',
  race: 'Race',
};

/** "Long run", or "Race" when the run was one (a race is planned as one whatever its length). */
export function runKindLabel(c: Pick<Classification, 'kind' | 'race'>): string {
  return PLAN_KIND_LABELS[planKindOf(c)];
}
