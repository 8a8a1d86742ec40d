import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { Plan } from '../../../lib/model/plan';
import {
  GOOD_SLEEP_CREDIT_HOURS,
  MAX_CREDIT_FRACTION,
  RESTING_HR_HOURS_PER_BPM,
  type ReadinessInput,
  readiness,
  SLEEP_HOURS_PER_HOUR_SHORT,
  SORENESS_EARLY_HOURS_PER_POINT,
  SORENESS_GROWTH_HOURS_PER_POINT,
  SORENESS_PERSIST_HOURS_PER_POINT,
} from '../../../lib/recovery/readiness';
import { checkIn, DAY, history, run } from './fixtures';

const MAX_HOURS = 96;

// The run ends 2026-06-10 07:00 UTC.
const RUN = run();
const LATER = Date.parse('2026-06-16T12:00:00Z');

function ready(overrides: Partial<ReadinessInput> = {}) {
  return readiness({
    activity: RUN,
    kind: 'long',
    history: [],
    checkIns: [],
    activePlans: [],
    timeZone: 'UTC',
    now: LATER,
    ...overrides,
  });
}

const base = ready().hours;

/** An invented runner: six weeks of easy runs, Tuesday intervals and Sunday long runs. */
function runner(opts: { strap: boolean; age?: number }) {
  const out: Activity[] = [];
  const end = Date.parse(RUN.start_date);
  for (let d = 42; d >= 1; d--) {
    const start = new Date(end - d * DAY).toISOString();
    const dow = new Date(start).getUTCDay();
    const id = 1000 + d;
    const hr = (avg: number, max: number) =>
      opts.strap ? { average_heartrate: avg, max_heartrate: max, has_heartrate: true } : {};
    if (dow === 2)
      out.push(
        run({
          id,
          name: '10 x 400 m',
          start_date: start,
          distance: 9000,
          moving_time: 2700,
          elapsed_time: 3300,
          workout_type: 3,
          ...hr(158, 182),
        }),
      );
    else if (dow === 0)
      out.push(
        run({
          id,
          name: 'Long run',
          start_date: start,
          distance: 24_000,
          moving_time: 7800,
          elapsed_time: 8000,
          workout_type: 2,
          ...hr(142, 160),
        }),
      );
    else if (dow !== 5)
      out.push(
        run({
          id,
          name: 'Easy',
          start_date: start,
          distance: 8000,
          moving_time: 2880,
          elapsed_time: 2940,
          ...hr(132, 145),
        }),
      );
  }
  return out;
}
const session = (strap: boolean, fields: Partial<Activity>, avgHr: number) =>
  run({
    ...fields,
    ...(strap ? { average_heartrate: avgHr, max_heartrate: avgHr + 20, has_heartrate: true } : {}),
  });

