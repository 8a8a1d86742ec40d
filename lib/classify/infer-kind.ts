import type { Classification } from '../model/classification';
import type { Profile } from '../model/profile';
import { formatUnits } from './format-units';
import type { HistoryStats } from './history-stats';
import type { RunFeatures } from './run-features';
import type { LearnedSignal, TagProfile, WorkoutSignal } from './tag-profile';

// Defaults for an athlete whose tags teach nothing yet. A long run is clearly longer than the
// usual run and long in absolute terms; these are coaching rules of thumb, not fitted values.
const LONG_RATIO = 1.5;
const LONG_MIN_METRES = 12_000;
const LONG_NO_HISTORY_METRES = 18_000;
const LONG_NO_HISTORY_SECONDS = 100 * 60;
const WORKOUT_POINTS = 2.5;
// Faster than this against the usual pace is a workout's pace (before the runner's tags say more).
const FAST_PACE = 1.07;

interface Evidence {
  points: number;
  reasons: string[];
}

/** Classifies an untagged run from its features; the reasons say which signals decided. */
export function inferKind(
  f: RunFeatures,
  stats: HistoryStats,
  tags: TagProfile,
  profile: Profile,
): Classification {
  const units = profile.units;
  const km = (m: number) => formatUnits.distance(m, units);
  const long = longEvidence(f, stats, tags, km);
  const work = workoutEvidence(f, stats, tags, km);
  // "Race warm-up" and "easy after the race" name a run around a race, not the race.
  const race = f.name.race !== undefined && !f.name.easy && !f.name.warmup;
  const historyFactor = stats.runs28 >= 6 ? 1 : stats.runs28 >= 2 ? 0.8 : 0.6;

  if (race) {
    return {
      kind: 'workout',
      race: true,
      confidence: round(0.75 * historyFactor + 0.1),
      source: 'inferred',
      reasons: [`the name "${f.name.race}" reads like a race`, ...long.reasons, ...work.reasons],
    };
  }
  if (long.points > 0) {
    return {
      kind: 'long',
      race: false,
      confidence: round(sigmoid(long.points) * historyFactor),
      source: 'inferred',
      reasons: [...long.reasons, ...work.reasons],
    };
  }
  if (work.points >= WORKOUT_POINTS) {
    return {
      kind: 'workout',
      race: false,
      confidence: round(sigmoid(work.points - WORKOUT_POINTS + 0.5) * historyFactor),
      source: 'inferred',
      reasons: work.reasons,
    };
  }
  const easyReasons = [...work.reasons, ...long.reasons];
  if (easyReasons.length === 0) {
    easyReasons.push(
      stats.typicalDistance
        ? `${km(f.distance)} at a usual effort, close to your typical run of ${km(stats.typicalDistance)}`
        : `${km(f.distance)} with nothing pointing to a long run or a workout`,
    );
  }
  return {
    kind: 'easy',
    race: false,
    confidence: round(
      sigmoid(Math.min(-long.points, WORKOUT_POINTS - work.points) + 0.5) * historyFactor,
    ),
    source: 'inferred',
    reasons: easyReasons,
  };
}

