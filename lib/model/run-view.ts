// One run as the panel and the popup get it: never tokens, never the raw Strava payload, only
// what the views show. The popup's stored snapshot carries the same shape.
import { z } from 'zod/mini';
import { RunSummarySchema } from './activity';
import { CheckInSchema } from './check-in';
import { ClassificationSchema } from './classification';
import { PlanSchema } from './plan';
import { RunnerSaysSchema } from './runner-says';
import { WeighInSchema } from './weigh-in';

export const RunViewSchema = z.object({
  activity: RunSummarySchema,
  classification: ClassificationSchema,
  plan: PlanSchema,
  /** Step ids the runner ticked. */
  done: z.array(z.string().check(z.maxLength(64))),
  weighIn: z.optional(WeighInSchema),
  /** Check-ins dated after the run that moved its readiness. */
  checkIns: z.array(CheckInSchema),
  /** What the runner told us about this run, for the questions to show their answer. */
  runnerSays: z.optional(RunnerSaysSchema),
});
export type RunView = z.output<typeof RunViewSchema>;
