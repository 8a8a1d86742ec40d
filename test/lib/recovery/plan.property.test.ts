// Properties of plan() over any valid input (fast-check).

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import type { CheckIn } from '../../../lib/model/check-in';
import type { Classification } from '../../../lib/model/classification';
import { type Plan, READINESS_HOURS } from '../../../lib/model/plan';

const MAX_HOURS = READINESS_HOURS.max;

import type { Profile } from '../../../lib/model/profile';
import type { WeighIn } from '../../../lib/model/weigh-in';
import type { PlanOptions } from '../../../lib/recovery/plan';
import { compareSteps, plan } from '../../../lib/recovery/plan';
import { BODY_WEIGHT_KG } from '../../../lib/recovery/quantities';
import { DAY, HOUR } from './fixtures';

const ZONES = ['UTC', 'Europe/London', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];
const T0 = Date.parse('2024-01-01T00:00:00Z');
const T1 = Date.parse('2030-01-01T00:00:00Z');

const runArb = (id: number) =>
  fc
    .record({
      start: fc.integer({ min: T0, max: T1 }),
      elapsed: fc.integer({ min: 60, max: 8 * 3600 }),
      movingShare: fc.double({ min: 0.5, max: 1, noNaN: true }),
      suffer: fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }),
      sport: fc.constantFrom('Run', 'TrailRun', 'VirtualRun'),
    })
    .map(
      ({ start, elapsed, movingShare, suffer, sport }): Activity => ({
        id,
        name: `Run ${id}`,
        sport_type: sport,
        distance: elapsed * 3,
        elapsed_time: elapsed,
        moving_time: Math.max(1, Math.round(elapsed * movingShare)),
        start_date: new Date(start).toISOString(),
        suffer_score: suffer,
      }),
    );

const classificationArb: fc.Arbitrary<Classification> = fc.record({
  kind: fc.constantFrom('easy', 'workout', 'long'),
  race: fc.boolean(),
  confidence: fc.double({ min: 0, max: 1, noNaN: true }),
  source: fc.constantFrom('strava-tag', 'inferred'),
  reasons: fc.constant([]),
});

const profileArb: fc.Arbitrary<Profile> = fc.record({
  units: fc.constantFrom('metric', 'imperial'),
  trainingPhase: fc.constantFrom('building', 'taper'),
  weightKg: fc.option(fc.double({ min: 20, max: 300, noNaN: true }), { nil: undefined }),
  age: fc.option(fc.integer({ min: 12, max: 95 }), { nil: undefined }),
  restingHeartrate: fc.option(fc.integer({ min: 30, max: 90 }), { nil: undefined }),
  timeZone: fc.constantFrom(...ZONES),
});

const dateKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function checkInArb(end: number, onDay?: number): fc.Arbitrary<CheckIn> {
  return fc
    .record({
      day: onDay === undefined ? fc.integer({ min: -1, max: 6 }) : fc.constant(onDay),
      hour: fc.integer({ min: 0, max: 23 }),
      sleepHours: fc.option(fc.double({ min: 0, max: 16, noNaN: true }), { nil: undefined }),
      sleepQuality: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      soreness: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
      energy: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
      restingHr: fc.option(fc.integer({ min: 30, max: 120 }), { nil: undefined }),
    })
    .map(({ day, hour, ...fields }) => {
      const date = dateKey(end + day * DAY);
      return { date, updatedAt: Date.parse(`${date}T00:00:00Z`) + hour * HOUR, ...fields };
    });
}

interface Input {
  activity: Activity;
  classification: Classification;
  history: Activity[];
  profile: Profile;
  daily: CheckIn[];
  weighIns: WeighIn[];
  activePlans: Plan[];
  now: number;
  options: PlanOptions;
}

