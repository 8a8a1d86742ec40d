import { describe, expect, it } from 'vitest';
import { endOf } from '../../../lib/model/activity';
import type { StepId } from '../../../lib/model/plan';
import type { PlanKind, RunKind } from '../../../lib/model/run-kind';
import { plan } from '../../../lib/recovery/plan';
import { COLD_CAUTION } from '../../../lib/recovery/protocol';
import { isSourceId } from '../../../lib/recovery/sources';
import { classification, HOUR, MINUTE, noCheckIns, profile, run } from './fixtures';

const NOW = Date.parse('2026-06-10T07:05:00Z');

function planFor(kind: RunKind, race = false, overrides: Parameters<typeof run>[0] = {}) {
  return plan(run(overrides), classification(kind, race), [], profile(), noCheckIns, [], NOW);
}

describe('plan by kind', () => {
  const cases: [string, RunKind, boolean, PlanKind, StepId[], StepId[]][] = [
    [
      'easy run: light plan',
      'easy',
      false,
      'easy',
      ['drink-now', 'fluids', 'meal', 'refuel-snack'],
      ['cool-down', 'nap', 'power-nap', 'mobility', 'wind-down', 'after-nap-walk'],
    ],
    [
      'workout: full refuel, power nap',
      'workout',
      false,
      'workout',
      ['cool-down', 'refuel-snack', 'drink-now', 'mobility', 'fluids', 'meal', 'power-nap'],
      ['nap'],
    ],
    [
      'long run: full routine with the long nap',
      'long',
      false,
      'long',
      ['cool-down', 'refuel-snack', 'fluids', 'meal', 'wind-down', 'nap', 'after-nap-walk'],
      ['power-nap'],
    ],
    ['short race: hard routine', 'workout', true, 'race', ['refuel-snack', 'power-nap'], ['nap']],
  ];

  it.each(cases)('%s', (_, kind, race, planKind, has, hasNot) => {
    const p = planFor(kind, race);
    const ids = p.steps.map((s) => s.id);
    expect(p.kind).toBe(planKind);
    for (const id of has) expect(ids).toContain(id);
    for (const id of hasNot) expect(ids).not.toContain(id);
  });

  it('an easy plan is lighter than a long-run plan', () => {
    expect(planFor('easy').steps.length).toBeLessThan(planFor('long').steps.length);
  });

  it('a race of 90 min or more gets the long routine', () => {
    const p = planFor('workout', true, { moving_time: 2 * 3600, elapsed_time: 2 * 3600 });
    expect(p.routine).toBe('long');
    expect(p.steps.map((s) => s.id)).toContain('nap');
  });

  it.each([
    ['easy', 'optional'],
    ['workout', 'essential'],
    ['long', 'essential'],
  ] as const)('refuel snack after a %s run is %s', (kind, priority) => {
    expect(planFor(kind).steps.find((s) => s.id === 'refuel-snack')?.priority).toBe(priority);
  });

  it.each(['easy', 'workout', 'long'] as const)('%s: windows follow the protocol', (kind) => {
    const p = planFor(kind);
    const end = endOf(run());
    const at = (id: StepId) => p.steps.find((s) => s.id === id);
    expect(at('fluids')).toMatchObject({ startsAt: end, endsAt: end + 4 * HOUR });
    expect(at('refuel-snack')).toMatchObject({ startsAt: end, endsAt: end + 30 * MINUTE });
    if (kind !== 'easy') {
      expect(at('meal')).toMatchObject({ startsAt: end + 45 * MINUTE, endsAt: end + 60 * MINUTE });
      expect(at('cool-down')).toMatchObject({ startsAt: end, endsAt: end + 10 * MINUTE });
      const nap = at(kind === 'long' ? 'nap' : 'power-nap');
      expect(nap?.startsAt).toBe(end + 2 * HOUR);
      expect(nap!.endsAt - nap!.startsAt).toBe(kind === 'long' ? 2 * HOUR : 30 * MINUTE);
    }
  });

  it('every step names a listed source, and steps are in order', () => {
    for (const kind of ['easy', 'workout', 'long'] as const) {
      const p = planFor(kind);
      for (const step of p.steps) expect(isSourceId(step.source)).toBe(true);
      for (let i = 1; i < p.steps.length; i++) {
        expect(p.steps[i]!.startsAt).toBeGreaterThanOrEqual(p.steps[i - 1]!.startsAt);
      }
    }
  });

  it('windows count from start_date + elapsed_time, not moving time', () => {
    const p = planFor('workout', false, { moving_time: 1800, elapsed_time: 5400 });
    expect(p.runEndedAt).toBe(Date.parse('2026-06-10T07:30:00Z'));
    expect(p.steps[0]!.startsAt).toBe(p.runEndedAt);
  });

  it('carries the notice and the activity identity', () => {
    const p = planFor('easy');
    expect(p.notice).toMatch(/not medical advice/i);
    expect(p.activityId).toBe(1);
    expect(p.createdAt).toBe(NOW);
  });

  it('refuses a ride', () => {
    expect(() =>
      plan(run({ sport_type: 'Ride' }), classification('easy'), [], profile(), noCheckIns, [], NOW),
    ).toThrow(RangeError);
  });
});

