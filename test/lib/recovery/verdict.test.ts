// The daily verdict on invented runners: a classic hard/easy week, back-to-back hard days,
// races, check-ins that move the day, and beginners.
import { describe, expect, it } from 'vitest';
import { type Activity, endOf } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { Plan } from '../../../lib/model/plan';
import type { PlanKind, RunKind } from '../../../lib/model/run-kind';
import { plan } from '../../../lib/recovery/plan';
import { dailyVerdicts, isBeginner, verdictAt } from '../../../lib/recovery/verdict';
import { classification, DAY, HOUR, noCheckIns, profile } from './fixtures';

const TZ = 'Europe/London';
/** A Sunday, 2026-03-01 (winter time, so UTC = London). */
const SUNDAY = Date.parse('2026-03-01T00:00:00Z');

interface Session {
  day: number;
  hour: number;
  kind: RunKind;
  race?: boolean;
  km: number;
  minutes: number;
  name: string;
}

/** Sunday 08:00 long run, Tuesday 18:00 intervals, Thursday 18:00 tempo, easy runs between. */
function classicWeek(week: number): Session[] {
  const d = week * 7;
  return [
    { day: d, hour: 8, kind: 'long', km: 24, minutes: 130, name: 'Sunday long run' },
    { day: d + 1, hour: 7, kind: 'easy', km: 8, minutes: 46, name: 'Easy' },
    { day: d + 2, hour: 18, kind: 'workout', km: 11, minutes: 55, name: '8 x 800 m' },
    { day: d + 3, hour: 7, kind: 'easy', km: 8, minutes: 46, name: 'Easy' },
    { day: d + 4, hour: 18, kind: 'workout', km: 12, minutes: 55, name: 'Tempo 30 min' },
    { day: d + 5, hour: 7, kind: 'easy', km: 8, minutes: 46, name: 'Easy' },
  ];
}

function activity(s: Session, id: number): Activity {
  const start = SUNDAY + s.day * DAY + s.hour * HOUR;
  return {
    id,
    name: s.name,
    sport_type: 'Run',
    start_date: new Date(start).toISOString(),
    distance: s.km * 1000,
    moving_time: s.minutes * 60,
    elapsed_time: s.minutes * 60 + 120,
  };
}

/** Plans every session in order, as the product would when each one syncs. */
function replay(sessions: Session[], checkIns: CheckIn[] = []) {
  const runs: Activity[] = [];
  const plans: Plan[] = [];
  const kinds = new Map<number, PlanKind>();
  sessions.forEach((s, i) => {
    const a = activity(s, i + 1);
    const end = endOf(a);
    const active = plans.filter((p) => p.readyAt > Date.parse(a.start_date));
    const p = plan(
      a,
      classification(s.kind, s.race ?? false),
      runs,
      profile({ timeZone: TZ }),
      { ...noCheckIns, daily: checkIns },
      active,
      end + 10 * 60_000,
      { historyKinds: kinds },
    );
    runs.push(a);
    plans.push(p);
    kinds.set(a.id, s.race ? 'race' : s.kind);
  });
  return { runs, plans };
}

const input = (plans: Plan[], checkIns: CheckIn[] = [], beginner = false) => ({
  plans,
  checkIns,
  beginner,
  timeZone: TZ,
});

describe('a classic week', () => {
  const sessions = Array.from({ length: 7 }, (_, w) => classicWeek(w)).flat();
  const { plans } = replay(sessions);

  it('gives `hard` at the start of each hard session after the first weeks, with no warning', () => {
    sessions.forEach((s, i) => {
      if (s.day < 28 || s.kind === 'easy') return;
      const start = SUNDAY + s.day * DAY + s.hour * HOUR;
      const earlier = plans.filter((_, j) => j < i);
      const v = verdictAt(input(earlier), start);
      expect(v.verdict, `${s.name} on day ${s.day}`).toBe('hard');
      expect(v.warnings).toEqual([]);
      expect(plans[i]!.readiness.warnings, `${s.name} on day ${s.day}`).toEqual([]);
    });
  });
});

describe('two hard days in a row', () => {
  it('are flagged, and the second makes the next day easy', () => {
    const sessions = [...classicWeek(0), ...classicWeek(1), ...classicWeek(2), ...classicWeek(3)];
    sessions.push({
      day: 30,
      hour: 18,
      kind: 'workout',
      km: 11,
      minutes: 55,
      name: 'Tuesday intervals',
    });
    sessions.push({
      day: 31,
      hour: 18,
      kind: 'workout',
      km: 12,
      minutes: 55,
      name: 'Wednesday tempo',
    });
    const { plans } = replay(sessions);
    const last = plans.at(-1)!;
    expect(last.readiness.warnings.join(' ')).toMatch(/Tuesday intervals/);
    const alone = replay([...sessions.slice(0, -2), sessions.at(-1)!]).plans.at(-1)!;
    expect(last.readiness.hours).toBeGreaterThanOrEqual(alone.readiness.hours + 4);
    const nextMorning = SUNDAY + 32 * DAY + 8 * HOUR;
    expect(verdictAt(input(plans), nextMorning).verdict).toBe('easy');
  });
});