describe('hours by kind, from load against the runner’s own runs of that kind', () => {
  it.each([
    ['easy', 6, 24],
    ['workout', 30, 54],
    ['long', 30, 72],
  ] as const)('%s stays within %s–%s h', (kind, min, max) => {
    for (const moving of [600, 3000, 9000, 20_000]) {
      const h = ready({
        kind,
        activity: run({ moving_time: moving, distance: moving * 3.3 }),
      }).hours;
      expect(h).toBeGreaterThanOrEqual(min);
      expect(h).toBeLessThanOrEqual(max);
    }
  });

  for (const strap of [true, false]) {
    const who = strap ? 'with a heart-rate strap' : 'without one';
    const hist = runner({ strap });
    const usual = session(
      strap,
      { name: '10 x 400 m', distance: 9000, moving_time: 2700, elapsed_time: 3300 },
      158,
    );
    const big = session(
      strap,
      { name: '3 x 3 km', distance: 14_000, moving_time: 3900, elapsed_time: 4500 },
      165,
    );
    const small = session(
      strap,
      { name: '6 x 200 m', distance: 5000, moving_time: 1500, elapsed_time: 1800 },
      150,
    );

    it(`${who}: a usual workout gets 36–44 h, a bigger one more, a smaller one less`, () => {
      const h = (a: Activity) => ready({ kind: 'workout', history: hist, activity: a }).hours;
      expect(h(usual)).toBeGreaterThanOrEqual(36);
      expect(h(usual)).toBeLessThanOrEqual(44);
      expect(h(big) - h(small)).toBeGreaterThanOrEqual(4);
      expect(h(big)).toBeGreaterThan(h(usual));
      expect(h(small)).toBeLessThan(h(usual));
    });

    it(`${who}: a usual long run gets 40–54 h, a 32 km one more`, () => {
      const usualLong = session(
        strap,
        { distance: 24_000, moving_time: 7800, elapsed_time: 8000 },
        142,
      );
      const long32 = session(
        strap,
        { distance: 32_000, moving_time: 10_800, elapsed_time: 11_000 },
        146,
      );
      const h = (a: Activity) => ready({ kind: 'long', history: hist, activity: a }).hours;
      expect(h(usualLong)).toBeGreaterThanOrEqual(40);
      expect(h(usualLong)).toBeLessThanOrEqual(54);
      expect(h(long32)).toBeGreaterThan(h(usualLong));
    });
  }

  it('a strap does not add a day: the same session with and without heart rate is within 6 h', () => {
    const withHr = ready({
      kind: 'workout',
      history: runner({ strap: true }),
      activity: session(true, { distance: 11_000, moving_time: 2700, elapsed_time: 3000 }, 168),
    });
    const without = ready({
      kind: 'workout',
      history: runner({ strap: false }),
      activity: session(false, { distance: 11_000, moving_time: 2700, elapsed_time: 3000 }, 0),
    });
    expect(Math.abs(withHr.hours - without.hours)).toBeLessThanOrEqual(6);
    expect(withHr.reasons.join(' ')).toMatch(/from heart rate/);
    expect(without.reasons.join(' ')).toMatch(/from pace/);
  });

  it('a suffer_score without heart rate counts as no heart rate', () => {
    const r = ready({ kind: 'workout', activity: run({ suffer_score: 300 }) });
    expect(r.reasons.join(' ')).not.toMatch(/from heart rate/);
    expect(r.hours).toBe(ready({ kind: 'workout' }).hours);
  });

  it('reasons round every number', () => {
    const r = ready({ kind: 'workout', history: runner({ strap: false }) });
    for (const reason of r.reasons) expect(reason).not.toMatch(/\d\.\d{3,}/);
  });
});

describe('races', () => {
  it.each([
    [5000, 48, 2],
    [10_000, 60, 3],
    [21_097, 72, 7],
    [42_195, 96, 14],
    [50_000, 96, 14],
  ])('%s m: at least %s h, then easy only for %s days', (distance, floor, days) => {
    const race = run({
      distance,
      moving_time: distance * 0.25,
      elapsed_time: distance * 0.25 + 60,
    });
    const r = ready({ kind: 'race', activity: race });
    expect(r.hours).toBeGreaterThanOrEqual(floor);
    expect(r.hours).toBeLessThanOrEqual(96);
    const end = Date.parse(race.start_date) + race.elapsed_time * 1000;
    expect(r.easyUntil).toBeGreaterThan(end + days * DAY - DAY);
    expect(r.easyUntil).toBeLessThanOrEqual(end + (days + 1) * DAY);
  });

  it('a parkrun gets more than an easy 20 km', () => {
    const parkrun = ready({
      kind: 'race',
      activity: run({ distance: 5000, moving_time: 1260, elapsed_time: 1300 }),
    });
    const easy20 = ready({
      kind: 'easy',
      activity: run({ distance: 20_000, moving_time: 7200, elapsed_time: 7300 }),
    });
    expect(parkrun.hours).toBeGreaterThan(easy20.hours);
  });
});

describe('stacking', () => {
  const tuesday = run({ id: 2, name: 'Tuesday intervals', start_date: '2026-06-09T18:00:00Z' });
  const earlier = {
    activityId: 2,
    activityName: 'Tuesday intervals',
    kind: 'workout',
    runEndedAt: Date.parse('2026-06-09T19:00:00Z'),
    readyAt: Date.parse('2026-06-11T11:00:00Z'),
  } as Plan;

  it('a hard session on a running countdown is at least 4 h later than alone, with a warning naming it', () => {
    const alone = ready({ kind: 'workout', history: [tuesday] });
    const stacked = ready({ kind: 'workout', history: [tuesday], activePlans: [earlier] });
    expect(stacked.hours).toBeGreaterThanOrEqual(alone.hours + 4);
    expect(stacked.warnings.join(' ')).toMatch(/Tuesday intervals/);
  });

  it('an easy run is not stacked', () => {
    const r = ready({ kind: 'easy', history: [tuesday], activePlans: [earlier] });
    expect(r.hours).toBe(ready({ kind: 'easy' }).hours);
  });
});

