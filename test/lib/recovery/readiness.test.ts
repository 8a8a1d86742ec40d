import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { PlanKind } from '../../../lib/model/classification';
import {
  BASE_HOURS,
  GOOD_SLEEP_CREDIT_HOURS,
  MAX_CREDIT_FRACTION,
  MAX_HOURS,
  RESTING_HR_HOURS_PER_BPM,
  type ReadinessInput,
  readiness,
  SLEEP_HOURS_PER_HOUR_SHORT,
  SORENESS_EARLY_HOURS_PER_POINT,
  SORENESS_GROWTH_HOURS_PER_POINT,
  SORENESS_PERSIST_HOURS_PER_POINT,
} from '../../../lib/recovery/readiness';
import { checkIn, DAY, history, run } from './fixtures';

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

describe('base by kind', () => {
  it.each([
    ['easy', 12],
    ['workout', 48],
    ['long', 48],
    ['race', 48],
  ] as const)('%s → %s h without history', (kind, hours) => {
    const r = ready({ kind });
    expect(r.hours).toBe(hours);
    expect(r.baseHours).toBe(BASE_HOURS[kind]);
    expect(r.reasons[0]).toContain(`${hours} h`);
  });
});

describe('size against this athlete’s history', () => {
  const hist = history(10, 3000, RUN.start_date);
  it.each([
    // kind, this run's moving time, expected factor: sqrt(ratio / usual size), within 0.75–1.5
    ['long', 6000, 1],
    ['long', 12_000, Math.SQRT2],
    ['workout', 3000, 1],
    ['workout', 6750, 1.5],
    ['easy', 750, 0.75],
    ['race', 30_000, 1.5],
  ] as const)('%s of %s s', (kind, moving, factor) => {
    const r = ready({ kind, history: hist, activity: run({ moving_time: moving }) });
    expect(r.hours).toBeCloseTo(BASE_HOURS[kind as PlanKind] * factor, 1);
    expect(r.reasons.join(' ')).toMatch(/your usual/);
  });

  it('uses relative effort when this run and enough history have it', () => {
    const scored = hist.map((a) => ({ ...a, suffer_score: 50 }));
    const r = ready({
      kind: 'workout',
      history: scored,
      activity: run({ suffer_score: 72 }),
    });
    expect(r.hours).toBeCloseTo(48 * Math.sqrt(72 / 50), 1);
    expect(r.reasons.join(' ')).toMatch(/relative effort 72/);
  });

  it('ignores rides, later runs and runs older than 6 weeks', () => {
    const noise: Activity[] = [
      ...history(5, 600, '2026-04-01T00:00:00Z', 200),
      ...history(5, 600, '2026-07-01T00:00:00Z', 300),
      ...history(5, 600, RUN.start_date, 400).map((a) => ({ ...a, sport_type: 'Ride' })),
    ];
    const r = ready({ kind: 'long', history: noise, activity: run({ moving_time: 12_000 }) });
    expect(r.hours).toBe(48);
    expect(r.reasons.join(' ')).toMatch(/not enough/);
  });
});

describe('age', () => {
  it.each([
    [undefined, 1],
    [30, 1],
    [45, 1.1],
    [80, 1.3],
  ])('age %s → ×%s', (age, factor) => {
    expect(ready({ age }).hours).toBeCloseTo(48 * factor, 1);
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
    const r = ready({ kind: 'easy', checkIns });
    expect(r.hours).toBeCloseTo(12 * (1 - MAX_CREDIT_FRACTION), 5);
    expect(r.reasons.join(' ')).toMatch(/at most 2\.4 h/);
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
    expect(r.hours).toBeCloseTo(9, 5);
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
