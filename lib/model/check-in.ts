// A runner's morning check-in, one per local date (YYYY-MM-DD in their time zone); an edit
// replaces that day's entry. The ranges are the form's, the messages' and the export's.
import { z } from 'zod/mini';
import { epochMs, inRange, intInRange, localDate } from './fields';

export const SORENESS_AREAS = ['calves', 'hamstrings', 'quads', 'hips', 'feet'] as const;
export type SorenessArea = (typeof SORENESS_AREAS)[number];

export const CHECK_IN_RANGES = {
  /** Hours slept last night. */
  sleepHours: { min: 0, max: 16 },
  /** 1 (poor) – 5 (great). */
  sleepQuality: { min: 1, max: 5 },
  /** Overall soreness. */
  soreness: { min: 0, max: 10 },
  /** Energy / motivation. */
  energy: { min: 1, max: 5 },
  /** Morning resting heart rate, bpm. */
  restingHr: { min: 25, max: 220 },
} as const;

export const CheckInSchema = z.object({
  /** The runner's local date, YYYY-MM-DD. */
  date: localDate(),
  sleepHours: z.optional(inRange(CHECK_IN_RANGES.sleepHours)),
  sleepQuality: z.optional(intInRange(CHECK_IN_RANGES.sleepQuality)),
  soreness: z.optional(intInRange(CHECK_IN_RANGES.soreness)),
  sorenessAreas: z.optional(z.array(z.enum(SORENESS_AREAS))),
  energy: z.optional(intInRange(CHECK_IN_RANGES.energy)),
  restingHr: z.optional(intInRange(CHECK_IN_RANGES.restingHr)),
  /** UTC epoch ms of the last edit. */
  updatedAt: epochMs(),
});
export type CheckIn = z.output<typeof CheckInSchema>;
