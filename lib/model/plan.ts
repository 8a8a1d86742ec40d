// The recovery plan as the rest of the app sees it. Every time is UTC epoch ms; nothing here
// depends on a time zone, so a plan can be stored, synced and shown in any zone unchanged.
import { z } from 'zod/mini';
import { SOURCES, type SourceId } from '../recovery/sources';
import { finite, id, timeZone } from './fields';
import { PRIORITIES, PRIORITY_RANK, type Priority } from './priority';
import { UnitsSchema } from './profile';
import { RUN_KINDS } from './run-kind';
import { STEP_IDS, type StepId } from './step-ids';

/** Bumped when the stored shape of a Plan changes (lib/store migrates on it). */
export const PLAN_VERSION = 1;

/**
 * Which timeline a run gets: `light` for easy runs, `hard` for workouts and short races, `long`
 * for long runs and races of 90 min or more (the full routine with the long nap).
 */
export const RoutineSchema = z.enum(['light', 'hard', 'long']);
export type Routine = z.output<typeof RoutineSchema>;

export const PrioritySchema = z.enum(PRIORITIES);
export type { StepId };
export { PRIORITY_RANK, type Priority };

export const StepIdSchema = z.enum(STEP_IDS);

export const QuantityKindSchema = z.enum([
  'protein',
  'carbohydrate',
  'carbohydrate-rate',
  /** The whole day's target after long runs and races. */
  'carbohydrate-day',
  'fluids',
  'fluids-per-kg-lost',
  'sodium',
]);
export type QuantityKind = z.output<typeof QuantityKindSchema>;

/**
 * Amounts are stored in SI so code can compare them; `text` is the same amount written in the
 * runner's units. `g/kg/h` is used when the body weight is unknown and only a rate can be given.
 */
export const QuantityUnitSchema = z.enum(['g', 'g/kg', 'g/h', 'g/kg/h', 'ml', 'ml/kg', 'mg/L']);
export type QuantityUnit = z.output<typeof QuantityUnitSchema>;

export const QuantitySchema = z.object({
  kind: QuantityKindSchema,
  min: finite(),
  max: finite(),
  unit: QuantityUnitSchema,
  text: z.string(),
});
export type Quantity = z.output<typeof QuantitySchema>;

export const StepSchema = z.object({
  id: StepIdSchema,
  title: z.string(),
  /** One line. */
  detail: z.string(),
  startsAt: finite(),
  endsAt: finite(),
  priority: PrioritySchema,
  source: z.enum(Object.keys(SOURCES) as [SourceId, ...SourceId[]]),
  quantities: z.optional(z.array(QuantitySchema)),
  /** Medical caution to show with the step (cold exposure). */
  caution: z.optional(z.string()),
  /** Something the runner can do to make the step precise (e.g. enter weights). */
  prompt: z.optional(z.string()),
});
export type Step = z.output<typeof StepSchema>;

export const TimerIdSchema = z.enum(['refuel', 'meal', 'fluids', 'nap', 'ready']);
export type TimerId = z.output<typeof TimerIdSchema>;

export const TimerSchema = z.object({
  id: TimerIdSchema,
  label: z.string(),
  startsAt: finite(),
  endsAt: finite(),
});
export type Timer = z.output<typeof TimerSchema>;

/** Hours from the end of the run until ready for the next hard session. */
export const READINESS_HOURS = { min: 0, max: 96 } as const;

export const ReadinessSchema = z.object({
  hours: finite().check(z.gte(READINESS_HOURS.min), z.lte(READINESS_HOURS.max)),
  /** The base for this kind of run, before any adjustment. */
  baseHours: finite(),
  /** One readable sentence per adjustment, each with its number. */
  reasons: z.array(z.string()),
  warnings: z.array(z.string()),
  /** The run's training load (TRIMP scale), when the plan was built by a version that has it. */
  load: z.optional(finite()),
  /** After a race: easy running only until this instant (local midnight). */
  easyUntil: z.optional(finite()),
});
export type Readiness = z.output<typeof ReadinessSchema>;

export const PlanSchema = z.object({
  version: z.literal(PLAN_VERSION),
  activityId: id(),
  activityName: z.string(),
  kind: z.enum([...RUN_KINDS, 'race']),
  routine: RoutineSchema,
  /** End of the run (start_date + elapsed_time): every window counts from here. */
  runEndedAt: finite(),
  /** The `now` the plan was built at. */
  createdAt: finite(),
  /** When the plan was first built, usually the sync that brought the run (replans keep it):
   *  steps over by then are left out. Absent in plans from before; read as `createdAt`. */
  firstSeenAt: z.optional(finite()),
  /** A hot run (device at 28 °C or more, or the runner said so): fluids and cooling follow. */
  hot: z.optional(z.boolean()),
  /** Steps whose window had closed when the plan was first seen, for a quiet "it was for …". */
  missed: z.optional(z.array(StepIdSchema)),
  units: UnitsSchema,
  /** Zone used to key check-ins to local dates; display uses the browser's zone. */
  timeZone: timeZone(),
  /** Ordered by startsAt, then endsAt, then priority. */
  steps: z.array(StepSchema),
  timers: z.array(TimerSchema),
  readyAt: finite(),
  readiness: ReadinessSchema,
  /** Activity ids of the still-running plans this plan took into account. */
  overlaps: z.array(id()),
  /** "General guidance, not medical advice", for every view that shows the plan. */
  notice: z.string(),
});
export type Plan = z.output<typeof PlanSchema>;