function longEvidence(
  f: RunFeatures,
  stats: HistoryStats,
  tags: TagProfile,
  km: (m: number) => string,
): Evidence {
  const reasons: string[] = [];
  if (f.distanceRatio === undefined || !stats.typicalDistance) {
    // No recent history: only absolute distance or duration can say "long".
    const byDistance = f.distance >= LONG_NO_HISTORY_METRES;
    const byTime = f.movingTime >= LONG_NO_HISTORY_SECONDS;
    if (byDistance) reasons.push(`${km(f.distance)} is long by any standard`);
    if (byTime) reasons.push(`${Math.round(f.movingTime / 60)} minutes on your feet`);
    return { points: byDistance || byTime ? 1 : -1, reasons };
  }
  const ratio = tags.longRatio(LONG_RATIO);
  const minimum = tags.longDistance(LONG_MIN_METRES);
  const dr = f.distanceRatio;
  let points = 4 * (dr - ratio.value);
  if (f.distance < minimum.value) points = Math.min(points, -0.5);
  if (f.weekShare !== undefined && f.weekShare >= 0.25 && dr >= 1.2) points += 0.5;
  if (!f.longestOfWeek) points -= 0.5;
  if (f.name.long) points += 2;
  if (points > 0 || dr >= 1.3) {
    reasons.push(
      `${km(f.distance)} is ${dr.toFixed(1)}× your typical run of the last 4 weeks (${km(stats.typicalDistance)})`,
    );
    if (f.weekShare !== undefined && f.weekShare >= 0.25) {
      reasons.push(`it is ${Math.round(f.weekShare * 100)} % of your last 7 days' distance`);
    }
    if (ratio.weight > 0 && points > 0) {
      reasons.push(
        `runs you tagged long were usually at least ${ratio.value.toFixed(1)}× your typical run`,
      );
    }
  }
  if (f.name.long) reasons.push(`the name says "${f.name.long}"`);
  return { points, reasons };
}

function workoutEvidence(
  f: RunFeatures,
  stats: HistoryStats,
  tags: TagProfile,
  km: (m: number) => string,
): Evidence {
  const reasons: string[] = [];
  let points = 0;
  if (f.name.workout) {
    points += 3.5;
    reasons.push(`the name mentions "${f.name.workout}"`);
  } else if (f.name.easy || f.name.warmup) {
    points -= 2;
    reasons.push(`the name says "${f.name.easy ?? f.name.warmup}"`);
  }
  const s = f.structure;
  if (s.kind === 'intervals') {
    points += 3;
    reasons.push(
      `${f.structureSource} alternate fast and slow ${s.alternations} times (${s.reps} fast reps, ${pct(s.contrast)} faster)`,
    );
  } else if (s.kind === 'tempo') {
    points += 2.5;
    reasons.push(
      `a sustained block of ${Math.round(s.blockSeconds / 60)} min was ${pct(s.contrast)} faster than the rest of the run`,
    );
  }
  // Pace over a few hundred metres says nothing (strides, a split recording, GPS noise), and a
  // ratio beyond 1.6 is a recording error rather than a harder run.
  const sr = f.fragment ? undefined : f.speedRatio;
  const like = tags.likeWorkouts(f);
  if (like.length > 0) {
    // After three tags the runner's own measure decides: a run like their workouts is one.
    points += WORKOUT_POINTS;
    for (const l of like) reasons.push(likeReason(l));
  } else if (sr !== undefined && !f.manual && sr <= 1.6) {
    if (sr >= FAST_PACE) {
      const novice = noviceReason(f, stats, km);
      points += Math.min(novice ? NOVICE_PACE_POINTS : 3, 1.5 + 15 * (sr - FAST_PACE));
      reasons.push(`pace (hills counted) was ${pct(sr)} faster than your usual`);
      if (novice) reasons.push(novice);
    } else if (sr < 0.95 && !f.name.workout) {
      points -= 1;
    }
  }
  if (f.heartrateRatio !== undefined && f.heartrateRatio >= 1.05) {
    points += 1.5;
    reasons.push(`average heart rate was ${pct(f.heartrateRatio)} above your usual`);
  } else if (f.heartrateRatio !== undefined && f.heartrateRatio < 0.97) {
    points -= 0.5;
  }
  if (f.heartrateOfMax !== undefined && f.heartrateOfMax >= 0.88) {
    points += 1;
    reasons.push(`average heart rate was ${Math.round(f.heartrateOfMax * 100)} % of your max`);
  }
  if (f.sufferRatio !== undefined && f.sufferRatio >= 1.3) {
    points += 1;
    reasons.push(`relative effort per minute was ${f.sufferRatio.toFixed(1)}× your usual`);
  }
  const part = sessionPart(f, stats);
  if (part) {
    points += 3;
    reasons.push(
      `a ${km(f.distance)} part ${pct(part.speedRatio)} faster than your usual, ${part.gapMinutes} min after another run: a session recorded in parts`,
    );
  }
  if (f.afterWarmup && stats.justBefore) {
    points += 1;
    reasons.push(
      `it followed a ${km(stats.justBefore.distance)} warm-up ${Math.round(stats.justBefore.gapSeconds / 60)} min earlier`,
    );
  }
  // A fragment (warm-up, cool-down, a split recording) is a workout only when named one or when
  // it is the fast part of a session recorded in parts.
  if (f.fragment && !f.name.workout && !part) points = Math.min(points, 0);
  return { points, reasons };
}

