// The readiness countdown: hours from the end of a run until the next hard session, 0–96 h like
// Garmin's Recovery Time. The run's load (lib/recovery/load) against the runner's own runs of the
// same kind over the last 6 weeks sets the hours inside the range for that kind; races get a floor
// by distance and an easy-only block; age, the check-ins and a countdown still running (stacking)
// move it. Every step leaves a sentence with its number (rounded: people read these).
//
// Soreness terms are built so that more soreness on any check-in can never bring readiness
// earlier: the "grew" term only counts the rise above max(previous, mild), and the previous
// check-in's own level term is at least as steep, so raising it never lowers the total.

import { type Activity, endOf, isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import type { Plan, Readiness } from '../model/plan';
import { PLAN_KIND_LABELS, type PlanKind } from '../model/run-kind';
import { DAY_MS, HOUR_MS } from '../time';
import { type LoadProfile, loadContext, median, runLoad } from './load';
import { addDays, daysBetween, isDateKey, localDateKey, localInstant } from './local-date';
import { formatDistance, formatNumber } from './units';

const MAX_HOURS = 96;

/**
 * Hours for a usual run of each kind, and the range a smaller or bigger one moves in (protocol,
 * "Readiness ranges"). A run `r` times its kind's usual load gets usual × √r, inside the range.
 */
const RANGES: Record<Exclude<PlanKind, 'race'>, { usual: number; min: number; max: number }> = {
  easy: { usual: 12, min: 6, max: 24 },
  workout: { usual: 40, min: 30, max: 54 },
  long: { usual: 47, min: 30, max: 72 },
};
/**
 * Without 3 runs of the kind in the last 6 weeks (product choice): usual TRIMP-scale loads of an
 * easy 45 min, a 10×400 m or tempo session, and a 2 h long run.
 */
const DEFAULT_USUAL_LOAD: Record<Exclude<PlanKind, 'race'>, number> = {
  easy: 55,
  workout: 110,
  long: 200,
};
/** Race floors and the easy-only days after, by distance (protocol). */
const RACE_BANDS = [
  { belowKm: 7, floor: 48, easyDays: 2 },
  { belowKm: 15, floor: 60, easyDays: 3 },
  { belowKm: 30, floor: 72, easyDays: 7 },
  { belowKm: Number.POSITIVE_INFINITY, floor: 96, easyDays: 14 },
] as const;
const HISTORY_DAYS = 42;
const MIN_HISTORY_RUNS = 3;
/** Stacking: a hard session on a running countdown is at least this much later than alone. */
const STACK_MIN_HOURS = 4;
/** Foster 1998; the usual acute:chronic spike line. */
const MONOTONY_WARN = 2;
const SPIKE_WARN = 1.5;
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
  /** What each earlier run was (stored classifications); a guess from its tag and length else. */
  historyKinds?: ReadonlyMap<number, PlanKind>;
  age?: number;
  /** The runner's usual morning resting heart rate, bpm (profile). */
  restingHeartrate?: number;
  load?: LoadProfile;
  checkIns: readonly CheckIn[];
  activePlans: readonly Plan[];
  timeZone: string;
  now: number;
}

const signed = (hours: number) => `${hours < 0 ? '−' : '+'}${formatNumber(Math.abs(hours), 1)} h`;
const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
const isHard = (kind: PlanKind) => kind !== 'easy';

/** An earlier run's kind when nothing classified it: its Strava tag, else its length. */
function guessKind(a: Activity): PlanKind {
  if (a.workout_type === 1) return 'race';
  if (a.workout_type === 3) return 'workout';
  if (a.workout_type === 2 || a.moving_time >= 90 * 60) return 'long';
  return 'easy';
}

function raceBand(distanceM: number) {
  return RACE_BANDS.find((b) => distanceM / 1000 < b.belowKm) ?? RACE_BANDS[3];
}

interface LoadedRun {
  activity: Activity;
  kind: PlanKind;
  load: number;
}

