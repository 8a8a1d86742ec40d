// A runner's morning check-in, one per local date (YYYY-MM-DD in their time zone); an edit
// replaces that day's entry.

export const SORENESS_AREAS = ['calves', 'hamstrings', 'quads', 'hips', 'feet'] as const;
export type SorenessArea = (typeof SORENESS_AREAS)[number];

export interface CheckIn {
  /** The runner's local date, YYYY-MM-DD. */
  date: string;
  /** Hours slept last night, 0–16. */
  sleepHours?: number;
  /** 1 (poor) – 5 (great). */
  sleepQuality?: number;
  /** Overall soreness 0–10. */
  soreness?: number;
  sorenessAreas?: SorenessArea[];
  /** Energy / motivation 1–5. */
  energy?: number;
  /** Morning resting heart rate, bpm. */
  restingHr?: number;
  /** UTC epoch ms of the last edit. */
  updatedAt: number;
}

/** Body weight before and after one run: gives that run's fluid target. */
export interface WeighIn {
  activityId: number;
  beforeKg: number;
  afterKg: number;
}