// Beginners and returners get faster week by week, and a run/walker's first continuous run is far
// faster than their usual: then pace alone is progress, and another signal must say "workout".
const NOVICE_SPAN_DAYS = 28;
const NOVICE_RUNS = 6;
const NOVICE_PACE_POINTS = 1;
// Slower than this on average (7:35 /km), a runner's usual run includes walking breaks.
const RUN_WALK_SPEED = 2.2;

/** Why pace alone cannot make this run a workout, or undefined when it can. */
function noviceReason(
  f: RunFeatures,
  stats: HistoryStats,
  km: (m: number) => string,
): string | undefined {
  if (stats.runs42 < NOVICE_RUNS) {
    return `with only ${stats.runs42} runs in the last 6 weeks, a faster run is progress before it is a workout`;
  }
  if (stats.spanDays < NOVICE_SPAN_DAYS) {
    return `your runs of the last 6 weeks began ${Math.round(stats.spanDays)} days ago: a faster run is progress before it is a workout`;
  }
  const record = stats.longestDistance !== undefined && f.distance > stats.longestDistance;
  if (record && stats.typicalSpeed !== undefined && stats.typicalSpeed < RUN_WALK_SPEED) {
    return `${km(f.distance)} is your longest run in 6 weeks, faster than your usual run/walk pace: progress before it is a workout`;
  }
  return undefined;
}

// A rep block recorded on its own: long enough to be more than a stride or a GPS jump, clearly
// faster than the runner's usual (a warm-up or cool-down is slower), and with a clean recording.
const PART_MIN_METRES = 400;
const PART_MIN_SECONDS = 90;
const PART_SPEED_RATIO = 1.15;
const PART_MAX_SPEED_RATIO = 1.8;
const PART_MAX_ELAPSED_RATIO = 1.5;

/** A short, fast run right after another one: the hard part of a session recorded in parts. */
function sessionPart(
  f: RunFeatures,
  stats: HistoryStats,
): { speedRatio: number; gapMinutes: number } | undefined {
  const sr = f.speedRatio;
  const before = stats.justBefore;
  if (!f.fragment || f.manual || !before || sr === undefined) return undefined;
  if (f.distance < PART_MIN_METRES || f.movingTime < PART_MIN_SECONDS) return undefined;
  if (sr < PART_SPEED_RATIO || sr > PART_MAX_SPEED_RATIO) return undefined;
  if (f.elapsedRatio > PART_MAX_ELAPSED_RATIO || f.name.easy || f.name.warmup) return undefined;
  return { speedRatio: sr, gapMinutes: Math.round(before.gapSeconds / 60) };
}

const LIKE_WHAT: Record<WorkoutSignal, [string, string]> = {
  pace: ['faster', 'pace (hills counted)'],
  topSpeed: ['higher in top speed against their average', 'top speed'],
  heartrate: ['higher in heart rate', 'heart rate'],
};

function likeReason(l: LearnedSignal & { value: number }): string {
  const [usually, what] = LIKE_WHAT[l.signal];
  return `runs you called workouts were usually ${pct(l.tagged)} ${usually} than your usual (${l.tags} tags); this one's ${what} was ${pct(l.value)} above`;
}

function pct(ratio: number): string {
  return `${Math.round(Math.abs(ratio - 1) * 100)} %`;
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

function round(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
