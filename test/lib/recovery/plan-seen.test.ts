// The plan as the runner first sees it (issue 19): steps over by then are no tasks, a missed refuel
// window becomes "meal now", and heat, big days and a hard session soon change what is asked.
import { describe, expect, it } from 'vitest';
import { endOf } from '../../../lib/model/activity';
import type { Plan, Step } from '../../../lib/model/plan';
import type { RunKind } from '../../../lib/model/run-kind';
import { planFront } from '../../../lib/recovery/next-step';
import { type PlanOptions, plan } from '../../../lib/recovery/plan';
import { classification, HOUR, MINUTE, noCheckIns, profile, run } from './fixtures';

const END = endOf(run());

function seen(
  minutesAfter: number,
  kind: RunKind = 'workout',
  options: PlanOptions = {},
  activity = run(),
  weightKg: number | undefined = 60,
): Plan {
  const at = endOf(activity) + minutesAfter * MINUTE;
  return plan(
    activity,
    classification(kind),
    [],
    profile({ weightKg }),
    noCheckIns,
    [],
    at,
    options,
  );
}

const withCarbs = (s: Step) =>
  (s.quantities ?? []).some((q) => q.kind === 'carbohydrate' && q.unit === 'g');
const ids = (p: Plan) => p.steps.map((s) => s.id);

describe('a plan first seen late', () => {
  it.each([0, 10, 35, 40, 75, 120, 180])(
    'seen %s min after a workout: no step already over, food up front',
    (minutes) => {
      const p = seen(minutes);
      const seenAt = END + minutes * MINUTE;
      expect(p.firstSeenAt).toBe(seenAt);
      for (const s of p.steps) expect(s.endsAt).toBeGreaterThan(seenAt);
      const { front } = planFront(p, seenAt);
      expect(front.length).toBeLessThanOrEqual(6);
      expect(front.some(withCarbs)).toBe(true);
    },
  );

  it('after the refuel window: "meal now" with the snack amounts, and the refuel timer follows it', () => {
    const early = seen(5);
    const late = seen(35);
    expect(ids(late)).not.toContain('refuel-snack');
    const mealNow = late.steps.find((s) => s.id === 'meal-now')!;
    expect(mealNow.priority).toBe('essential');
    expect(mealNow.startsAt).toBe(END + 35 * MINUTE);
    expect(mealNow.endsAt - mealNow.startsAt).toBe(HOUR);
    expect(mealNow.quantities).toEqual(
      early.steps.find((s) => s.id === 'refuel-snack')?.quantities,
    );
    // The set meal at 45–60 min falls inside the hour: one eating step, not two.
    expect(ids(late)).not.toContain('meal');
    const refuel = late.timers.find((t) => t.id === 'refuel')!;
    expect([refuel.startsAt, refuel.endsAt]).toEqual([mealNow.startsAt, mealNow.endsAt]);
    expect(late.missed).toEqual(expect.arrayContaining(['cool-down', 'refuel-snack', 'drink-now']));
    expect(early.missed).toBeUndefined();
  });

  it('within the refuel window the snack counts down as before', () => {
    const p = seen(12);
    expect(ids(p)).toContain('refuel-snack');
    expect(ids(p)).not.toContain('meal-now');
    expect(p.timers.find((t) => t.id === 'refuel')?.endsAt).toBe(END + 30 * MINUTE);
  });

  it('a replan keeps when the plan was first seen', () => {
    const first = seen(40);
    const replanned = plan(
      run(),
      classification('workout'),
      [],
      profile({ weightKg: 60 }),
      noCheckIns,
      [],
      END + 20 * HOUR,
      { firstSeenAt: first.firstSeenAt },
    );
    expect(replanned.firstSeenAt).toBe(first.firstSeenAt);
    expect(replanned.steps.find((s) => s.id === 'meal-now')?.startsAt).toBe(first.firstSeenAt);
  });

  it('a nap moved to the morning is still ahead for a plan seen after its first window', () => {
    // A long run ending 05:00 in London (04:00 UTC), seen at 09:10: its nap moved to 09:00 is still on.
    const early = run({ start_date: '2026-06-10T01:00:00Z', elapsed_time: 3 * 3600 });
    const seenAt = Date.parse('2026-06-10T08:10:00Z');
    const p = plan(
      early,
      classification('long'),
      [],
      profile({ timeZone: 'Europe/London' }),
      noCheckIns,
      [],
      seenAt,
    );
    const nap = p.steps.find((s) => s.id === 'nap');
    expect(nap?.startsAt).toBe(Date.parse('2026-06-10T08:00:00Z'));
  });

  it('half a day later there is no "meal now": normal meals restock by then', () => {
    const p = seen(12 * 60);
    expect(ids(p)).not.toContain('meal-now');
    expect(ids(p)).not.toContain('refuel-snack');
  });

  it('an easy run seen late gets no eating push at all', () => {
    const p = seen(45, 'easy', {}, run({ moving_time: 1800, elapsed_time: 1900 }));
    expect(p.steps.filter((s) => s.priority === 'essential' && withCarbs(s))).toEqual([]);
  });
});

