// The runner's tag as stored and exported (its meaning lives in runner-tag.ts, zod-free).
import { z } from 'zod/mini';
import { epochMs } from './fields';
import { RUNNER_TAGS } from './runner-tag';

export const RunnerTagSchema = z.object({
  kind: z.enum(RUNNER_TAGS),
  at: epochMs(),
  /** Strava's workout_type before "Also tag it on Strava" changed it: what an undo puts back. */
  was: z.optional(z.number().check(z.int(), z.gte(0), z.lte(15))),
});
