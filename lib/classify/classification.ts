export type RunKind = 'easy' | 'workout' | 'long';

export interface Classification {
  kind: RunKind;
  race: boolean;
  /** 0..1 */
  confidence: number;
  source: 'strava-tag' | 'inferred';
  /** Plain sentences with numbers, for the runner. */
  reasons: string[];
}
