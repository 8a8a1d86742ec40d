import type { RunKind } from '../../lib/model/run-kind';

export const KINDS: readonly RunKind[] = ['easy', 'workout', 'long'];

/** What scoring needs of one run: its own tag, its dates and the kind predicted for it. */
export interface ScoredInput {
  workout_type?: number | null;
  start_date?: string;
  start_date_local?: string;
  predicted: RunKind;
}

interface ClassFigures {
  tp: number;
  fp: number;
  fn: number;
  /** Runs scored for this class. */
  scored: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Score {
  /** Runs scored for at least one class. */
  runs: number;
  perClass: Partial<Record<RunKind, ClassFigures>>;
  macroF1: number;
  /** confusion[truth][predicted] over the runs scored for at least one class. */
  confusion: Record<RunKind, Record<RunKind, number>>;
}

/** Truth from the athlete's tag: 2 long, 1 or 3 workout, anything else easy. */
export function truthOf(workoutType: number | null | undefined): RunKind {
  if (workoutType === 2) return 'long';
  if (workoutType === 1 || workoutType === 3) return 'workout';
  return 'easy';
}

const MIN_TAGS = 5;

/**
 * Which classes each run of one athlete is scored for. Long counts only if the athlete tagged
 * at least 5 runs long, and then in the calendar months (local date, else UTC date) in which
 * they tagged a long run; workout likewise with race/workout tags; easy where both are scored.
 */
export function scoredClasses(runs: readonly ScoredInput[]): Set<RunKind>[] {
  const month = (r: ScoredInput) => (r.start_date_local ?? r.start_date ?? '').slice(0, 7);
  const monthsOf = (kind: RunKind) => {
    const tagged = runs.filter((r) => truthOf(r.workout_type) === kind);
    return tagged.length >= MIN_TAGS ? new Set(tagged.map(month)) : new Set<string>();
  };
  const longMonths = monthsOf('long');
  const workoutMonths = monthsOf('workout');
  return runs.map((r) => {
    const classes = new Set<RunKind>();
    const m = month(r);
    if (longMonths.has(m)) classes.add('long');
    if (workoutMonths.has(m)) classes.add('workout');
    if (classes.size === 2) classes.add('easy');
    return classes;
  });
}

/** Pools the counts of several athletes (each a list of runs) into one score. */
export function score(athletes: readonly (readonly ScoredInput[])[]): Score {
  const counts = Object.fromEntries(
    KINDS.map((k) => [k, { tp: 0, fp: 0, fn: 0, scored: 0 }]),
  ) as Record<RunKind, { tp: number; fp: number; fn: number; scored: number }>;
  const confusion = Object.fromEntries(
    KINDS.map((t) => [t, Object.fromEntries(KINDS.map((p) => [p, 0]))]),
  ) as Score['confusion'];
  let runs = 0;
  for (const athlete of athletes) {
    const classes = scoredClasses(athlete);
    athlete.forEach((r, i) => {
      const scoredFor = classes[i]!;
      if (scoredFor.size === 0) return;
      runs++;
      const truth = truthOf(r.workout_type);
      confusion[truth][r.predicted]++;
      for (const k of scoredFor) {
        const c = counts[k];
        c.scored++;
        if (r.predicted === k && truth === k) c.tp++;
        else if (r.predicted === k) c.fp++;
        else if (truth === k) c.fn++;
      }
    });
  }
  const perClass: Score['perClass'] = {};
  for (const k of KINDS) {
    const c = counts[k];
    if (c.scored === 0) continue;
    perClass[k] = {
      ...c,
      precision: ratio(c.tp, c.tp + c.fp),
      recall: ratio(c.tp, c.tp + c.fn),
      f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    };
  }
  const f1s = Object.values(perClass).map((c) => c.f1);
  const macroF1 = f1s.length ? f1s.reduce((s, v) => s + v, 0) / f1s.length : 0;
  return { runs, perClass, macroF1, confusion };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