/** Hours for this run's load against the usual load of its kind, inside that kind's range. */
function loadHours(
  run: LoadedRun,
  earlier: readonly LoadedRun[],
  method: string,
  reasons: string[],
): number {
  const kind =
    run.kind === 'race' ? (run.activity.moving_time >= 90 * 60 ? 'long' : 'workout') : run.kind;
  const range = RANGES[kind];
  const same = earlier
    .filter((r) => (r.kind === 'race' ? 'workout' : r.kind) === kind)
    .map((r) => r.load);
  const enough = same.length >= MIN_HISTORY_RUNS;
  const usual = enough ? median(same) : DEFAULT_USUAL_LOAD[kind];
  const ratio = run.load > 0 ? run.load / usual : 1;
  const hours = clamp(range.usual * Math.sqrt(ratio), range.min, range.max);
  const label = PLAN_KIND_LABELS[kind].toLowerCase();
  reasons.push(
    enough
      ? `Load ${formatNumber(run.load)} (${method}) is ${formatNumber(ratio, 2)}× your usual ${label} (${formatNumber(usual)}, median of ${same.length} in the last 6 weeks): ${formatNumber(hours, 1)} h (a usual ${label} gets ${range.usual} h, range ${range.min}–${range.max} h).`
      : `Load ${formatNumber(run.load)} (${method}) is ${formatNumber(ratio, 2)}× a typical ${label} (${formatNumber(usual)}; fewer than ${MIN_HISTORY_RUNS} of yours in the last 6 weeks): ${formatNumber(hours, 1)} h (range ${range.min}–${range.max} h).`,
  );
  return hours;
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

/** Load warnings over the days up to this run: monotony and a 7-day spike (with their numbers). */
function loadWarnings(run: LoadedRun, earlier: readonly LoadedRun[], timeZone: string): string[] {
  const runDate = localDateKey(endOf(run.activity), timeZone);
  const daily = new Map<number, number>();
  for (const r of [...earlier, run]) {
    const back = daysBetween(localDateKey(endOf(r.activity), timeZone), runDate);
    if (back >= 0 && back < 28) daily.set(back, (daily.get(back) ?? 0) + r.load);
  }
  const first = Math.min(...earlier.map((r) => Date.parse(r.activity.start_date)));
  // A history shorter than four weeks says nothing about a chronic load.
  if (!(Date.parse(run.activity.start_date) - first >= 21 * DAY_MS)) return [];
  const week = Array.from({ length: 7 }, (_, d) => daily.get(d) ?? 0);
  const acute = week.reduce((a, b) => a + b, 0);
  let chronic = 0;
  for (const v of daily.values()) chronic += v;
  const chronicWeek = chronic / 4;
  const warnings: string[] = [];
  const mean = acute / 7;
  const sd = Math.sqrt(week.reduce((a, v) => a + (v - mean) ** 2, 0) / 7);
  const monotony = sd > 0 ? mean / sd : 0;
  if (monotony > MONOTONY_WARN && acute > chronicWeek) {
    warnings.push(
      `Training monotony ${formatNumber(monotony, 1)} this week (above ${MONOTONY_WARN}) with a high load: vary hard and easy days.`,
    );
  }
  if (chronicWeek > 0 && acute > SPIKE_WARN * chronicWeek) {
    warnings.push(
      `This week's load (${formatNumber(acute)}) is ${formatNumber(acute / chronicWeek, 1)}× your weekly average of the last 4 weeks (${formatNumber(chronicWeek)}): a spike, above ${SPIKE_WARN}×.`,
    );
  }
  return warnings;
}

export function readiness(input: ReadinessInput): Readiness {
  const { activity, kind, timeZone, now } = input;
  const reasons: string[] = [];
  const warnings: string[] = [];
  const end = endOf(activity);
  const start = Date.parse(activity.start_date);
  const ctx = loadContext(
    input.history,
    start,
    input.load ?? { age: input.age },
    input.checkIns,
    activity,
  );
  const own = runLoad(activity, ctx);
  const method = { 'heart-rate': 'from heart rate', pace: 'from pace', duration: 'from duration' }[
    own.method
  ];
  const earlier: LoadedRun[] = input.history
    .filter((a) => {
      const t = Date.parse(a.start_date);
      return a.id !== activity.id && isRun(a) && t < start && t >= start - HISTORY_DAYS * DAY_MS;
    })
    .map((a) => ({
      activity: a,
      kind: input.historyKinds?.get(a.id) ?? guessKind(a),
      load: runLoad(a, ctx).load,
    }));
  const run: LoadedRun = { activity, kind, load: own.load };

  const baseHours = loadHours(run, earlier, method, reasons);
  let loaded = baseHours;
  let easyUntil: number | undefined;
  if (kind === 'race') {
    const band = raceBand(activity.distance);
    if (loaded < band.floor) {
      reasons.push(
        `Race of ${formatDistance(activity.distance, 'metric')}: at least ${band.floor} h before the next hard session.`,
      );
      loaded = band.floor;
    }
    const runDate = localDateKey(end, timeZone);
    easyUntil = localInstant(addDays(runDate, band.easyDays + 1), 0, timeZone);
    reasons.push(
      `After a race this long, easy running only for ${band.easyDays} days (after a marathon, a rule of thumb is about one easy day per mile raced).`,
    );
  }
  const age = ageFactor(input.age, reasons);
  loaded = Math.min(MAX_HOURS, loaded * age);
  loaded = Math.round(loaded * 10) / 10;

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

  // Stacking: a hard session started while an earlier countdown still ran adds to it.
  if (isHard(kind)) {
    for (const other of input.activePlans) {
      if (other.activityId === activity.id || other.kind === 'easy') continue;
      const leftAtStart = (other.readyAt - start) / HOUR_MS;
      if (leftAtStart <= 0 || other.runEndedAt > start) continue;
      const add = Math.max(STACK_MIN_HOURS, leftAtStart / 2);
      hours += add;
      reasons.push(
        `Started ${formatNumber(leftAtStart, 1)} h before the countdown of "${other.activityName}" ended: ${signed(add)}.`,
      );
      warnings.push(
        `Two hard sessions close together: this one began while "${other.activityName}" was still being recovered from.`,
      );
    }
    const yesterday = earlier.find(
      (r) =>
        isHard(r.kind) && daysBetween(localDateKey(endOf(r.activity), timeZone), runDate) === 1,
    );
    if (yesterday && !warnings.some((w) => w.includes(`"${yesterday.activity.name}"`))) {
      warnings.push(
        `Hard days back to back: "${yesterday.activity.name}" was yesterday. Keep the next days easy.`,
      );
    }
  }
  warnings.push(...loadWarnings(run, earlier, timeZone));

  if (hours > MAX_HOURS) reasons.push(`Capped at ${MAX_HOURS} h.`);
  hours = Math.round(clamp(hours, 0, MAX_HOURS) * 10) / 10;
  return {
    hours,
    baseHours: Math.round(baseHours * 10) / 10,
    reasons,
    warnings,
    load: Math.round(own.load),
    ...(easyUntil === undefined ? {} : { easyUntil }),
  };
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
