/** One stretch of a run: a lap, a kilometre split, or a slice of the streams. */
export interface Segment {
  distance: number;
  moving_time: number;
}

export interface LapStructure {
  kind: 'intervals' | 'tempo' | 'steady' | 'unknown';
  /** Fast repetitions separated by slower running or rest (intervals). */
  reps: number;
  /** Fast↔slow changes along the run. */
  alternations: number;
  /** Fast block of a tempo, in seconds and metres. */
  blockSeconds: number;
  blockDistance: number;
  /** How much faster the fast parts are than the rest (1.15 = 15 %). */
  contrast: number;
}

export interface LapStructureOptions {
  /** The athlete's usual running speed, m/s: tells run/walk breaks from intervals. */
  referenceSpeed?: number;
  /** Segments of equal length (auto-laps, splits, stream slices): hills alone vary them, so ask more. */
  uniform?: boolean;
}

const NONE: LapStructure = {
  kind: 'unknown',
  reps: 0,
  alternations: 0,
  blockSeconds: 0,
  blockDistance: 0,
  contrast: 1,
};

// Below this a runner is walking or standing: such segments are rests, never the fast part.
const WALK_SPEED = 2.0;
const MIN_REP_SECONDS = 40;
const MIN_REP_METRES = 150;
const MIN_TEMPO_SECONDS = 8 * 60;

/**
 * Reads the shape of a run from its segments: repeated fast/slow alternation means intervals,
 * one sustained faster block between slower running means a tempo (or progression finish).
 */
export function lapStructure(
  segments: readonly Segment[],
  options: LapStructureOptions = {},
): LapStructure {
  const segs = segments.filter((s) => s.moving_time > 0 && s.distance > 0);
  if (segs.length < 3) return { ...NONE, kind: segs.length > 0 ? 'steady' : 'unknown' };
  const speeds = segs.map((s) => s.distance / s.moving_time);
  const uniform = options.uniform ?? isUniform(segs);
  // Split the running alone first (reps against jogs), then everything (reps against rests).
  for (const threshold of [splitPoint(speeds.filter((v) => v >= WALK_SPEED)), splitPoint(speeds)]) {
    if (threshold === undefined) continue;
    const intervals = findIntervals(segs, speeds, threshold, uniform, options.referenceSpeed);
    if (intervals) return intervals;
  }
  const tempo = findTempo(segs, speeds, uniform);
  if (tempo) return tempo;
  return { ...NONE, kind: 'steady' };
}

function isUniform(segs: readonly Segment[]): boolean {
  // The last lap is usually the remainder; auto-laps make all others the same length.
  const body = segs.slice(0, -1);
  const first = body[0]!.distance;
  return body.every((s) => Math.abs(s.distance - first) <= 0.03 * first);
}

function findIntervals(
  segs: readonly Segment[],
  speeds: readonly number[],
  threshold: number,
  uniform: boolean,
  referenceSpeed: number | undefined,
): LapStructure | null {
  const fast = speeds.map((v) => v >= threshold);
  let reps = 0;
  let alternations = 0;
  let fastTime = 0;
  let fastDist = 0;
  let slowRunTime = 0;
  let slowRunDist = 0;
  let i = 0;
  while (i < segs.length) {
    const isFast = fast[i]!;
    let j = i;
    let t = 0;
    let d = 0;
    while (j < segs.length && fast[j] === isFast) {
      t += segs[j]!.moving_time;
      d += segs[j]!.distance;
      j++;
    }
    if (i > 0) alternations++;
    if (isFast) {
      if (t >= MIN_REP_SECONDS && d >= MIN_REP_METRES) reps++;
      fastTime += t;
      fastDist += d;
    } else {
      for (let k = i; k < j; k++) {
        if (speeds[k]! >= WALK_SPEED) {
          slowRunTime += segs[k]!.moving_time;
          slowRunDist += segs[k]!.distance;
        }
      }
    }
    i = j;
  }
  if (reps < 3 || fastTime === 0) return null;
  const fastSpeed = fastDist / fastTime;
  // Compare the reps with the easy running around them; with only rests between them (run/walk),
  // compare with the athlete's usual speed instead, and without one we cannot tell.
  const slowSpeed = slowRunTime >= 60 ? slowRunDist / slowRunTime : referenceSpeed;
  if (slowSpeed === undefined) return null;
  const contrast = fastSpeed / slowSpeed;
  if (contrast < (uniform ? 1.2 : 1.1)) return null;
  return { kind: 'intervals', reps, alternations, blockSeconds: 0, blockDistance: 0, contrast };
}

/** Otsu's split on log speed: the cut that best separates two groups of segments. */
function splitPoint(speeds: readonly number[]): number | undefined {
  if (speeds.length < 4) return undefined;
  const logs = speeds.map(Math.log).sort((a, b) => a - b);
  const n = logs.length;
  const total = logs.reduce((s, v) => s + v, 0);
  let best = -1;
  let cut: number | undefined;
  let left = 0;
  for (let k = 1; k < n; k++) {
    left += logs[k - 1]!;
    if (logs[k]! === logs[k - 1]!) continue;
    const m1 = left / k;
    const m2 = (total - left) / (n - k);
    const score = k * (n - k) * (m2 - m1) ** 2;
    if (score > best) {
      best = score;
      cut = Math.exp((logs[k - 1]! + logs[k]!) / 2);
    }
  }
  return cut;
}

function findTempo(
  segs: readonly Segment[],
  speeds: readonly number[],
  uniform: boolean,
): LapStructure | null {
  // Walking and standing are left out, so a stop does not make the running around it look fast.
  const run = segs.filter((_, k) => speeds[k]! >= WALK_SPEED);
  const n = run.length;
  if (n < 3) return null;
  const cumT = [0];
  const cumD = [0];
  for (const s of run) {
    cumT.push(cumT[cumT.length - 1]! + s.moving_time);
    cumD.push(cumD[cumD.length - 1]! + s.distance);
  }
  const totalT = cumT[n]!;
  const totalD = cumD[n]!;
  const need = uniform ? 1.1 : 1.08;
  let best: LapStructure | null = null;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j <= n; j++) {
      const t = cumT[j]! - cumT[i]!;
      if (t < MIN_TEMPO_SECONDS) continue;
      const restT = totalT - t;
      if (restT < 0.15 * totalT) break;
      const d = cumD[j]! - cumD[i]!;
      const contrast = d / t / ((totalD - d) / restT);
      if (contrast >= need && (!best || t > best.blockSeconds)) {
        best = {
          kind: 'tempo',
          reps: 1,
          alternations: 0,
          blockSeconds: t,
          blockDistance: d,
          contrast,
        };
      }
    }
  }
  return best;
}
