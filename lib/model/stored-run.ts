// A run we know, as the background keeps it: its activity (without streams), and for runs, the
// classification and plan.
import { z } from 'zod/mini';
import { ActivitySchema } from './activity';
import { ClassificationSchema } from './classification';
import { PlanSchema } from './plan';
import { RunnerSaysSchema } from './runner-says';
import { RunnerTagSchema } from './runner-tag-schema';

export const StoredRunSchema = z.object({
  activity: ActivitySchema,
  classification: z.nullable(ClassificationSchema),
  plan: z.nullable(PlanSchema),
  /** Has the full detail (laps, splits) been read, or only the list's summary? */
  detailed: z.boolean(),
  syncedAt: z.number(),
  /** Where it came from: an imported run was never listed by Strava here, so sync never asks
   *  Strava to confirm it (a hostile file of thousands would cost a request each). */
  origin: z.optional(z.enum(['strava', 'import'])),
  /** The announcement outbox: null while a new run still awaits its notification and alarms. */
  announcedAt: z.optional(z.nullable(z.number())),
  /** Strava answered 404 without `activity:read_all`: private or deleted, so kept but not shown. */
  hiddenAt: z.optional(z.number()),
  /** The runner's correction of the kind (lib/model/runner-tag); it wins over everything else. */
  runnerTag: z.optional(RunnerTagSchema),
  /** The runner's answers about this run (next hard session, "it was hot"). */
  runnerSays: z.optional(RunnerSaysSchema),
});
export type StoredRun = z.output<typeof StoredRunSchema>;