describe('hot runs', () => {
  const at = (temp: number, options: PlanOptions = {}) =>
    seen(
      2,
      'workout',
      options,
      run({ moving_time: 90 * 60, elapsed_time: 95 * 60, average_temp: temp }),
      undefined,
    );
  const fluidsMl = (p: Plan) =>
    p.steps.flatMap((s) => s.quantities ?? []).find((q) => q.kind === 'fluids' && q.unit === 'ml');

  it('at 32 °C: cooling comes first, no "skip the ice bath", electrolytes named, more to drink', () => {
    const hot = at(32);
    const mild = at(15);
    expect(hot.steps[0]?.id).toBe('cool-off');
    expect(planFront(hot, END).front[0]?.id).toBe('cool-off');
    expect(ids(mild)).not.toContain('cool-off');
    expect(hot.steps.find((s) => s.id === 'cold')?.title ?? '').not.toMatch(/skip/i);
    expect(mild.steps.find((s) => s.id === 'cold')?.title).toMatch(/skip/i);
    expect(hot.steps.find((s) => s.id === 'fluids')?.detail).toMatch(/electrolyte/);
    expect(fluidsMl(hot)!.min).toBeGreaterThan(fluidsMl(mild)!.min);
    expect(fluidsMl(hot)!.max).toBeGreaterThan(fluidsMl(mild)!.max);
  });

  it('the runner saying it was hot counts like the device', () => {
    const said = at(15, { saidHot: true });
    expect(ids(said)).toContain('cool-off');
    expect(fluidsMl(said)).toEqual(fluidsMl(at(32)));
  });
});

describe('big days and a hard session soon', () => {
  it('long runs and races get the day target (6–10 g/kg) and protein every 3–4 h; workouts do not', () => {
    for (const [kind, race, expected] of [
      ['long', false, true],
      ['workout', true, true],
      ['workout', false, false],
    ] as const) {
      const p = plan(
        run(),
        classification(kind, race),
        [],
        profile({ weightKg: 70 }),
        noCheckIns,
        [],
        END,
      );
      const day = p.steps.find((s) => s.id === 'day-fuel');
      expect(day !== undefined).toBe(expected);
      if (!day) continue;
      expect(day.quantities?.[0]).toMatchObject({
        kind: 'carbohydrate-day',
        min: 420,
        max: 700,
        unit: 'g',
      });
      expect(day.quantities?.[1]?.text).toMatch(/every 3–4 h/);
    }
  });

  it('a hard session 5 h away turns on rapid refuelling without a second snack', () => {
    const normal = seen(2);
    const rapid = seen(2, 'workout', { nextHardSessionAt: END + 5 * HOUR });
    const snacks = (p: Plan) => p.steps.filter(withCarbs).length;
    expect(ids(rapid)).toContain('rapid-refuel');
    expect(ids(normal)).not.toContain('rapid-refuel');
    expect(snacks(rapid)).toBe(snacks(normal));
    const rate = rapid.steps.find((s) => s.id === 'rapid-refuel')?.quantities?.[0];
    expect(rate).toMatchObject({ kind: 'carbohydrate-rate', min: 60, max: 72, unit: 'g/h' });
  });
});

describe('one "also worth knowing" line', () => {
  it("the don'ts and extras are never up front and are not listed among the tasks", () => {
    const p = seen(40, 'long');
    const { front, more, extras } = planFront(p, p.firstSeenAt!);
    const dontsAndExtras = ['limit-alcohol', 'skip-anti-inflammatories', 'foam-roll', 'legs-up'];
    for (const id of dontsAndExtras) {
      expect(extras.map((s) => s.id)).toContain(id);
      expect([...front, ...more].map((s) => s.id)).not.toContain(id);
    }
  });
});
