import type { RunKind } from '../model/run-kind';

/** The athlete's own Strava tag as a kind; null when the run is untagged (0, null or absent). */
export function fromTag(
  workoutType: number | null | undefined,
): { kind: RunKind; race: boolean } | null {
  switch (workoutType) {
    case 1:
      return { kind: 'workout', race: true };
    case 2:
      return { kind: 'long', race: false };
    case 3:
      return { kind: 'workout', race: false };
    default:
      return null;
  }
}