describe('age', () => {
  it.each([
    [undefined, 1],
    [30, 1],
    [45, 1.1],
    [50, 1.15],
    [80, 1.3],
  ])('age %s → ×%s', (age, factor) => {
    expect(ready({ age }).hours).toBeCloseTo(Math.min(96, base * factor), 0);
  });
});

describe('check-in adjustments', () => {
  const at = (date: string, hourUtc: number, fields: Partial<CheckIn>): CheckIn => ({
    date,
    updatedAt: Date.parse(`${date}T${String(hourUtc).padStart(2, '0')}:00:00Z`),
    ...fields,
  });
  const cases: [string, CheckIn[], number, RegExp | null][] = [
    [
      '5 h of sleep',
      [checkIn('2026-06-11', { sleepHours: 5 })],
      2 * SLEEP_HOURS_PER_HOUR_SHORT,
      null,
    ],
    [
      '6.5 h of sleep',
      [checkIn('2026-06-11', { sleepHours: 6.5 })],
      0.5 * SLEEP_HOURS_PER_HOUR_SHORT,
      null,
    ],
    [
      'two short nights add up',
      [checkIn('2026-06-11', { sleepHours: 6 }), checkIn('2026-06-12', { sleepHours: 5 })],
      3 * SLEEP_HOURS_PER_HOUR_SHORT,
      null,
    ],
    [
      '8 h of good sleep',
      [checkIn('2026-06-11', { sleepHours: 8, sleepQuality: 5 })],
      -GOOD_SLEEP_CREDIT_HOURS,
      null,
    ],
    [
      '8 h of poor-quality sleep earns nothing',
      [checkIn('2026-06-11', { sleepHours: 8, sleepQuality: 2 })],
      0,
      null,
    ],
    [
      'soreness 5 the next morning',
      [checkIn('2026-06-11', { soreness: 5 })],
      3 * SORENESS_EARLY_HOURS_PER_POINT,
      null,
    ],
    ['mild soreness 2 is normal and fading', [checkIn('2026-06-11', { soreness: 2 })], -1, null],
    ['no soreness', [checkIn('2026-06-11', { soreness: 0 })], -3, null],
    [
      'soreness 4 persisting past 48 h',
      [at('2026-06-13', 7, { soreness: 4 })],
      3 * SORENESS_PERSIST_HOURS_PER_POINT,
      /more than 48 h/,
    ],
    [
      'soreness growing from 3 to 5 within 48 h',
      [at('2026-06-11', 7, { soreness: 3 }), at('2026-06-12', 6, { soreness: 5 })],
      (1 + 3) * SORENESS_EARLY_HOURS_PER_POINT + 2 * SORENESS_GROWTH_HOURS_PER_POINT,
      /grew from 3 to 5/,
    ],
    [
      'soreness fading from 5 to 1',
      [at('2026-06-11', 7, { soreness: 5 }), at('2026-06-12', 6, { soreness: 1 })],
      3 * SORENESS_EARLY_HOURS_PER_POINT - 2,
      null,
    ],
  ];

  it.each(cases)('%s', (_, checkIns, delta, warning) => {
    const r = ready({ checkIns });
    expect(r.hours).toBeCloseTo(base + delta, 5);
    if (delta !== 0) expect(r.reasons.some((reason) => /[+−]\d/.test(reason))).toBe(true);
    if (warning) expect(r.warnings.join(' ')).toMatch(warning);
    else expect(r.warnings).toEqual([]);
  });

  it.each([
    [50, 53, 0, false],
    [50, 57, 7 * RESTING_HR_HOURS_PER_BPM, false],
    [50, 62, 12 * RESTING_HR_HOURS_PER_BPM, true],
  ])('usual resting HR %s, morning %s → %s h', (usual, morning, delta, warns) => {
    const r = ready({
      restingHeartrate: usual,
      checkIns: [checkIn('2026-06-11', { restingHr: morning })],
    });
    expect(r.hours).toBeCloseTo(base + delta, 5);
    expect(r.warnings.length > 0).toBe(warns);
  });

  it('without a usual resting HR in the profile, takes it from check-ins before the run', () => {
    const before = ['2026-06-07', '2026-06-08', '2026-06-09'].map((d) =>
      checkIn(d, { restingHr: 48 }),
    );
    const r = ready({ checkIns: [...before, checkIn('2026-06-11', { restingHr: 56 })] });
    expect(r.hours).toBeCloseTo(base + 8 * RESTING_HR_HOURS_PER_BPM, 5);
    expect(ready({ checkIns: [checkIn('2026-06-11', { restingHr: 56 })] }).hours).toBe(base);
  });

  it('low energy warns without moving the countdown', () => {
    const r = ready({ checkIns: [checkIn('2026-06-11', { energy: 1 })] });
    expect(r.hours).toBe(base);
    expect(r.warnings.join(' ')).toMatch(/Energy 1\/5/);
  });

  it('credits are capped at 20% of the countdown', () => {
    const checkIns = [
      checkIn('2026-06-11', { sleepHours: 9, sleepQuality: 5 }),
      checkIn('2026-06-12', { sleepHours: 9, sleepQuality: 5 }),
      checkIn('2026-06-13', { sleepHours: 9, sleepQuality: 5, soreness: 0 }),
    ];
    const easy = ready({ kind: 'easy' }).hours;
    const r = ready({ kind: 'easy', checkIns });
    expect(r.hours).toBeCloseTo(Math.round(easy * (1 - MAX_CREDIT_FRACTION) * 10) / 10, 5);
    expect(r.reasons.join(' ')).toContain(`at most ${(easy * MAX_CREDIT_FRACTION).toFixed(1)} h`);
  });

  it('ignores check-ins from the run day, more than 4 days later, or in the future', () => {
    const ignored = [
      checkIn('2026-06-10', { sleepHours: 3 }),
      checkIn('2026-06-15', { sleepHours: 3 }),
      checkIn('2026-06-12', { sleepHours: 3 }),
    ];
    expect(ready({ checkIns: ignored, now: Date.parse('2026-06-11T20:00:00Z') }).hours).toBe(base);
  });

  it('one check-in per date: the latest edit wins', () => {
    const first = checkIn('2026-06-11', { sleepHours: 4 });
    const edit = {
      ...checkIn('2026-06-11', { sleepHours: 7.5 }),
      updatedAt: first.updatedAt + 1000,
    };
    expect(ready({ checkIns: [edit, first] }).hours).toBe(base - GOOD_SLEEP_CREDIT_HOURS);
  });
});

