// The daily verdict, the answer to "can I go hard today?": `hard`, `easy` (easy running only) or
// `rest`, with its reasons, for any instant. It follows the hard sessions' countdowns (an easy
// run's own countdown never stops `hard`), the easy-only block after a race, the check-in of that
// local date, and for beginners a rest day after each run (NHS Couch-to-5K). Pure.
import { type Activity, endOf, isRun } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import type { Plan } from '../model/plan';
import type { DailyVerdicts, Verdict } from '../model/verdict';
import { DAY_MS } from '../time';
import { median } from './load';
import {
  addDays,
  daysBetween,
  formatClock,
  isDateKey,
  localDateKey,
  localInstant,
} from './local-date';
import { formatNumber } from './units';

type VerdictKind = Verdict['verdict'];

export interface VerdictInput {
  /** Every plan still relevant (the last few weeks), any order. */
  plans: readonly Plan[];
  checkIns: readonly CheckIn[];
  /** The profile's usual morning resting heart rate, bpm. */
  restingHeartrate?: number;
  beginner: boolean;
  timeZone: string;
}

/** Protocol, "Readiness and spacing": the check-in lines that cap or stop a day. */
const POOR_SLEEP_HOURS = 6;
const POOR_SLEEP_QUALITY = 2;
const SORE_EASY = 6;
const SORE_REST = 8;
const HR_EASY_BPM = 5;
const HR_REST_BPM = 10;
const USUAL_HR_CHECK_INS = 14;

const PAIN =
  'Ordinary muscle soreness fades over a few days; sharp or one-sided pain, or pain that gets worse while you run, is not soreness: have it checked.';

const rank: Record<VerdictKind, number> = { hard: 0, easy: 1, rest: 2 };

/** Local date and clock, as the runner reads them ("Tue 14 Jul, 18:05"). */
function when(at: number, timeZone: string): string {
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(at);
  return `${day}, ${formatClock(at, timeZone, 'en-GB')}`;
}

/** The latest edit of the check-in for a local date. */
function checkInFor(checkIns: readonly CheckIn[], date: string): CheckIn | undefined {
  return checkIns.filter((c) => c.date === date).sort((a, b) => b.updatedAt - a.updatedAt)[0];
}

function usualRestingHr(input: VerdictInput, date: string): number | undefined {
  const p = input.restingHeartrate;
  if (p !== undefined && p >= 25 && p <= 120) return p;
  const earlier = input.checkIns
    .filter((c) => isDateKey(c.date) && c.date < date && c.restingHr !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : 1))
    .slice(-USUAL_HR_CHECK_INS)
    .map((c) => c.restingHr!);
  return earlier.length >= 3 ? median(earlier) : undefined;
}