describe('races', () => {
  it.each([
    [5, 2],
    [10, 3],
    [21.1, 7],
    [42.2, 14],
  ])('%s km: never `hard` inside the easy-only block of %s days, `hard` after it', (km, days) => {
    const { plans } = replay([
      { day: 0, hour: 9, kind: 'workout', race: true, km, minutes: km * 5, name: 'Race' },
    ]);
    const end = plans[0]!.runEndedAt;
    for (let h = 1; h < days * 24; h += 5) {
      const v = verdictAt(input(plans), end + h * HOUR);
      expect(v.verdict).not.toBe('hard');
    }
    const after = verdictAt(input(plans), end + (days + 2) * DAY);
    expect(after.verdict).toBe('hard');
    expect(verdictAt(input(plans), end + DAY).reasons.join(' ')).toMatch(/easy running only until/);
  });
});

describe('check-ins move their own day', () => {
  const date = '2026-03-10';
  const morning = Date.parse(`${date}T07:00:00Z`);
  const c = (fields: Partial<CheckIn>): CheckIn => ({ date, updatedAt: morning, ...fields });
  it.each([
    [{ sleepHours: 7.5, soreness: 2 }, 'hard'],
    [{ sleepHours: 5 }, 'easy'],
    [{ sleepQuality: 2 }, 'easy'],
    [{ soreness: 6 }, 'easy'],
    [{ soreness: 8 }, 'rest'],
    [{ soreness: 10, sleepHours: 4 }, 'rest'],
  ] as const)('%o → %s', (fields, expected) => {
    const v = verdictAt(input([], [c(fields)]), morning + HOUR);
    expect(v.verdict).toBe(expected);
    expect(v.reasons.length).toBeGreaterThan(0);
    if (expected === 'rest' && 'soreness' in fields)
      expect(v.warnings.join(' ')).toMatch(/sharp or one-sided pain/);
  });

  it('a resting heart rate over the usual one caps or stops the day', () => {
    const usual = ['2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'].map(
      (d): CheckIn => ({ date: d, restingHr: 50, updatedAt: Date.parse(`${d}T07:00:00Z`) }),
    );
    expect(verdictAt(input([], [...usual, c({ restingHr: 56 })]), morning).verdict).toBe('easy');
    expect(verdictAt(input([], [...usual, c({ restingHr: 61 })]), morning).verdict).toBe('rest');
    expect(verdictAt(input([], [...usual, c({ restingHr: 52 })]), morning).verdict).toBe('hard');
  });

  it('applies to its own date only: the next day is not capped by it', () => {
    expect(verdictAt(input([], [c({ soreness: 9 })]), morning + DAY).verdict).toBe('hard');
  });

  it('more soreness or less sleep never makes the verdict easier', () => {
    const rank = { hard: 0, easy: 1, rest: 2 };
    for (let s = 0; s < 10; s++)
      expect(
        rank[verdictAt(input([], [c({ soreness: s + 1 })]), morning).verdict],
      ).toBeGreaterThanOrEqual(rank[verdictAt(input([], [c({ soreness: s })]), morning).verdict]);
    for (let h = 1; h <= 12; h++)
      expect(
        rank[verdictAt(input([], [c({ sleepHours: h - 1 })]), morning).verdict],
      ).toBeGreaterThanOrEqual(rank[verdictAt(input([], [c({ sleepHours: h })]), morning).verdict]);
  });
});

describe('beginners', () => {
  const c25k = Array.from(
    { length: 9 },
    (_, i): Activity => ({
      id: i + 1,
      name: `C25K week ${Math.floor(i / 3) + 1}`,
      sport_type: 'Run',
      start_date: new Date(SUNDAY + i * 2 * DAY + 8 * HOUR).toISOString(),
      distance: 3500,
      moving_time: 1800,
      elapsed_time: 1900,
    }),
  );
  const now = SUNDAY + 20 * DAY;

  it('a run/walk history is a beginner’s; a long history with 10 km runs is not', () => {
    expect(isBeginner(c25k, now)).toBe(true);
    const seasoned = c25k.map((a, i) => ({ ...a, name: 'Run', distance: 10_000, id: 100 + i }));
    expect(isBeginner(seasoned, now)).toBe(false);
  });

  it('a history that is short only because the backfill starts there does not count', () => {
    const plain = c25k.map((a) => ({ ...a, name: 'Morning Run' }));
    expect(isBeginner(plain, now)).toBe(true);
    expect(isBeginner(plain, now, SUNDAY - DAY)).toBe(false);
  });

  it('get a rest day after each run', () => {
    const { plans } = replay([
      { day: 0, hour: 8, kind: 'easy', km: 3.5, minutes: 30, name: 'C25K' },
    ]);
    const nextDay = SUNDAY + DAY + 12 * HOUR;
    expect(verdictAt(input(plans, [], true), nextDay).verdict).toBe('rest');
    expect(verdictAt(input(plans, [], false), nextDay).verdict).toBe('hard');
  });
});

describe('dailyVerdicts', () => {
  it('now, the first change later today, and tomorrow at local noon', () => {
    const { plans } = replay([
      { day: 0, hour: 8, kind: 'long', km: 24, minutes: 130, name: 'Long run' },
    ]);
    const readyAt = plans[0]!.readyAt;
    const morning = readyAt - 2 * HOUR;
    const v = dailyVerdicts(input(plans), morning);
    expect(v.now.verdict).toBe('easy');
    const sameDay = new Date(readyAt).getUTCDate() === new Date(morning).getUTCDate();
    if (sameDay) expect(v.later?.verdict).toBe('hard');
    expect(new Date(v.tomorrow.at).toISOString()).toMatch(/T12:00:00\.000Z$/);
  });
});
