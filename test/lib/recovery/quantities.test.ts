import { describe, expect, it } from 'vitest';
import type { Quantity, QuantityKind } from '../../../lib/model/plan';
import type { WeighIn } from '../../../lib/model/weigh-in';
import { plan } from '../../../lib/recovery/plan';
import { classification, profile, run } from './fixtures';

const NOW = Date.parse('2026-06-10T07:05:00Z');

function quantities(
  overrides: Parameters<typeof profile>[0],
  weighIns: WeighIn[] = [],
): Map<QuantityKind, Quantity> & { prompts: string[]; warnings: string[] } {
  const p = plan(
    run(),
    classification('long'),
    [],
    profile(overrides),
    { daily: [], weighIns },
    [],
    NOW,
  );
  const all = new Map<QuantityKind, Quantity>();
  for (const step of p.steps)
    for (const q of step.quantities ?? []) if (!all.has(q.kind)) all.set(q.kind, q);
  return Object.assign(all, {
    prompts: p.steps.flatMap((s) => (s.prompt ? [s.prompt] : [])),
    warnings: p.readiness.warnings,
  });
}

describe('snack amounts from body weight', () => {
  it.each([50, 60, 70, 90, 100])(
    '%s kg → carbohydrate within 0.9–1.3 g/kg (no wider than 0.5), protein 0.25–0.4 g/kg',
    (weightKg) => {
      const q = quantities({ weightKg });
      const carbs = q.get('carbohydrate')!;
      const protein = q.get('protein')!;
      expect(carbs.unit).toBe('g');
      expect(carbs.min).toBeGreaterThanOrEqual(0.9 * weightKg);
      expect(carbs.max).toBeLessThanOrEqual(1.3 * weightKg);
      expect(carbs.max - carbs.min).toBeLessThanOrEqual(0.5 * weightKg);
      expect(protein.min).toBeGreaterThanOrEqual(Math.floor(0.25 * weightKg));
      expect(protein.max).toBeLessThanOrEqual(Math.ceil(0.4 * weightKg));
    },
  );

  it('without a weight: ranges per kg and a prompt to add it', () => {
    const q = quantities({});
    expect(q.get('protein')).toMatchObject({ min: 0.25, max: 0.4, unit: 'g/kg' });
    expect(q.get('carbohydrate')).toMatchObject({ min: 1, max: 1.2, unit: 'g/kg' });
    expect(q.prompts.join(' ')).toMatch(/body weight/);
  });

  it('Strava’s profile weight sizes the amounts when the options have none', () => {
    const q = quantities({ stravaWeightKg: 60 });
    expect(q.get('carbohydrate')).toMatchObject({ min: 60, max: 72, unit: 'g' });
  });

  it('an implausible weight is not used, and says so', () => {
    const q = quantities({ weightKg: 7 });
    expect(q.get('protein')).toMatchObject({ unit: 'g/kg' });
    expect(q.warnings.join(' ')).toMatch(/weight.*looks wrong/);
  });

  it('falls back to the weigh-in weight when the profile has none', () => {
    const q = quantities({}, [{ activityId: 1, beforeKg: 80, afterKg: 79 }]);
    expect(q.get('protein')).toMatchObject({ min: 20, max: 32 });
  });

  it.each([
    ['metric', '18–28 g protein'],
    ['imperial', '18–28 g (0.6–1 oz) protein'],
  ] as const)('%s text', (units, text) => {
    expect(quantities({ weightKg: 70, units }).get('protein')?.text).toBe(text);
  });

  it('never writes protein as ounces per pound (seed 003 unit error)', () => {
    const q = quantities({ weightKg: 70, units: 'imperial' });
    for (const quantity of q.values())
      expect(quantity.text).not.toMatch(/(?<!fl )oz per (lb|pound)/);
    expect(q.get('protein')?.text).not.toMatch(/per/);
  });
});

describe('fluids', () => {
  it.each([
    // before, after, ml (150% of the loss), metric text, imperial text
    [70, 69, 1500, '1.5 L', '51 fl oz'],
    [60, 59.6, 600, '600 ml', '20 fl oz'],
    [80, 78.5, 2250, '2.3 L', '76 fl oz'],
  ])('%s → %s kg: %s ml', (beforeKg, afterKg, ml, metricText, imperialText) => {
    const weighIns = [{ activityId: 1, beforeKg, afterKg }];
    const metric = quantities({ units: 'metric' }, weighIns).get('fluids');
    expect(metric).toMatchObject({ min: ml, max: ml, unit: 'ml' });
    expect(metric?.text.startsWith(metricText)).toBe(true);
    const imperial = quantities({ units: 'imperial' }, weighIns).get('fluids');
    expect(imperial?.text.startsWith(imperialText)).toBe(true);
    expect(imperial?.text).toMatch(/lb you lost/);
  });

  it('uses the weigh-in of this run only', () => {
    const q = quantities({}, [{ activityId: 2, beforeKg: 70, afterKg: 68 }]);
    // 2 kg lost on another run would mean 3 L; this run gets the estimate from its duration.
    expect(q.get('fluids')?.max).not.toBe(3000);
    expect(q.get('fluids')?.text).toMatch(/estimate/);
  });

  it('without a weigh-in: an estimate in ml from the duration, larger when hot, and a prompt', () => {
    const at = (temp: number) => {
      const p = plan(
        { ...run({ moving_time: 90 * 60, elapsed_time: 92 * 60 }), average_temp: temp },
        classification('long'),
        [],
        profile({}),
        { daily: [], weighIns: [] },
        [],
        NOW,
      );
      return p.steps.flatMap((s) => s.quantities ?? []).find((q) => q.kind === 'fluids')!;
    };
    const mild = at(15);
    const hot = at(31);
    expect(mild).toMatchObject({ unit: 'ml' });
    // 0.5–1.0 L/h for 1.5 h, 125–150 % of it.
    expect(mild.min).toBeGreaterThanOrEqual(900);
    expect(mild.max).toBeLessThanOrEqual(2300);
    expect(hot.min).toBeGreaterThan(mild.min);
    expect(hot.max).toBeGreaterThan(mild.max);
    expect(quantities({}).prompts.join(' ')).toMatch(/before and after/);
  });

  it('warns above 2% of body weight lost', () => {
    expect(
      quantities({}, [{ activityId: 1, beforeKg: 60, afterKg: 58.5 }]).warnings.join(),
    ).toMatch(/2\.5%.*2%/);
    expect(quantities({}, [{ activityId: 1, beforeKg: 60, afterKg: 59 }]).warnings).toEqual([]);
  });

  it('ignores a weigh-in that cannot be sweat, with a warning', () => {
    const q = quantities({}, [{ activityId: 1, beforeKg: 70, afterKg: 60 }]);
    expect(q.get('fluids')?.text).toMatch(/estimate/);
    expect(q.warnings.join()).toMatch(/typo/);
  });

  it('a weight gain means nothing to replace beyond thirst', () => {
    const q = quantities({}, [{ activityId: 1, beforeKg: 70, afterKg: 70.3 }]);
    expect(q.get('fluids')).toMatchObject({ min: 0, max: 0 });
  });

  it('sodium 135–340 mg per 12 fl oz, or per litre in metric', () => {
    expect(quantities({ units: 'imperial' }).get('sodium')?.text).toBe(
      '135–340 mg sodium per 12 fl oz',
    );
    expect(quantities({}).get('sodium')?.text).toBe('380–960 mg sodium per litre');
  });
});
