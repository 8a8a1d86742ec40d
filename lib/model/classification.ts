// What the classifier (or the runner's Strava tag) says a run was, with reasons to read.
import { z } from 'zod/mini';
import { finite } from './fields';
import { RUN_KINDS } from './run-kind';

export const RunKindSchema = z.enum(RUN_KINDS);

export const ClassificationSchema = z.object({
  kind: RunKindSchema,
  race: z.boolean(),
  /** 0..1 */
  confidence: finite().check(z.gte(0), z.lte(1)),
  /** The runner's correction here, their tag on Strava, or the classifier's inference. */
  source: z.enum(['runner-tag', 'strava-tag', 'inferred']),
  /** Plain sentences with numbers, for the runner. */
  reasons: z.array(z.string()),
});
export type Classification = z.output<typeof ClassificationSchema>;
