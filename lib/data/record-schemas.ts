// zod schemas for the records a runner can export and import: check-ins, weigh-ins, and runs with
// their classification and plan. z.object strips keys it does not know, so nothing else (a token,
// a secret, a raw Strava payload) can ride along in a record. The `satisfies` checks below keep
// these in step with the TypeScript types the app uses.

import { z } from 'zod/mini';
import { type CheckIn, SORENESS_AREAS, type WeighIn } from '../check-in';
import type { Classification } from '../classify/classification';
import type { Plan, Step, StepId, Timer } from '../recovery/plan-types';
import { SOURCES, type SourceId } from '../recovery/sources';
import type { RunSummary } from '../run-view';

const finite = () => z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const id = () => z.number().check(z.int(), z.positive());
const epochMs = () => z.number().check(z.int(), z.gte(0));

export const CheckInSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'date must be YYYY-MM-DD')),
  sleepHours: z.optional(finite().check(z.gte(0), z.lte(16))),
  sleepQuality: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
  soreness: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
  sorenessAreas: z.optional(z.array(z.enum(SORENESS_AREAS))),
  energy: z.optional(z.number().check(z.int(), z.gte(1), z.lte(5))),
  restingHr: z.optional(z.number().check(z.int(), z.gte(25), z.lte(220))),
  updatedAt: epochMs(),
});

export const WeighInSchema = z.object({
  activityId: id(),
  beforeKg: finite().check(z.gte(30), z.lte(250)),
  afterKg: finite().check(z.gte(30), z.lte(250)),
});

export const RunSummarySchema = z.object({
  id: id(),
  name: z.string().check(z.maxLength(1000)),
  sport_type: z.string().check(z.maxLength(100)),
  start_date: z.string().check(z.maxLength(40)),
  start_date_local: z.optional(z.string().check(z.maxLength(40))),
  distance: finite().check(z.gte(0)),
  moving_time: finite().check(z.gte(0)),
  elapsed_time: finite().check(z.gte(0)),
  total_elevation_gain: z.optional(finite()),
});

export const ClassificationSchema = z.object({
  kind: z.enum(['easy', 'workout', 'long']),
  race: z.boolean(),
  confidence: finite().check(z.gte(0), z.lte(1)),
  source: z.enum(['strava-tag', 'inferred']),
  reasons: z.array(z.string()),
});

const STEP_IDS = [
  'cool-down',
  'dry-clothes',
  'refuel-snack',
  'drink-now',
  'mobility',
  'fluids',
  'meal',
  'rapid-refuel',
  'wind-down',
  'nap',
  'power-nap',
  'after-nap-walk',
  'legs-up',
  'foam-roll',
  'stretch',
  'cold',
  'contrast-shower',
  'skip-anti-inflammatories',
  'limit-alcohol',
  'sleep',
] as const satisfies readonly StepId[];

const StepSchema = z.object({
  id: z.enum(STEP_IDS),
  title: z.string(),
  detail: z.string(),
  startsAt: finite(),
  endsAt: finite(),
  priority: z.enum(['essential', 'recommended', 'optional']),
  source: z.enum(Object.keys(SOURCES) as [SourceId, ...SourceId[]]),
  quantities: z.optional(
    z.array(
      z.object({
        kind: z.enum([
          'protein',
          'carbohydrate',
          'carbohydrate-rate',
          'fluids',
          'fluids-per-kg-lost',
          'sodium',
        ]),
        min: finite(),
        max: finite(),
        unit: z.enum(['g', 'g/h', 'g/kg/h', 'ml', 'ml/kg', 'mg/L']),
        text: z.string(),
      }),
    ),
  ),
  caution: z.optional(z.string()),
  prompt: z.optional(z.string()),
});

const TimerSchema = z.object({
  id: z.enum(['refuel', 'meal', 'fluids', 'nap', 'ready']),
  label: z.string(),
  startsAt: finite(),
  endsAt: finite(),
});

export const PlanSchema = z.object({
  version: z.literal(1),
  activityId: id(),
  activityName: z.string(),
  kind: z.enum(['easy', 'workout', 'long', 'race']),
  routine: z.enum(['light', 'hard', 'long']),
  runEndedAt: finite(),
  createdAt: finite(),
  units: z.enum(['metric', 'imperial']),
  timeZone: z.string(),
  steps: z.array(StepSchema),
  timers: z.array(TimerSchema),
  readyAt: finite(),
  readiness: z.object({
    hours: finite().check(z.gte(0), z.lte(96)),
    baseHours: finite(),
    reasons: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  overlaps: z.array(id()),
  notice: z.string(),
});

/** One run as exported: what the popup needs to show it again, and which steps were ticked. */
export const RunRecordSchema = z
  .object({
    activity: RunSummarySchema,
    classification: ClassificationSchema,
    plan: PlanSchema,
    done: z.array(z.string().check(z.maxLength(64))),
  })
  .check(
    z.refine((r) => r.plan.activityId === r.activity.id, {
      message: 'its plan belongs to another activity',
    }),
  );

export type RunRecord = z.output<typeof RunRecordSchema>;

// Compile-time: a parsed record is a value of the app's own type.
type Assignable<A extends B, B> = A;
export type SchemaChecks = [
  Assignable<z.output<typeof CheckInSchema>, CheckIn>,
  Assignable<z.output<typeof WeighInSchema>, WeighIn>,
  Assignable<z.output<typeof RunSummarySchema>, RunSummary>,
  Assignable<z.output<typeof ClassificationSchema>, Classification>,
  Assignable<z.output<typeof StepSchema>, Step>,
  Assignable<z.output<typeof TimerSchema>, Timer>,
  Assignable<z.output<typeof PlanSchema>, Plan>,
];