describe('bounds', () => {
  it('never above 96 h', () => {
    const awful = [1, 2, 3, 4].map((d) =>
      checkIn(`2026-06-1${d}`, { sleepHours: 2, soreness: 10, restingHr: 90 }),
    );
    const r = ready({
      kind: 'race',
      age: 70,
      restingHeartrate: 45,
      history: history(10, 1200, RUN.start_date),
      activity: run({ moving_time: 4 * 3600 }),
      checkIns: awful,
    });
    expect(r.hours).toBe(MAX_HOURS);
    expect(r.reasons.join(' ')).toMatch(/Capped at 96 h/);
  });

  it('never below 0 h', () => {
    const r = ready({
      kind: 'easy',
      history: history(10, 3600, RUN.start_date),
      activity: run({ moving_time: 60 }),
    });
    expect(r.hours).toBeGreaterThanOrEqual(0);
    // The smallest easy run still gets the bottom of the easy range.
    expect(r.hours).toBe(6);
  });
});

describe('time zones key check-ins by the runner’s local date', () => {
  // Ends 2026-06-10 23:30 UTC: still the 10th in New York and UTC, already the 11th in Tokyo.
  const lateRun = run({ start_date: '2026-06-10T22:30:00Z', elapsed_time: 3600 });
  const sleptBadly = [
    checkIn('2026-06-11', { sleepHours: 4, updatedAt: Date.parse('2026-06-11T11:00:00Z') }),
  ];
  it.each([
    ['America/New_York', 6],
    ['Asia/Tokyo', 0],
    ['UTC', 6],
  ])('%s → +%s h', (timeZone, delta) => {
    const r = ready({ activity: lateRun, checkIns: sleptBadly, timeZone, now: LATER + DAY });
    expect(r.hours).toBe(base + delta);
  });
});