describe('timers', () => {
  it('hard runs count down refuel, meal, fluids, nap and ready', () => {
    const p = planFor('long');
    expect(p.timers.map((t) => t.id).sort()).toEqual(['fluids', 'meal', 'nap', 'ready', 'refuel']);
    const refuel = p.timers.find((t) => t.id === 'refuel')!;
    expect(refuel.endsAt - refuel.startsAt).toBe(30 * MINUTE);
    const ready = p.timers.find((t) => t.id === 'ready')!;
    expect(ready).toMatchObject({ startsAt: p.runEndedAt, endsAt: p.readyAt });
    expect(p.readyAt).toBe(p.runEndedAt + p.readiness.hours * HOUR);
  });

  it('an easy run has no refuel countdown (it is optional) and no nap', () => {
    const ids = planFor('easy').timers.map((t) => t.id);
    expect(ids).not.toContain('refuel');
    expect(ids).not.toContain('nap');
    expect(ids).toContain('ready');
  });
});

describe('cold advice by training phase', () => {
  const cold = (kind: RunKind, race: boolean, phase: 'building' | 'taper') =>
    plan(
      run(),
      classification(kind, race),
      [],
      profile({ trainingPhase: phase }),
      noCheckIns,
      [],
      NOW,
    ).steps.find((s) => s.id === 'cold');

  it.each([
    ['workout while building', 'workout', false, 'building', /skip/i],
    ['long run while building', 'long', false, 'building', /skip/i],
    ['workout in taper', 'workout', false, 'taper', /if you like/i],
    ['easy run while building', 'easy', false, 'building', /if you like/i],
    ['race while building (race week)', 'workout', true, 'building', /if you like/i],
  ] as const)('%s', (_, kind, race, phase, title) => {
    const step = cold(kind, race, phase);
    expect(step?.title).toMatch(title);
    expect(step?.caution).toBe(COLD_CAUTION);
    expect(step?.caution).toMatch(/heart disease.*high blood pressure.*diabetes/);
  });

  it('every cold-related step carries the caution', () => {
    const p = plan(run(), classification('easy'), [], profile(), noCheckIns, [], NOW);
    const coldSteps = p.steps.filter((s) => s.id === 'cold' || s.id === 'contrast-shower');
    expect(coldSteps.length).toBe(2);
    for (const step of coldSteps) expect(step.caution).toBe(COLD_CAUTION);
  });
});

