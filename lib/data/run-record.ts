// One run as exported: what the popup needs to show it again, and which steps were ticked. Built
// from the model's schemas; z.object strips keys it does not know, so nothing else (a token, a
// secret, a raw Strava payload) can ride along in a record.
import { z } from 'zod/mini';
import { RunSummarySchema } from '../model/activity';
import { ClassificationSchema } from '../model/classification';
import { PlanSchema } from '../model/plan';
import { ProgressSchema } from '../model/progress';
import { RunnerTagSchema } from '../model/runner-tag-schema';

export const RunRecordSchema = z
  .object({
    activity: RunSummarySchema,
    classification: ClassificationSchema,
    plan: PlanSchema,
    done: ProgressSchema.shape.done,
    /** The runner's correction of the kind, when they made one. */
    runnerTag: z.optional(RunnerTagSchema),
  })
  .check(
    z.refine((r) => r.plan.activityId === r.activity.id, {
      message: 'its plan belongs to another activity',
    }),
  );

export type RunRecord = z.output<typeof RunRecordSchema>;
