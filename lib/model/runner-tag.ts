// The runner's own word on what a run was ("this was an easy run"), kept locally with the run,
// exported with their data, and stronger than Strava's tag or the classifier. Zod-free: the panel
// and popup offer these choices at run time.
import type { RunKind } from './run-kind';

export const RUNNER_TAGS = ['easy', 'workout', 'long', 'race'] as const;
export type RunnerTagKind = (typeof RUNNER_TAGS)[number];

export interface RunnerTag {
  kind: RunnerTagKind;
  /** When the runner said it (epoch ms). */
  at: number;
  /** Strava's workout_type before we tagged it there (runner-tag-schema.ts). */
  was?: number;
}

/** A race is planned as a long run when it lasted 90 minutes or more, else as a workout. */
const RACE_LONG_S = 90 * 60;

/** Strava's `workout_type` for a tag (0 default, 1 race, 2 long run, 3 workout). */
export const WORKOUT_TYPE_OF: Record<RunnerTagKind, 0 | 1 | 2 | 3> = {
  easy: 0,
  race: 1,
  long: 2,
  workout: 3,
};

export function classificationFromRunnerTag(
  tag: RunnerTagKind,
  movingTimeS: number,
): {
  kind: RunKind;
  race: boolean;
  confidence: number;
  source: 'runner-tag';
  reasons: string[];
} {
  const race = tag === 'race';
  const kind: RunKind = race ? (movingTimeS >= RACE_LONG_S ? 'long' : 'workout') : tag;
  const said = { easy: 'an easy run', workout: 'a workout', long: 'a long run', race: 'a race' }[
    tag
  ];
  return {
    kind,
    race,
    confidence: 1,
    source: 'runner-tag',
    reasons: [`You said this was ${said}.`],
  };
}
