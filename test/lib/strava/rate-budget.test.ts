import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BudgetSnapshot, EMPTY_BUDGET } from '../../../lib/model/connection';
import {
  blockedUntil,
  canSpend,
  nextMidnightUtc,
  nextQuarter,
  recordRateLimited,
  updateFromHeaders,
  windows,
} from '../../../lib/strava/rate-budget';

const T = Date.parse('2026-11-23T10:07:30Z');
const headers = (overall: string, read: string) => ({
  'X-RateLimit-Limit': '200,2000',
  'X-RateLimit-Usage': overall,
  'X-ReadRateLimit-Limit': '100,1000',
  'X-ReadRateLimit-Usage': read,
});

describe('window boundaries (UTC)', () => {
  it('quarter hours reset at :00/:15/:30/:45 and days at midnight UTC', () => {
    expect(new Date(nextQuarter(T)).toISOString()).toBe('2026-11-23T10:15:00.000Z');
    expect(new Date(nextQuarter(Date.parse('2026-11-23T23:59:59Z'))).toISOString()).toBe(
      '2026-11-24T00:00:00.000Z',
    );
    expect(new Date(nextQuarter(Date.parse('2026-11-23T10:15:00Z'))).toISOString()).toBe(
      '2026-11-23T10:30:00.000Z',
    );
    expect(new Date(nextMidnightUtc(T)).toISOString()).toBe('2026-11-24T00:00:00.000Z');
  });
});

describe('reading headers', () => {
  it('reads overall and read figures, case-insensitively, from a Headers object', () => {
    const h = new Headers({
      'x-ratelimit-limit': '200,2000',
      'x-ratelimit-usage': '8,151',
      'x-readratelimit-limit': '100,1000',
      'x-readratelimit-usage': '7,150',
    });
    const b = updateFromHeaders(EMPTY_BUDGET, h, T);
    expect(b.overall).toEqual({
      quarter: { limit: 200, usage: 8 },
      day: { limit: 2000, usage: 151 },
      at: T,
    });
    expect(b.read?.quarter).toEqual({ limit: 100, usage: 7 });
  });

  it('keeps the last known figures when a response lacks the headers', () => {
    const b1 = updateFromHeaders(EMPTY_BUDGET, headers('8,151', '8,151'), T);
    const b2 = updateFromHeaders(b1, new Headers({ 'Content-Type': 'application/json' }), T + 1000);
    expect(b2.overall).toEqual(b1.overall);
    expect(b2.read).toEqual(b1.read);
  });

  it('ignores malformed figures instead of zeroing the budget', () => {
    const b1 = updateFromHeaders(EMPTY_BUDGET, headers('90,151', '90,151'), T);
    const b2 = updateFromHeaders(
      b1,
      { 'X-RateLimit-Limit': 'abc', 'X-RateLimit-Usage': '1', 'X-ReadRateLimit-Usage': '' },
      T + 1,
    );
    expect(b2).toEqual({ ...b1, pausedUntil: null });
  });
});

