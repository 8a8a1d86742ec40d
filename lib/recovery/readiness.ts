// The readiness countdown: hours from the end of a run until the next hard session, 0–96 h like
// Garmin's Recovery Time. A base by kind, scaled by how big the run was for this athlete and by
// age; then moved by the runner's check-ins. Every step leaves a sentence with its number.
//
// Soreness terms are built so that more soreness on any check-in can never bring readiness
// earlier: the "grew" term only counts the rise above max(previous, mild), and the previous
// check-in's own level term is at least as steep, so raising it never lowers the total.

import { type Activity, endOf, isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import { PLAN_KIND_LABELS, type PlanKind } from '../model/classification';
import type { Plan, Readiness } from '../model/plan';
import { HOUR_MS } from '../time';
import { daysBetween, isDateKey, localDateKey } from './local-date';
import { formatDuration, formatNumber } from './units';

export const MAX_HOURS = 96;

/**
 * Base by kind. Workouts and races: no hard session for about 48 h (protocol). Long runs: 1–2
 * rest or easy days (seed 001), so 48 h before the next hard one. Easy runs get no gap in the
 * protocol; 12 h is our choice so two hard days are not stacked on an easy one.
 */
export const BASE_HOURS: Record<PlanKind, number> = { easy: 12, workout: 48, long: 48, race: 48 };

/** Size: this run against the median of the athlete's runs in the 6 weeks before it. */
const HISTORY_DAYS = 42;
const MIN_HISTORY_RUNS = 3;
const SIZE_FACTOR = { min: 0.75, max: 1.5 } as const;
/**
 * How big a run of each kind usually is against the athlete's median run; the base already
 * assumes that much. A long run is about a quarter of the week (seed 004), roughly 2× a usual run.
 */
const USUAL_SIZE: Record<PlanKind, number> = { easy: 1, workout: 1, long: 2, race: 1 };
/** Seed 001: older runners need longer; +1% a year past 35, at most +30%. */
const AGE_FROM = 35;
const AGE_PER_YEAR = 0.01;
const AGE_MAX_FACTOR = 1.3;
/** Seed 003: under 7 h of sleep lengthens recovery. */
const SLEEP_GOOD_HOURS = 7;
export const SLEEP_HOURS_PER_HOUR_SHORT = 2;
export const GOOD_SLEEP_CREDIT_HOURS = 2;
const GOOD_SLEEP_QUALITY = 4;
/** Seed 003: mild soreness is normal and fades within 1–2 days. */
const SORENESS_MILD = 2;
export const SORENESS_EARLY_HOURS_PER_POINT = 1;
const SORENESS_PERSIST_AFTER_HOURS = 48;
export const SORENESS_PERSIST_HOURS_PER_POINT = 3;
/** Must not exceed either level rate above, so that the total stays monotone. */
export const SORENESS_GROWTH_HOURS_PER_POINT = 1;
/** Seed 003: unusually high morning resting heart rate means rest more. */
const RESTING_HR_ELEVATED_BPM = 5;
const RESTING_HR_WARN_BPM = 10;
export const RESTING_HR_HOURS_PER_BPM = 1.5;
/** Good sleep and fading soreness may bring readiness earlier by at most this share. */
export const MAX_CREDIT_FRACTION = 0.2;
/** Check-ins later than this many days after the run belong to other runs. */
const CHECK_IN_DAYS = 4;

export interface ReadinessInput {
  activity: Activity;
  kind: PlanKind;
  history: readonly Activity[];
  age?: number;
  /** The runner's usual morning resting heart rate, bpm (profile). */
  restingHeartrate?: number;
  checkIns: readonly CheckIn[];
  activePlans: readonly Plan[];
  timeZone: string;
  now: number;
}

const signed = (hours: number) => `${hours < 0 ? '−' : '+'}${formatNumber(Math.abs(hours), 1)} h`;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

function sizeFactor(
  activity: Activity,
  kind: PlanKind,
  history: readonly Activity[],
  reasons: string[],
): number {
  const start = Date.parse(activity.start_date);
  const earlier = history.filter((run) => {
    if (run.id === activity.id || !isRun(run)) return false;
    const runStart = Date.parse(run.start_date);
    return runStart < start && runStart >= start - HISTORY_DAYS * 24 * HOUR_MS;
  });
  const score = activity.suffer_score ?? 0;
  const scored = earlier.map((run) => run.suffer_score ?? 0).filter((s) => s > 0);
  const useScore = score > 0 && scored.length >= MIN_HISTORY_RUNS;
  const samples = useScore ? scored : earlier.map((run) => run.moving_time).filter((t) => t > 0);
  const value = useScore ? score : activity.moving_time;
  if (samples.length < MIN_HISTORY_RUNS || !(value > 0)) {
    reasons.push(
      `Only ${samples.length} earlier run${samples.length === 1 ? '' : 's'} in the last 6 weeks: not enough to compare this run's size (×1).`,
    );
    return 1;
  }
  const usual = median(samples);
  const ratio = value / usual;
  const factor = clamp(Math.sqrt(ratio / USUAL_SIZE[kind]), SIZE_FACTOR.min, SIZE_FACTOR.max);
  const measure = useScore
    ? `relative effort ${formatNumber(value)} vs a median of ${formatNumber(usual)}`
    : `moving time ${formatDuration(value * 1000)} vs a median of ${formatDuration(usual * 1000)}`;
  reasons.push(
    `This run was ${formatNumber(ratio, 1)}× your usual (${measure} over ${samples.length} runs in the last 6 weeks)${USUAL_SIZE[kind] === 1 ? '' : `, where a ${PLAN_KIND_LABELS[kind].toLowerCase()} is usually about ${USUAL_SIZE[kind]}×`}: ×${formatNumber(factor, 2)}.`,
  );
  return factor;
}

function ageFactor(age: number | undefined, reasons: string[]): number {
  if (age === undefined || !Number.isFinite(age) || age < 10 || age > 110) return 1;
  if (age <= AGE_FROM) return 1;
  const factor = Math.min(AGE_MAX_FACTOR, 1 + AGE_PER_YEAR * (age - AGE_FROM));
  reasons.push(`Age ${formatNumber(age)}: recovery takes longer, ×${formatNumber(factor, 2)}.`);
  return factor;
}

/** Check-ins about the days after this run: one per date (latest edit wins), oldest first. */
function checkInsAfter(checkIns: readonly CheckIn[], runDate: string, today: string): CheckIn[] {
  const byDate = new Map<string, CheckIn>();
  for (const checkIn of checkIns) {
    if (!isDateKey(checkIn.date)) continue;
    const day = daysBetween(runDate, checkIn.date);
    if (day < 1 || day > CHECK_IN_DAYS || checkIn.date > today) continue;
    const kept = byDate.get(checkIn.date);
    if (!kept || checkIn.updatedAt > kept.updatedAt) byDate.set(checkIn.date, checkIn);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

const validSoreness = (s: number | undefined): s is number => s !== undefined && Number.isFinite(s);

export function readiness(input: ReadinessInput): Readiness {
  const { activity, kind, timeZone, now } = input;
  const reasons: string[] = [];
  const warnings: string[] = [];
  const end = endOf(activity);
  const baseHours = BASE_HOURS[kind];
  reasons.push(`${PLAN_KIND_LABELS[kind]}: ${baseHours} h base before the next hard session.`);

  const size = sizeFactor(activity, kind, input.history, reasons);
  const age = ageFactor(input.age, reasons);
  let loaded = baseHours * size * age;
  if (loaded > MAX_HOURS) {
    reasons.push(`Capped at ${MAX_HOURS} h.`);
    loaded = MAX_HOURS;
  }
  loaded = Math.round(loaded * 10) / 10;
  if (size !== 1 || age !== 1) reasons.push(`Before check-ins: ${formatNumber(loaded, 1)} h.`);

  const runDate = localDateKey(end, timeZone);
  const after = checkInsAfter(input.checkIns, runDate, localDateKey(now, timeZone));
  let penalty = 0;
  let credit = 0;

  // Sleep, night by night.
  for (const checkIn of after) {
    const slept = checkIn.sleepHours;
    if (slept === undefined || !Number.isFinite(slept) || slept < 0 || slept > 24) continue;
    if (slept < SLEEP_GOOD_HOURS) {
      const add = (SLEEP_GOOD_HOURS - slept) * SLEEP_HOURS_PER_HOUR_SHORT;
      penalty += add;
      reasons.push(
        `Night before ${checkIn.date}: slept ${formatNumber(slept, 1)} h, under 7 h: ${signed(add)}.`,
      );
    } else if (checkIn.sleepQuality === undefined || checkIn.sleepQuality >= GOOD_SLEEP_QUALITY) {
      credit -= GOOD_SLEEP_CREDIT_HOURS;
      reasons.push(
        `Night before ${checkIn.date}: slept ${formatNumber(slept, 1)} h${checkIn.sleepQuality === undefined ? '' : ` (quality ${checkIn.sleepQuality}/5)`}: ${signed(-GOOD_SLEEP_CREDIT_HOURS)}.`,
      );
    }
  }

  // Soreness: a level term per check-in, a growth term for the latest rise.
  const sore = after.filter((c) => validSoreness(c.soreness));
  for (const checkIn of sore) {
    const s = clamp(checkIn.soreness!, 0, 10);
    const day = daysBetween(runDate, checkIn.date);
    const persists = day >= 2 && checkIn.updatedAt - end >= SORENESS_PERSIST_AFTER_HOURS * HOUR_MS;
    if (persists && s > 1) {
      const add = (s - 1) * SORENESS_PERSIST_HOURS_PER_POINT;
      penalty += add;
      reasons.push(
        `Soreness ${formatNumber(s, 1)}/10 still there on ${checkIn.date}, past 48 h: ${signed(add)}.`,
      );
      warnings.push(
        `Soreness is still ${formatNumber(s, 1)}/10 more than 48 h after the run: recovery is not keeping up, so rest more.`,
      );
    } else if (!persists && s > SORENESS_MILD) {
      const add = (s - SORENESS_MILD) * SORENESS_EARLY_HOURS_PER_POINT;
      penalty += add;
      reasons.push(`Soreness ${formatNumber(s, 1)}/10 on ${checkIn.date}: ${signed(add)}.`);
    }
  }
  const last = sore.at(-1);
  const prev = sore.at(-2);
  if (last && prev) {
    const sLast = clamp(last.soreness!, 0, 10);
    const sPrev = clamp(prev.soreness!, 0, 10);
    const rise = sLast - Math.max(sPrev, SORENESS_MILD);
    if (rise > 0) {
      const add = rise * SORENESS_GROWTH_HOURS_PER_POINT;
      penalty += add;
      reasons.push(
        `Soreness grew from ${formatNumber(sPrev, 1)} to ${formatNumber(sLast, 1)}: ${signed(add)}.`,
      );
      warnings.push(
        `Soreness grew from ${formatNumber(sPrev, 1)} to ${formatNumber(sLast, 1)}/10: a sign recovery is not keeping up.`,
      );
    }
  }
  if (last && last.soreness! <= SORENESS_MILD) {
    const s = Math.max(0, last.soreness!);
    const take = SORENESS_MILD + 1 - s;
    credit -= take;
    reasons.push(`Soreness down to ${formatNumber(s, 1)}/10 on ${last.date}: ${signed(-take)}.`);
  }

  // Morning resting heart rate against the usual one.
  const usualHr = usualRestingHr(input, runDate);
  const hrCheckIn = after.filter((c) => c.restingHr !== undefined && c.restingHr > 0).at(-1);
  if (usualHr !== undefined && hrCheckIn) {
    const over = hrCheckIn.restingHr! - usualHr;
    if (over >= RESTING_HR_ELEVATED_BPM) {
      const add = over * RESTING_HR_HOURS_PER_BPM;
      penalty += add;
      reasons.push(
        `Morning resting heart rate ${formatNumber(hrCheckIn.restingHr!)} bpm on ${hrCheckIn.date}, ${formatNumber(over)} above your usual ${formatNumber(usualHr)}: ${signed(add)}.`,
      );
      if (over >= RESTING_HR_WARN_BPM) {
        warnings.push(
          `Morning heart rate is ${formatNumber(over)} bpm above usual: take it easy until it settles.`,
        );
      }
    }
  }

  const energy = after.at(-1)?.energy;
  if (energy !== undefined && energy <= 2) {
    warnings.push(`Energy ${energy}/5: low motivation can be a sign of under-recovery.`);
  }

  const maxCredit = loaded * MAX_CREDIT_FRACTION;
  if (-credit > maxCredit) {
    reasons.push(
      `Earlier by at most ${formatNumber(maxCredit, 1)} h (${MAX_CREDIT_FRACTION * 100}% of ${formatNumber(loaded, 1)} h).`,
    );
    credit = -maxCredit;
  }
  let hours = loaded + penalty + credit;
  if (hours > MAX_HOURS) {
    reasons.push(`Capped at ${MAX_HOURS} h.`);
  }
  hours = Math.round(clamp(hours, 0, MAX_HOURS) * 10) / 10;

  // A run while other plans are still running: ready when the later countdown ends.
  for (const other of input.activePlans) {
    if (other.activityId === activity.id) continue;
    const otherHours = (other.readyAt - end) / HOUR_MS;
    if (otherHours > hours) {
      const capped = Math.min(MAX_HOURS, otherHours);
      reasons.push(
        `Still recovering from "${other.activityName}": its countdown ends later, ${signed(capped - hours)}.`,
      );
      hours = capped;
    }
  }
  return { hours, baseHours, reasons, warnings };
}

function usualRestingHr(input: ReadinessInput, runDate: string): number | undefined {
  const fromProfile = input.restingHeartrate;
  if (fromProfile !== undefined && fromProfile >= 25 && fromProfile <= 120) return fromProfile;
  const before = input.checkIns
    .filter((c) => isDateKey(c.date) && c.date <= runDate && c.restingHr !== undefined)
    .map((c) => c.restingHr!)
    .filter((hr) => hr >= 25 && hr <= 120);
  return before.length >= MIN_HISTORY_RUNS ? median(before) : undefined;
}
