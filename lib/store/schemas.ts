// What the background keeps in IndexedDB, checked on every read (lib/store/record-store.ts).
// Loose where Strava adds fields; strict where the product's own shapes are.
import { z } from 'zod/mini';
import { SORENESS_AREAS } from '../check-in';

const num = z.number();
const optNum = z.optional(z.nullable(num));

export const StoredActivitySchema = z.looseObject({
  id: num,
  name: z.string(),
  sport_type: z.string(),
  workout_type: optNum,
  distance: num,
  moving_time: num,
  elapsed_time: num,
  start_date: z.string(),
  start_date_local: z.optional(z.string()),
});

export const ClassificationSchema = z.object({
  kind: z.enum(['easy', 'workout', 'long']),
  race: z.boolean(),
  confidence: num,
  source: z.enum(['strava-tag', 'inferred']),
  reasons: z.array(z.string()),
});

const StepSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  startsAt: num,
  endsAt: num,
  priority: z.string(),
  source: z.string(),
});

const TimerSchema = z.object({
  id: z.enum(['refuel', 'meal', 'fluids', 'nap', 'ready']),
  label: z.string(),
  startsAt: num,
  endsAt: num,
});

export const PlanSchema = z.looseObject({
  version: z.literal(1),
  activityId: num,
  activityName: z.string(),
  kind: z.enum(['easy', 'workout', 'long', 'race']),
  runEndedAt: num,
  createdAt: num,
  steps: z.array(StepSchema),
  timers: z.array(TimerSchema),
  readyAt: num,
  readiness: z.looseObject({
    hours: num,
    baseHours: num,
    reasons: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  notice: z.string(),
});

/** A run we know: its activity (without streams), and for runs, classification and plan. */
export const StoredRunSchema = z.object({
  activity: StoredActivitySchema,
  classification: z.nullable(ClassificationSchema),
  plan: z.nullable(PlanSchema),
  /** Has the full detail (laps, splits) been read, or only the list's summary? */
  detailed: z.boolean(),
  syncedAt: num,
});

export const ProgressSchema = z.object({ done: z.array(z.string()), updatedAt: num });

export const CheckInSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  sleepHours: z.optional(num.check(z.gte(0), z.lte(16))),
  sleepQuality: z.optional(num.check(z.gte(1), z.lte(5))),
  soreness: z.optional(num.check(z.gte(0), z.lte(10))),
  sorenessAreas: z.optional(z.array(z.enum(SORENESS_AREAS))),
  energy: z.optional(num.check(z.gte(1), z.lte(5))),
  restingHr: z.optional(num.check(z.gte(25), z.lte(220))),
  updatedAt: num,
});

export const WeighInSchema = z.object({
  activityId: num,
  beforeKg: num.check(z.gte(20), z.lte(300)),
  afterKg: num.check(z.gte(20), z.lte(300)),
});