describe('spending', () => {
  it('allows everything with no figures yet', () => {
    expect(canSpend(EMPTY_BUDGET, false, T)).toBe(true);
  });

  it('holds back non-urgent calls above 80% of the read quarter window, until it resets', () => {
    const b = updateFromHeaders(EMPTY_BUDGET, headers('80,200', '80,200'), T);
    expect(canSpend(b, false, T)).toBe(false);
    expect(canSpend(b, true, T)).toBe(true);
    expect(blockedUntil(b, false, T)).toBe(nextQuarter(T));
    // The figures belong to the previous window once the quarter turns.
    expect(canSpend(b, false, nextQuarter(T))).toBe(true);
  });

  it('79% is still fine', () => {
    const b = updateFromHeaders(EMPTY_BUDGET, headers('79,200', '79,200'), T);
    expect(canSpend(b, false, T)).toBe(true);
  });

  it('the daily window holds back until midnight UTC, not the next quarter', () => {
    const b = updateFromHeaders(EMPTY_BUDGET, headers('10,1700', '10,850'), T);
    expect(blockedUntil(b, false, T)).toBe(nextMidnightUtc(T));
    expect(canSpend(b, false, nextQuarter(T))).toBe(false);
    expect(canSpend(b, false, nextMidnightUtc(T))).toBe(true);
  });

  it('a full window blocks urgent calls too', () => {
    const b = updateFromHeaders(EMPTY_BUDGET, headers('200,400', '100,300'), T);
    expect(canSpend(b, true, T)).toBe(false);
  });

  it('the overall window counts as well as the read window', () => {
    const b = updateFromHeaders(EMPTY_BUDGET, headers('170,300', '10,100'), T);
    expect(canSpend(b, false, T)).toBe(false);
  });

  it('exposes every window with its reset time for the popup', () => {
    const b = updateFromHeaders(EMPTY_BUDGET, headers('8,151', '7,150'), T);
    expect(windows(b, T)).toEqual([
      { family: 'overall', window: 'quarter', limit: 200, usage: 8, resetsAt: nextQuarter(T) },
      { family: 'overall', window: 'day', limit: 2000, usage: 151, resetsAt: nextMidnightUtc(T) },
      { family: 'read', window: 'quarter', limit: 100, usage: 7, resetsAt: nextQuarter(T) },
      { family: 'read', window: 'day', limit: 1000, usage: 150, resetsAt: nextMidnightUtc(T) },
    ]);
  });
});

describe('429', () => {
  it('pauses every call until the next quarter hour when the quarter window ran out', () => {
    const b = recordRateLimited(
      updateFromHeaders(EMPTY_BUDGET, headers('200,500', '100,400'), T),
      T,
    );
    expect(b.pausedUntil).toBe(nextQuarter(T));
    expect(canSpend(b, true, nextQuarter(T) - 1)).toBe(false);
    expect(canSpend(b, true, nextQuarter(T))).toBe(true);
  });

  it('pauses until midnight UTC when the daily window ran out', () => {
    const b = recordRateLimited(
      updateFromHeaders(EMPTY_BUDGET, headers('50,2000', '50,1000'), T),
      T,
    );
    expect(b.pausedUntil).toBe(nextMidnightUtc(T));
  });

  it('without figures pauses to the next quarter hour', () => {
    expect(recordRateLimited(EMPTY_BUDGET, T).pausedUntil).toBe(nextQuarter(T));
  });

  it('a later response does not lift a pause early, and the pause expires by itself', () => {
    const paused: BudgetSnapshot = recordRateLimited(EMPTY_BUDGET, T);
    const later = updateFromHeaders(paused, headers('1,1', '1,1'), T + 1000);
    expect(later.pausedUntil).toBe(nextQuarter(T));
    expect(updateFromHeaders(paused, {}, nextQuarter(T)).pausedUntil).toBeNull();
  });
});

describe('properties', () => {
  const figures = fc.record({
    q: fc.integer({ min: 0, max: 250 }),
    d: fc.integer({ min: 0, max: 2500 }),
    rq: fc.integer({ min: 0, max: 120 }),
    rd: fc.integer({ min: 0, max: 1200 }),
  });
  // 2020–2040, any millisecond.
  const instant = fc.integer({ min: 1_577_836_800_000, max: 2_208_988_800_000 });

  it('a wait always ends in the future on a quarter-hour or midnight boundary, never later for urgent calls', () => {
    fc.assert(
      fc.property(figures, instant, fc.integer({ min: 0, max: 3_600_000 }), (f, at, later) => {
        const b = updateFromHeaders(EMPTY_BUDGET, headers(`${f.q},${f.d}`, `${f.rq},${f.rd}`), at);
        const now = at + later;
        const background = blockedUntil(b, false, now);
        const urgent = blockedUntil(b, true, now);
        if (urgent !== null) expect(background).not.toBeNull();
        for (const until of [background, urgent]) {
          if (until === null) continue;
          expect(until).toBeGreaterThan(now);
          expect(until % (15 * 60 * 1000)).toBe(0);
        }
        if (background !== null && urgent !== null) expect(urgent).toBeLessThanOrEqual(background);
      }),
    );
  });
});
