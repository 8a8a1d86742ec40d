// The runner's settings: profile overrides over Strava's profile, notifications, polling and
// retention. Validated on every read and every save.
import { z } from 'zod/mini';

export const SettingsSchema = z.object({
  profile: z.object({
    weightKg: z.optional(z.number().check(z.gte(30), z.lte(250))),
    age: z.optional(z.number().check(z.gte(10), z.lte(100))),
    /** Unset: follow the Strava profile's measurement preference. */
    units: z.optional(z.enum(['metric', 'imperial'])),
    trainingPhase: z.enum(['building', 'taper']),
  }),
  notifications: z.object({
    classified: z.boolean(),
    refuelClosing: z.boolean(),
    morningReminder: z.boolean(),
    /** Local time HH:MM. */
    morningTime: z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
  }),
  pollMinutes: z.number().check(z.int(), z.gte(2), z.lte(60)),
  retentionDays: z.number().check(z.int(), z.gte(30), z.lte(3650)),
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
