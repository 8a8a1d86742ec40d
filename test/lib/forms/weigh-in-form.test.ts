import { describe, expect, it } from 'vitest';
import { parseWeighInForm } from '../../../lib/forms/weigh-in-form';

const metric = { activityId: 42, units: 'metric' as const };
const imperial = { activityId: 42, units: 'imperial' as const };

describe('parseWeighInForm', () => {
  it('keeps kilograms as typed', () => {
    expect(parseWeighInForm({ before: '70.4', after: '69,8' }, metric)).toEqual({
      ok: true,
      value: { activityId: 42, beforeKg: 70.4, afterKg: 69.8 },
    });
  });

  it('turns pounds into kilograms for imperial runners', () => {
    const result = parseWeighInForm({ before: '160', after: '158.5' }, imperial);
    expect(result).toEqual({
      ok: true,
      value: { activityId: 42, beforeKg: 72.57, afterKg: 71.89 },
    });
  });

  it('asks for both weights', () => {
    const result = parseWeighInForm({ before: '70' }, metric);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.after).toBe('Enter your weight after the run, in kg');
  });

  it.each([
    ['29.9', metric, /between 30 kg and 250 kg/],
    ['251', metric, /between 30 kg and 250 kg/],
    ['heavy', metric, /between 30 kg and 250 kg/],
    ['-70', metric, /between/],
    ['60', imperial, /between 66.1 lb and 551.2 lb/],
  ])('before %j (%o) is implausible', (before, ctx, message) => {
    const result = parseWeighInForm({ before, after: before }, ctx);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.before).toMatch(message);
  });

  it('allows up to 2 kg gained (drinks on the run), not more', () => {
    expect(parseWeighInForm({ before: '70', after: '72' }, metric).ok).toBe(true);
    const result = parseWeighInForm({ before: '70', after: '72.1' }, metric);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.after).toMatch(/more than 2 kg above before/);
  });

  it('refuses a loss too large to be sweat, in the runner’s units', () => {
    expect(parseWeighInForm({ before: '70', after: '66.5' }, metric).ok).toBe(true); // 5%
    const result = parseWeighInForm({ before: '70', after: '63' }, metric);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.after).toMatch(/loss of 7 kg .* typo/);
    const lb = parseWeighInForm({ before: '170', after: '150' }, imperial);
    expect(lb.ok).toBe(false);
    if (!lb.ok) expect(lb.errors.after).toMatch(/loss of 20 lb/);
  });
});
