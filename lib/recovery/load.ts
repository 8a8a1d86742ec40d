// One training-load figure per run, for every runner: Banister's TRIMP from heart-rate reserve when
// the run has a heart rate, else an estimate from duration and pace against the runner's own usual
// pace, scaled to TRIMP by this runner's runs that have both (protocol, "Load and readiness
// figures"). Pure: the runs and the profile in, numbers out.
import { type Activity, isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import { DAY_MS } from '../time';

type Sex = 'M' | 'F';

export interface LoadProfile {
  sex?: Sex;
  age?: number;
  maxHeartrate?: number;
  restingHeartrate?: number;
}

/** Banister 1991 (men, women); Runalyze's constants when sex is unknown. */
const TRIMP_CONSTANTS: Record<Sex | 'unknown', { a: number; b: number }> = {
  M: { a: 0.64, b: 1.92 },
  F: { a: 0.86, b: 1.67 },
  unknown: { a: 0.725, b: 1.795 },
};
/** Product choice: a resting heart rate when neither the profile nor the check-ins give one. */
const DEFAULT_RESTING_HR = 60;
/** Product choice: the age behind a maximum heart rate when nothing else gives one. */
const DEFAULT_AGE = 35;
const MAX_HR_DAYS = 90;
/** Pace is compared with the runner's runs of the last 6 weeks. */
const PACE_DAYS = 42;
/**
 * Without heart rate (product choice, literature default): the runner's usual (median) pace sits
 * at about 65% of heart-rate reserve, and each 10% faster adds about 10 points (threshold pace,
 * about 20% faster than easy, at about 85%).
 */
const USUAL_PACE_HRR = 0.65;
const HRR_PER_RELATIVE_SPEED = 1;
/** Grade adjustment (product choice): each metre climbed costs about as much as 8 m on the flat. */
const FLAT_METRES_PER_METRE_CLIMBED = 8;
const MIN_CALIBRATION_RUNS = 3;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const positive = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** A heart rate the run really measured: a suffer_score alone can come from perceived exertion. */
const heartRateOf = (a: Activity) => (positive(a.average_heartrate) ? a.average_heartrate : null);

function trimp(minutes: number, hrr: number, sex: Sex | undefined): number {
  const { a, b } = TRIMP_CONSTANTS[sex ?? 'unknown'];
  const r = clamp(hrr, 0, 1);
  return minutes * r * a * Math.exp(b * r);
}

/** Grade-adjusted speed, m/s. */
function flatSpeed(a: Activity): number | null {
  if (!positive(a.moving_time) || !positive(a.distance)) return null;
  const climb = positive(a.total_elevation_gain) ? a.total_elevation_gain : 0;
  return (a.distance + FLAT_METRES_PER_METRE_CLIMBED * climb) / a.moving_time;
}

export interface LoadContext {
  /** Heart-rate reserve bounds, and where they came from (for the reasons). */
  maxHr: number;
  restHr: number;
  sex?: Sex;
  /** The runner's usual grade-adjusted speed, m/s, or null without enough runs. */
  usualSpeed: number | null;
  /** TRIMP ÷ pace estimate over this runner's runs that have both; 1 when too few. */
  calibration: { ratio: number; iqr: [number, number] | null; runs: number };
}

export interface RunLoad {
  load: number;
  method: 'heart-rate' | 'pace' | 'duration';
}

function paceEstimate(a: Activity, ctx: Pick<LoadContext, 'usualSpeed' | 'sex'>): number | null {
  const speed = flatSpeed(a);
  if (speed === null) return null;
  const relative = ctx.usualSpeed ? speed / ctx.usualSpeed : 1;
  const hrr = clamp(USUAL_PACE_HRR + (relative - 1) * HRR_PER_RELATIVE_SPEED, 0.3, 1);
  return trimp(a.moving_time / 60, hrr, ctx.sex);
}

/** What a run's load is measured against: the runner's heart-rate bounds, pace and calibration. */
export function loadContext(
  history: readonly Activity[],
  before: number,
  profile: LoadProfile,
  checkIns: readonly CheckIn[],
  /** The run being measured: its own maximum counts too (easy weeks alone understate it). */
  self?: Activity,
): LoadContext {
  const runs = history.filter((a) => isRun(a) && Date.parse(a.start_date) < before);
  const recent = (days: number) =>
    runs.filter((a) => Date.parse(a.start_date) >= before - days * DAY_MS);
  const seenMax = [...recent(MAX_HR_DAYS), ...(self ? [self] : [])]
    .map((a) => a.max_heartrate)
    .filter(positive);
  const maxHr = positive(profile.maxHeartrate)
    ? profile.maxHeartrate
    : seenMax.length
      ? Math.max(...seenMax)
      : 208 - 0.7 * (positive(profile.age) ? profile.age : DEFAULT_AGE);
  const restings = checkIns.map((c) => c.restingHr).filter(positive);
  const restHr = positive(profile.restingHeartrate)
    ? profile.restingHeartrate
    : restings.length
      ? median(restings.slice(-14))
      : DEFAULT_RESTING_HR;
  const speeds = recent(PACE_DAYS)
    .map(flatSpeed)
    .filter((s): s is number => s !== null);
  const usualSpeed = speeds.length >= MIN_CALIBRATION_RUNS ? median(speeds) : null;
  const base = { maxHr: Math.max(maxHr, restHr + 20), restHr, sex: profile.sex, usualSpeed };
  const ratios = recent(PACE_DAYS).flatMap((a) => {
    const hr = hrLoad(a, base);
    const est = paceEstimate(a, base);
    return hr !== null && est ? [hr / est] : [];
  });
  const calibration =
    ratios.length >= MIN_CALIBRATION_RUNS
      ? {
          ratio: median(ratios),
          iqr: [quantile(ratios, 0.25), quantile(ratios, 0.75)] as [number, number],
          runs: ratios.length,
        }
      : { ratio: 1, iqr: null, runs: ratios.length };
  return { ...base, calibration };
}

function hrLoad(a: Activity, ctx: Pick<LoadContext, 'maxHr' | 'restHr' | 'sex'>): number | null {
  const hr = heartRateOf(a);
  if (hr === null || !positive(a.moving_time)) return null;
  return trimp(a.moving_time / 60, (hr - ctx.restHr) / (ctx.maxHr - ctx.restHr), ctx.sex);
}

/** The run's load in TRIMP units, from heart rate when it has one, else from pace and duration. */
export function runLoad(a: Activity, ctx: LoadContext): RunLoad {
  const hr = hrLoad(a, ctx);
  if (hr !== null) return { load: hr, method: 'heart-rate' };
  const est = paceEstimate(a, ctx);
  if (est !== null) return { load: est * ctx.calibration.ratio, method: 'pace' };
  // No distance (a manual entry, a treadmill without a foot pod): duration at the usual intensity.
  const minutes = positive(a.moving_time) ? a.moving_time / 60 : 0;
  return {
    load: trimp(minutes, USUAL_PACE_HRR, ctx.sex) * ctx.calibration.ratio,
    method: 'duration',
  };
}
