import { describe, expect, it } from 'vitest';
import { parseCheckInForm } from '../../../lib/forms/check-in-form';

const ctx = { date: '2026-06-12', now: 1_781_000_000_000 };
const parse = (raw: Record<string, string | string[] | undefined>) => parseCheckInForm(raw, ctx);

function errors(raw: Record<string, string | string[] | undefined>) {
  const result = parse(raw);
  if (result.ok) throw new Error(`expected errors for ${JSON.stringify(raw)}`);
  return result.errors;
}

describe('parseCheckInForm', () => {
  it('turns a full form into a CheckIn for the given date', () => {
    expect(
      parse({
        sleepHours: '7.5',
        sleepQuality: '4',
        soreness: '3',
        sorenessAreas: ['quads', 'calves'],
        energy: '5',
        restingHr: '48',
      }),
    ).toEqual({
      ok: true,
      value: {
        date: '2026-06-12',
        updatedAt: ctx.now,
        sleepHours: 7.5,
        sleepQuality: 4,
        soreness: 3,
        sorenessAreas: ['calves', 'quads'],
        energy: 5,
        restingHr: 48,
      },
    });
  });

  it('leaves out what was not filled in', () => {
    expect(parse({ sleepHours: '6', soreness: '', energy: '  ' })).toEqual({
      ok: true,
      value: { date: ctx.date, updatedAt: ctx.now, sleepHours: 6 },
    });
  });

  it('refuses an empty check-in with one message for the form', () => {
    expect(errors({})).toEqual({ form: expect.stringMatching(/at least one/) });
    expect(errors({ sleepHours: '', soreness: ' ', sorenessAreas: [] })).toHaveProperty('form');
  });

  it.each([
    ['0', 0],
    ['16', 16],
    ['7,5', 7.5],
    ['7:30', 7.5],
    ['7:20', 7.33],
    [' 8 ', 8],
  ])('sleep %j is %d hours', (text, hours) => {
    const result = parse({ sleepHours: text });
    expect(result.ok && result.value.sleepHours).toBe(hours);
  });

  it.each(['-1', '16.01', '17', '1000000', 'seven', 'NaN', 'Infinity', '1e1', '0x8', '7h', '7:75'])(
    'sleep %j is refused with the range',
    (text) => {
      expect(errors({ sleepHours: text }).sleepHours).toBe(
        'Sleep must be between 0 and 16 hours (for example 7.5 or 7:30)',
      );
    },
  );

  it.each([
    ['0', true],
    ['10', true],
    ['-1', false],
    ['11', false],
    ['2.5', false],
    ['sore', false],
  ])('soreness %j accepted: %s', (text, ok) => {
    const result = parse({ soreness: text });
    expect(result.ok).toBe(ok);
    if (!result.ok)
      expect(result.errors.soreness).toMatch(/Soreness is 0 \(none\) to 10 \(worst\)/);
  });

  it.each([
    ['sleepQuality', '0', /1 \(poor\) to 5 \(great\)/],
    ['sleepQuality', '6', /1 \(poor\) to 5 \(great\)/],
    ['energy', '0', /Energy/],
    ['energy', '3.5', /Energy/],
    ['restingHr', '20', /between 25 and 220/],
    ['restingHr', '300', /between 25 and 220/],
    ['restingHr', 'fast', /beats per minute/],
  ])('%s %j is refused', (field, text, message) => {
    expect(errors({ [field]: text })[field as 'energy']).toMatch(message);
  });

  it('reports every bad field at once', () => {
    expect(Object.keys(errors({ sleepHours: '20', soreness: '12', energy: '9' })).sort()).toEqual([
      'energy',
      'sleepHours',
      'soreness',
    ]);
  });

  it('areas need an overall soreness, and must come from the list', () => {
    expect(errors({ sorenessAreas: ['calves'] }).soreness).toMatch(/overall soreness/);
    expect(errors({ soreness: '3', sorenessAreas: ['back'] }).sorenessAreas).toMatch(/calves/);
    const one = parse({ soreness: '3', sorenessAreas: 'hips' });
    expect(one.ok && one.value.sorenessAreas).toEqual(['hips']);
    const dup = parse({ soreness: '3', sorenessAreas: ['hips', 'hips'] });
    expect(dup.ok && dup.value.sorenessAreas).toEqual(['hips']);
  });

  it('refuses a missing date rather than filing the entry under nothing', () => {
    expect(parseCheckInForm({ energy: '3' }, { date: '', now: 1 }).ok).toBe(false);
  });
});
