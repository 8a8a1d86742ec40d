// What the runner told us about one run that the data cannot know: their next hard session (for
// rapid refuelling) and that it was hot (for fluids and cooling). Kept on the stored run.
import { z } from 'zod/mini';
import { epochMs } from './fields';

export const RunnerSaysSchema = z.object({
  /** When the next hard session is; null: "not soon" (the question was answered). */
  nextHardSessionAt: z.optional(z.nullable(epochMs())),
  hot: z.optional(z.boolean()),
  at: epochMs(),
});
export type RunnerSays = z.output<typeof RunnerSaysSchema>;
