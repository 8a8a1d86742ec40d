// What the runner told us about themselves (options) merged over what Strava's profile says: the
// profile the classifier and the planner read.
import { z } from 'zod/mini';
import { timeZone } from './fields';

export const UnitsSchema = z.enum(['metric', 'imperial']);
export type Units = z.output<typeof UnitsSchema>;
export const TrainingPhaseSchema = z.enum(['building', 'taper']);
export type TrainingPhase = z.output<typeof TrainingPhaseSchema>;

/** A runner's age in years, as the options form takes it. */
export const AGE_YEARS = { min: 10, max: 100 } as const;

export const ProfileSchema = z.object({
  /** Body weight in kg (Strava profile or options). */
  weightKg: z.optional(z.number()),
  /** The weight on the runner's Strava profile: used when the options have none. */
  stravaWeightKg: z.optional(z.number()),
  age: z.optional(z.number()),
  units: UnitsSchema,
  maxHeartrate: z.optional(z.number()),
  /** For the heart-rate load's constants; the mixed ones when unknown. */
  sex: z.optional(z.enum(['M', 'F'])),
  /** Usual morning resting heart rate, bpm. */
  restingHeartrate: z.optional(z.number()),
  trainingPhase: TrainingPhaseSchema,
  /** IANA zone the runner lives in; defaults to the browser's. */
  timeZone: z.optional(timeZone()),
});
export type Profile = z.output<typeof ProfileSchema>;

export const DEFAULT_PROFILE: Profile = { units: 'metric', trainingPhase: 'building' };
