// A run we know, as the background keeps it: its activity (without streams), and for runs, the
// classification and plan.
import { z } from 'zod/mini';
import { ActivitySchema } from './activity';
import { ClassificationSchema } from './classification';
import { PlanSchema } from './plan';

export const StoredRunSchema = z.object({
  activity: ActivitySchema,
  classification: z.nullable(ClassificationSchema),
  plan: z.nullable(PlanSchema),
  /** Has the full detail (laps, splits) been read, or only the list's summary? */
  detailed: z.boolean(),
  syncedAt: z.number(),
});
export type StoredRun = z.output<typeof StoredRunSchema>;