const inputArb: fc.Arbitrary<Input> = runArb(1).chain((activity) => {
  const end = Date.parse(activity.start_date) + activity.elapsed_time * 1000;
  const earlier = (id: number) =>
    fc
      .record({ run: runArb(id), back: fc.integer({ min: 1, max: 60 * 24 }) })
      .map(({ run, back }) => ({
        ...run,
        start_date: new Date(Date.parse(activity.start_date) - back * 3_600_000).toISOString(),
      }));
  return fc.record({
    activity: fc.constant(activity),
    classification: classificationArb,
    history: fc
      .array(fc.integer({ min: 100, max: 10_000 }), { maxLength: 15 })
      .chain((ids) => (ids.length ? fc.tuple(...[...new Set(ids)].map(earlier)) : fc.constant([]))),
    profile: profileArb,
    daily: fc.array(checkInArb(end), { maxLength: 8 }),
    weighIns: fc.array(
      fc
        .record({
          before: fc.double({ min: 35, max: 200, noNaN: true }),
          loss: fc.double({ min: -1, max: 6, noNaN: true }),
        })
        .map(({ before, loss }) => ({ activityId: 1, beforeKg: before, afterKg: before - loss })),
      { maxLength: 1 },
    ),
    activePlans: fc.array(
      fc
        .tuple(earlier(2), classificationArb, profileArb)
        .map(([run, c, p]) => plan(run, c, [], p, { daily: [], weighIns: [] }, [], end)),
      { maxLength: 2 },
    ),
    now: fc.integer({ min: end, max: end + 5 * DAY }),
    options: fc.record(
      { nextHardSessionAt: fc.integer({ min: end - HOUR, max: end + 2 * DAY }) },
      { requiredKeys: [] },
    ),
  });
});

const build = (i: Input) =>
  plan(
    i.activity,
    i.classification,
    i.history,
    i.profile,
    { daily: i.daily, weighIns: i.weighIns },
    i.activePlans,
    i.now,
    i.options,
  );

