import { describe, expect, it } from 'vitest';
import {
  dateTimeFormat,
  daysBetween,
  formatClock,
  isDateKey,
  localDateKey,
  zoneFromStrava,
} from '../../../lib/recovery/local-date';
import { plan } from '../../../lib/recovery/plan';
import { checkIn, classification, HOUR, MINUTE, noCheckIns, profile, run } from './fixtures';

describe('localDateKey', () => {
  it.each([
    ['2026-06-10T23:30:00Z', 'UTC', '2026-06-10'],
    ['2026-06-10T23:30:00Z', 'Asia/Tokyo', '2026-06-11'],
    ['2026-06-11T03:30:00Z', 'America/New_York', '2026-06-10'],
    ['2026-10-25T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-10-24T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-03-08T04:59:00Z', 'America/New_York', '2026-03-07'],
    ['2026-03-08T05:00:00Z', 'America/New_York', '2026-03-08'],
  ])('%s in %s is %s', (iso, zone, key) => {
    expect(localDateKey(Date.parse(iso), zone)).toBe(key);
  });

  it('daysBetween counts calendar days, across DST too', () => {
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-06-11', '2026-06-10')).toBe(-1);
  });

  it('reads date keys and Strava zones', () => {
    expect(isDateKey('2026-06-10')).toBe(true);
    expect(isDateKey('10/06/2026')).toBe(false);
    expect(zoneFromStrava('(GMT+00:00) Europe/London')).toBe('Europe/London');
    expect(zoneFromStrava('(GMT+00:00) Not/AZone')).toBeUndefined();
  });
});

describe('DST does not shift windows', () => {
  // Europe/London falls back at 02:00 BST on 2026-10-25 (01:00 UTC).
  const longRun = run({ start_date: '2026-10-24T22:30:00Z', elapsed_time: 2 * 3600 });
  const london = profile({ timeZone: 'Europe/London' });

  it('the fluids window is exactly 4 h though the clock moved 1 h; the nap waits for 09:00 local', () => {
    const p = plan(longRun, classification('long'), [], london, noCheckIns, [], 0);
    expect(formatClock(p.runEndedAt, 'Europe/London', 'en-GB')).toBe('1:30');
    const fluids = p.steps.find((s) => s.id === 'fluids')!;
    expect(fluids.endsAt - p.runEndedAt).toBe(4 * HOUR);
    const nap = p.steps.find((s) => s.id === 'nap')!;
    // 01:30 BST, then the clocks go back: 09:00 GMT is 8.5 h of real time later.
    expect(formatClock(nap.startsAt, 'Europe/London', 'en-GB')).toBe('9:00');
    expect(nap.startsAt - p.runEndedAt).toBe(8.5 * HOUR);
  });

  it('a plan is the same instants in any zone, but for the steps that follow the local clock', () => {
    const a = plan(longRun, classification('long'), [], london, noCheckIns, [], 0);
    const b = plan(
      longRun,
      classification('long'),
      [],
      profile({ timeZone: 'America/New_York' }),
      noCheckIns,
      [],
      0,
    );
    const clockBound = new Set(['nap', 'after-nap-walk', 'mobility']);
    const fixed = (p: typeof a) =>
      p.steps.filter((s) => !clockBound.has(s.id)).map((s) => [s.id, s.startsAt, s.endsAt]);
    expect(fixed(b)).toEqual(fixed(a));
  });

  it('New York springs forward: the meal is still 45–60 min after the run', () => {
    const p = plan(
      run({ start_date: '2026-03-08T06:00:00Z', elapsed_time: 1800 }),
      classification('workout'),
      [],
      profile({ timeZone: 'America/New_York' }),
      noCheckIns,
      [],
      0,
    );
    const meal = p.steps.find((s) => s.id === 'meal')!;
    expect([meal.startsAt - p.runEndedAt, meal.endsAt - p.runEndedAt]).toEqual([
      45 * MINUTE,
      60 * MINUTE,
    ]);
    expect(formatClock(p.runEndedAt, 'America/New_York', 'en-US')).toBe('1:30 AM');
    expect(formatClock(meal.startsAt, 'America/New_York', 'en-US')).toBe('3:15 AM');
  });

  it('check-ins across the change are keyed by the London date', () => {
    const now = Date.parse('2026-10-27T12:00:00Z');
    const slept = (date: string) => ({
      daily: [checkIn(date, { sleepHours: 4 })],
      weighIns: [],
    });
    const base = plan(longRun, classification('long'), [], london, noCheckIns, [], now);
    // The run ended on the 25th in London (01:30 BST), so the 25th is the run day, not the day after.
    const sameDay = plan(longRun, classification('long'), [], london, slept('2026-10-25'), [], now);
    const nextDay = plan(longRun, classification('long'), [], london, slept('2026-10-26'), [], now);
    expect(sameDay.readiness.hours).toBe(base.readiness.hours);
    expect(nextDay.readiness.hours).toBeGreaterThan(base.readiness.hours);
  });

  it('falls back to the zone Strava gives when the profile has none, then UTC', () => {
    const p = plan(
      run({ timezone: '(GMT-05:00) America/New_York' }),
      classification('easy'),
      [],
      profile({ timeZone: undefined }),
      noCheckIns,
      [],
      0,
    );
    expect(p.timeZone).toBe('America/New_York');
    const q = plan(
      run(),
      classification('easy'),
      [],
      profile({ timeZone: 'Nowhere/Zone' }),
      noCheckIns,
      [],
      0,
    );
    expect(q.timeZone).toBe('UTC');
  });
});

describe('dateTimeFormat', () => {
  it('builds one formatter per locale and options, and keeps zones apart', () => {
    const london = dateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric' });
    expect(dateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: 'numeric' })).toBe(london);
    expect(dateTimeFormat('en-GB', { timeZone: 'Asia/Tokyo', hour: 'numeric' })).not.toBe(london);
    expect(dateTimeFormat('en-US', { timeZone: 'Europe/London', hour: 'numeric' })).not.toBe(
      london,
    );
    const instant = Date.UTC(2026, 0, 15, 12, 0);
    expect(formatClock(instant, 'Europe/London', 'en-GB')).toBe('12:00');
    expect(formatClock(instant, 'Asia/Tokyo', 'en-GB')).toBe('21:00');
    expect(formatClock(instant, 'Europe/London', 'en-GB')).toBe('12:00');
  });
});

describe('a zone the runtime does not know', () => {
  it('renders in the browser’s zone instead of throwing', () => {
    const at = Date.parse('2026-06-12T10:05:00Z');
    expect(() => formatClock(at, 'Mars/Olympus_Mons')).not.toThrow();
    expect(formatClock(at, 'Mars/Olympus_Mons')).toMatch(/\d/);
    expect(localDateKey(at, 'Not/AZone')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
