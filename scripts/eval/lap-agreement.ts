import { hasWorkoutName } from './naive-baseline';
import type { ReplayedRun } from './replay';

export interface LapAgreement {
  /** Runs with at least one lap. */
  runs: number;
  /** Laps say workout (intervals or tempo) and the name is workout-like, etc. */
  both: number;
  lapsOnly: number;
  nameOnly: number;
  neither: number;
  /** Share of runs on which the two agree. */
  agreement: number;
}

/** How often lap-based detection agrees with a workout-like name, on runs that have laps. */
export function lapAgreement(runs: readonly ReplayedRun[]): LapAgreement {
  const out = { runs: 0, both: 0, lapsOnly: 0, nameOnly: 0, neither: 0, agreement: 0 };
  for (const r of runs) {
    if (!r.run.laps?.length) continue;
    out.runs++;
    const f = r.detail.features;
    const byLaps =
      f.structureSource === 'laps' &&
      (f.structure.kind === 'intervals' || f.structure.kind === 'tempo');
    const byName = hasWorkoutName(r.run.name);
    if (byLaps && byName) out.both++;
    else if (byLaps) out.lapsOnly++;
    else if (byName) out.nameOnly++;
    else out.neither++;
  }
  out.agreement = out.runs ? (out.both + out.neither) / out.runs : 0;
  return out;
}