describe('plan properties', () => {
  it('steps are ordered, start at or after the run, windows are non-negative, ids unique', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = build(input);
        for (let i = 1; i < p.steps.length; i++) {
          expect(compareSteps(p.steps[i - 1]!, p.steps[i]!)).toBeLessThanOrEqual(0);
        }
        for (const window of [...p.steps, ...p.timers]) {
          expect(window.startsAt).toBeGreaterThanOrEqual(p.runEndedAt);
          expect(window.endsAt).toBeGreaterThanOrEqual(window.startsAt);
        }
        expect(new Set(p.steps.map((s) => s.id)).size).toBe(p.steps.length);
        expect(new Set(p.timers.map((t) => t.id)).size).toBe(p.timers.length);
      }),
    );
  });

  it('quantities stay within physiological bounds', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = build(input);
        const heaviest = BODY_WEIGHT_KG.max;
        const lightest = BODY_WEIGHT_KG.min;
        const bounds: Record<string, [number, number]> = {
          'protein:g': [Math.round(0.25 * lightest), 0.4 * heaviest],
          'protein:g/kg': [0.25, 0.4],
          'carbohydrate:g': [Math.round(1.0 * lightest), 1.2 * heaviest],
          'carbohydrate:g/kg': [1.0, 1.2],
          'carbohydrate-rate:g/h': [Math.round(1.0 * lightest), 1.2 * heaviest],
          'carbohydrate-rate:g/kg/h': [1.0, 1.2],
          'carbohydrate-day:g': [6 * lightest, 10 * heaviest],
          'carbohydrate-day:g/kg': [6, 10],
          // 150% of at most 5% of the heaviest plausible weight
          'fluids:ml': [0, 1500 * 0.05 * heaviest],
          'fluids-per-kg-lost:ml/kg': [1000, 1600],
          'sodium:mg/L': [300, 1000],
        };
        for (const step of p.steps) {
          for (const q of step.quantities ?? []) {
            const bound = bounds[`${q.kind}:${q.unit}`];
            expect(bound, `${q.kind} in ${q.unit}`).toBeDefined();
            expect(Number.isFinite(q.min) && Number.isFinite(q.max)).toBe(true);
            expect(q.min).toBeLessThanOrEqual(q.max);
            expect(q.min).toBeGreaterThanOrEqual(bound![0]);
            expect(q.max).toBeLessThanOrEqual(bound![1]);
            expect(q.text.length).toBeGreaterThan(0);
          }
        }
        const protein = p.steps
          .flatMap((s) => s.quantities ?? [])
          .find((q) => q.kind === 'protein');
        const weight = input.profile.weightKg;
        if (protein && weight !== undefined && weight >= 30 && weight <= 250) {
          expect(protein.min).toBeGreaterThanOrEqual(Math.round(0.25 * weight));
          expect(protein.max).toBeLessThanOrEqual(Math.round(0.4 * weight));
        }
      }),
    );
  });

  it('readiness stays within 0–96 h and readyAt follows it', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const p = build(input);
        expect(p.readiness.hours).toBeGreaterThanOrEqual(0);
        expect(p.readiness.hours).toBeLessThanOrEqual(MAX_HOURS);
        expect(p.readyAt).toBe(Math.round(p.runEndedAt + p.readiness.hours * HOUR));
        expect(p.readiness.reasons.length).toBeGreaterThan(0);
        // Stacking: a countdown still running never makes this run's readiness earlier.
        const alone = build({ ...input, activePlans: [] });
        expect(p.readiness.hours).toBeGreaterThanOrEqual(alone.readiness.hours);
      }),
    );
  });

  it('more load in this run (longer at the same pace) never makes readiness earlier', () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 1, max: 3, noNaN: true }), (input, k) => {
        const a = input.activity;
        const bigger = {
          ...a,
          moving_time: Math.round(a.moving_time * k),
          elapsed_time: Math.round(a.elapsed_time * k),
          distance: a.distance * k,
        };
        // All else equal: check-ins and other countdowns are keyed to the run's end, which moves.
        const same = { ...input, daily: [], activePlans: [] };
        const small = build(same).readiness.hours;
        const big = build({ ...same, activity: bigger }).readiness.hours;
        expect(big).toBeGreaterThanOrEqual(small - 1e-9);
      }),
    );
  });

  // Sore check-ins on distinct days after the run, so the soreness terms are really exercised.
  const soreDaysArb = (end: number) =>
    fc
      .uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 4 })
      .chain((days) =>
        fc.tuple(
          ...days.map((day) =>
            checkInArb(end, day).map((c): CheckIn => ({ ...c, soreness: c.soreness ?? day })),
          ),
        ),
      );
  const bumpsArb = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 10 })), {
    minLength: 8,
    maxLength: 8,
  });

  it('more soreness never makes readiness earlier', () => {
    const focused = inputArb.chain((input) =>
      fc.record({
        input: fc.constant(input),
        daily: fc.oneof<fc.Arbitrary<CheckIn[]>[]>(
          fc.constant(input.daily),
          soreDaysArb(input.activity.elapsed_time * 1000 + Date.parse(input.activity.start_date)),
        ),
        utc: fc.boolean(),
        bumps: bumpsArb,
      }),
    );
    fc.assert(
      fc.property(focused, ({ input, daily, utc, bumps }) => {
        const base = {
          ...input,
          daily,
          profile: utc ? { ...input.profile, timeZone: 'UTC' } : input.profile,
        };
        const sorer = daily.map((c, i) =>
          c.soreness === undefined ? c : { ...c, soreness: Math.min(10, c.soreness + bumps[i]!) },
        );
        const before = build(base);
        const after = build({ ...base, daily: sorer });
        expect(after.readiness.hours).toBeGreaterThanOrEqual(before.readiness.hours);
      }),
      { numRuns: 300 },
    );
  });

  it('is a pure function of its inputs', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        expect(build(input)).toEqual(build(structuredClone(input)));
      }),
      { numRuns: 30 },
    );
  });
});