export function verdictAt(input: VerdictInput, at: number): Verdict {
  const { timeZone } = input;
  let verdict: VerdictKind = 'hard';
  const reasons: string[] = [];
  const warnings: string[] = [];
  const cap = (v: VerdictKind, reason: string) => {
    if (rank[v] > rank[verdict]) verdict = v;
    reasons.push(reason);
  };

  const past = input.plans.filter((p) => p.runEndedAt <= at);
  for (const p of past) {
    if (p.kind !== 'easy' && p.readyAt > at) {
      cap(
        'easy',
        `Still recovering from "${p.activityName}": ready for a hard session ${when(p.readyAt, timeZone)}.`,
      );
    }
    const until = p.readiness.easyUntil;
    if (until !== undefined && until > at) {
      cap(
        'easy',
        `After the race "${p.activityName}": easy running only until ${when(until, timeZone)}.`,
      );
    }
  }

  const today = localDateKey(at, timeZone);
  if (input.beginner) {
    const ranYesterday = past.some(
      (p) => daysBetween(localDateKey(p.runEndedAt, timeZone), today) === 1,
    );
    if (ranYesterday)
      cap('rest', 'You are building up: a rest day after each run (NHS Couch-to-5K).');
  }

  const c = checkInFor(input.checkIns, today);
  if (c) {
    if (c.sleepHours !== undefined && c.sleepHours < POOR_SLEEP_HOURS)
      cap(
        'easy',
        `Slept ${formatNumber(c.sleepHours, 1)} h last night, under ${POOR_SLEEP_HOURS} h: keep today easy.`,
      );
    else if (c.sleepQuality !== undefined && c.sleepQuality <= POOR_SLEEP_QUALITY)
      cap('easy', `Sleep quality ${c.sleepQuality}/5 last night: keep today easy.`);
    if (c.soreness !== undefined && c.soreness >= SORE_REST) {
      cap('rest', `Soreness ${formatNumber(c.soreness)}/10 this morning: rest today.`);
      warnings.push(PAIN);
    } else if (c.soreness !== undefined && c.soreness >= SORE_EASY) {
      cap('easy', `Soreness ${formatNumber(c.soreness)}/10 this morning: easy running only.`);
    }
    const usual = usualRestingHr(input, today);
    if (usual !== undefined && c.restingHr !== undefined) {
      const over = c.restingHr - usual;
      if (over >= HR_REST_BPM) {
        cap(
          'rest',
          `Morning heart rate ${formatNumber(c.restingHr)} bpm, ${formatNumber(over)} over your usual ${formatNumber(usual)}: rest today.`,
        );
        warnings.push(
          `A resting heart rate this far over usual can mean illness or overreaching: rest until it settles.`,
        );
      } else if (over >= HR_EASY_BPM) {
        cap(
          'easy',
          `Morning heart rate ${formatNumber(c.restingHr)} bpm, ${formatNumber(over)} over your usual ${formatNumber(usual)}: keep today easy.`,
        );
      }
    }
  }

  if (verdict === 'hard' && reasons.length === 0)
    reasons.push(
      'No hard session is still being recovered from, and nothing in your check-in says otherwise.',
    );
  return { at, verdict, reasons, warnings };
}

/** The verdicts the views show: now, the rest of today (when it changes later), and tomorrow at noon. */
export function dailyVerdicts(input: VerdictInput, now: number): DailyVerdicts {
  const today = localDateKey(now, input.timeZone);
  // Stamped with when it last could have changed (today's midnight, a run's end, a countdown or
  // block ending, today's check-in), so an unchanged verdict is an unchanged value.
  const changes = [
    localInstant(today, 0, input.timeZone),
    ...input.plans.flatMap((p) => [p.runEndedAt, p.readyAt, p.readiness.easyUntil ?? 0]),
    ...input.checkIns.filter((c) => c.date === today).map((c) => c.updatedAt),
  ].filter((t) => t <= now);
  const current = { ...verdictAt(input, now), at: Math.max(...changes) };
  const tomorrowNoon = localInstant(addDays(today, 1), 12 * 60, input.timeZone);
  // Later today: the first countdown or block to end before midnight, if it moves the verdict.
  const ends = input.plans
    .flatMap((p) => [p.readyAt, p.readiness.easyUntil ?? 0])
    .filter((t) => t > now && localDateKey(t, input.timeZone) === today)
    .sort((a, b) => a - b);
  let later: Verdict | null = null;
  for (const t of ends) {
    const v = verdictAt(input, t);
    if (v.verdict !== current.verdict) {
      later = v;
      break;
    }
  }
  return { now: current, later, tomorrow: verdictAt(input, tomorrowNoon) };
}

/**
 * A beginner: a run/walk history, or under 8 weeks of running with no run over 5 km. A history
 * that only looks short because it starts at the backfill's edge does not count.
 */
export function isBeginner(runs: readonly Activity[], now: number, backfillFrom?: number): boolean {
  const mine = runs.filter((a) => isRun(a) && endOf(a) <= now);
  if (mine.length === 0) return false;
  const runWalk = mine.filter((a) =>
    /run\s*[/&+-]?\s*walk|walk\s*[/&+-]?\s*run|c25k|couch\s*to\s*5k/i.test(a.name),
  );
  if (runWalk.length * 2 >= mine.length) return true;
  const first = Math.min(...mine.map((a) => Date.parse(a.start_date)));
  const truncated = backfillFrom !== undefined && first - backfillFrom < 7 * DAY_MS;
  const young = now - first < 56 * DAY_MS;
  return !truncated && young && mine.every((a) => a.distance <= 5000);
}
