// What the runner told us about themselves (options) merged over what Strava's profile says.

export type Units = 'metric' | 'imperial';
export type TrainingPhase = 'building' | 'taper';

export interface Profile {
  /** Body weight in kg (Strava profile or options). */
  weightKg?: number;
  age?: number;
  units: Units;
  maxHeartrate?: number;
  /** Usual morning resting heart rate, bpm. */
  restingHeartrate?: number;
  trainingPhase: TrainingPhase;
  /** IANA zone the runner lives in; defaults to the browser's. */
  timeZone?: string;
}

export const DEFAULT_PROFILE: Profile = { units: 'metric', trainingPhase: 'building' };
