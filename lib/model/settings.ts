// The runner's settings: profile overrides over Strava's profile, notifications, polling and
// retention. Validated on every read and every save.
import { z } from 'zod/mini';
import { AGE_YEARS, TrainingPhaseSchema, UnitsSchema } from './profile';
import { BODY_WEIGHT_KG } from './weigh-in';

export const POLL_MINUTES = { min: 2, max: 60 } as const;
export const RETENTION_DAYS = { min: 30, max: 3650 } as const;

export const SettingsSchema = z.object({
  profile: z.object({
    weightKg: z.optional(z.number().check(z.gte(BODY_WEIGHT_KG.min), z.lte(BODY_WEIGHT_KG.max))),
    age: z.optional(z.number().check(z.gte(AGE_YEARS.min), z.lte(AGE_YEARS.max))),
    /** Unset: follow the Strava profile's measurement preference. */
    units: z.optional(UnitsSchema),
    trainingPhase: TrainingPhaseSchema,
  }),
  notifications: z.object({
    classified: z.boolean(),
    refuelClosing: z.boolean(),
    morningReminder: z.boolean(),
    /** Local time HH:MM. */
    morningTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  }),
  pollMinutes: z.number().check(z.int(), z.gte(POLL_MINUTES.min), z.lte(POLL_MINUTES.max)),
  retentionDays: z.number().check(z.int(), z.gte(RETENTION_DAYS.min), z.lte(RETENTION_DAYS.max)),
  /** "Also tag it on Strava": a correction of a run's kind writes Strava's workout_type too. */
  tagOnStrava: z.optional(z.boolean()),
});

export type Settings = z.output<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  profile: { trainingPhase: 'building' },
  notifications: {
    classified: true,
    refuelClosing: true,
    morningReminder: true,
    morningTime: '07:30',
  },
  pollMinutes: 5,
  retentionDays: 365,
};