describe('rapid refuelling', () => {
  const withNext = (hoursAfterEnd: number | undefined, kind: RunKind = 'workout') => {
    const end = endOf(run());
    return plan(
      run(),
      classification(kind),
      [],
      profile({ weightKg: 60 }),
      noCheckIns,
      [],
      NOW,
      hoursAfterEnd === undefined ? {} : { nextHardSessionAt: end + hoursAfterEnd * HOUR },
    ).steps.find((s) => s.id === 'rapid-refuel');
  };

  it.each([
    [undefined, false],
    [4, true],
    [7.9, true],
    [8, false],
    [20, false],
    [-1, false],
  ])('next hard session %s h after the run → rapid refuel %s', (hours, expected) => {
    expect(withNext(hours) !== undefined).toBe(expected);
  });

  it('not after an easy run, which keeps its light plan', () => {
    expect(withNext(4, 'easy')).toBeUndefined();
    expect(withNext(4, 'long')).toBeDefined();
  });

  it('is 1.0–1.2 g/kg/h for 4 h, counting the snack and meal', () => {
    const step = withNext(5)!;
    expect(step.quantities?.[0]).toMatchObject({ min: 60, max: 72, unit: 'g/h' });
    expect(step.quantities?.[0]?.text).toMatch(/snack and meal/);
    expect(step.endsAt - step.startsAt).toBe(4 * HOUR);
  });
});

describe('overlapping runs', () => {
  it('a new run starts its own refuel steps; an easy one keeps its own countdown', () => {
    const first = plan(
      run({ id: 1, name: 'Long run' }),
      classification('long'),
      [],
      profile(),
      noCheckIns,
      [],
      NOW,
    );
    const secondRun = run({ id: 2, name: 'Shakeout', start_date: '2026-06-10T10:00:00Z' });
    const second = plan(
      secondRun,
      classification('easy'),
      [],
      profile(),
      noCheckIns,
      [first],
      Date.parse('2026-06-10T11:05:00Z'),
    );
    expect(second.steps.find((s) => s.id === 'refuel-snack')?.startsAt).toBe(endOf(secondRun));
    expect(second.overlaps).toEqual([1]);
    // An easy run keeps its own countdown: the verdict follows the long run's (lib/recovery/verdict).
    const alone = plan(secondRun, classification('easy'), [], profile(), noCheckIns, [], NOW);
    expect(second.readyAt).toBe(alone.readyAt);
    expect(alone.readyAt).toBeLessThan(first.readyAt);
  });

  it('a bigger new run keeps its own later readiness', () => {
    const easy = plan(run({ id: 1 }), classification('easy'), [], profile(), noCheckIns, [], NOW);
    const long = plan(
      run({ id: 2, start_date: '2026-06-10T09:00:00Z' }),
      classification('long'),
      [],
      profile(),
      noCheckIns,
      [easy],
      NOW,
    );
    expect(long.readyAt).toBeGreaterThan(easy.readyAt);
    const alone = plan(
      run({ id: 2, start_date: '2026-06-10T09:00:00Z' }),
      classification('long'),
      [],
      profile(),
      noCheckIns,
      [],
      NOW,
    );
    // An easy run's countdown is not stacked onto a hard session.
    expect(long.readiness.hours).toBe(alone.readiness.hours);
    expect(long.overlaps).toEqual([1]);
  });

  it('the ready countdown never exceeds 96 h, even for a marathon at 70 behind another plan', () => {
    const later = plan(
      run({ id: 9, start_date: '2026-06-13T06:00:00Z' }),
      classification('long'),
      [],
      profile(),
      noCheckIns,
      [],
      NOW,
    );
    const big = run({
      id: 1,
      distance: 42_195,
      moving_time: 4 * 3600,
      elapsed_time: 4 * 3600 + 60,
    });
    const p = plan(
      big,
      classification('long', true),
      [],
      profile({ age: 70 }),
      noCheckIns,
      [later],
      NOW,
    );
    expect(p.readiness.hours).toBe(96);
    expect(p.readyAt).toBe(p.runEndedAt + 96 * HOUR);
  });
});
