import { describe, expect, it } from 'vitest';
import { badgeFor, badgeTicks } from '../../../lib/background/badge';
import type { Plan } from '../../../lib/model/plan';

const END = Date.UTC(2026, 10, 23, 9, 0);
const MIN = 60_000;
const HOUR = 3_600_000;

function planWith(refuel: boolean, readyInH: number, endedAt = END): Plan {
  return {
    runEndedAt: endedAt,
    readyAt: endedAt + readyInH * HOUR,
    timers: [
      ...(refuel
        ? [{ id: 'refuel', label: 'Refuel', startsAt: endedAt, endsAt: endedAt + 30 * MIN }]
        : []),
      { id: 'ready', label: 'Ready', startsAt: endedAt, endsAt: endedAt + readyInH * HOUR },
    ],
  } as unknown as Plan;
}

describe('badge', () => {
  it.each([
    [6, '24m', '#B45309'],
    [16, '14m', '#C2410C'],
    [27, '3m', '#B91C1C'],
    [29.5, '1m', '#B91C1C'],
  ])('%s min after a workout shows the refuel minutes left', (after, text, color) => {
    const b = badgeFor({
      plans: [{ plan: planWith(true, 48), done: [] }],
      now: END + after * MIN,
      reconnectNeeded: false,
    });
    expect(b.text).toBe(text);
    expect(b.color).toBe(color);
    expect(badgeTicks(b)).toBe(true);
  });

  it('after the refuel window, or once the snack is ticked, shows hours until ready', () => {
    const plan = planWith(true, 48);
    expect(
      badgeFor({ plans: [{ plan, done: [] }], now: END + 31 * MIN, reconnectNeeded: false }).text,
    ).toBe('48h');
    expect(
      badgeFor({
        plans: [{ plan, done: ['refuel-snack'] }],
        now: END + 5 * MIN,
        reconnectNeeded: false,
      }).text,
    ).toBe('48h');
  });

  it('easy runs have no refuel window: hours at once', () => {
    expect(
      badgeFor({
        plans: [{ plan: planWith(false, 12), done: [] }],
        now: END + MIN,
        reconnectNeeded: false,
      }).text,
    ).toBe('12h');
  });

  it('takes the latest readiness of overlapping plans', () => {
    const plans = [
      { plan: planWith(false, 60, END - 10 * HOUR), done: [] },
      { plan: planWith(false, 12), done: [] },
    ];
    expect(badgeFor({ plans, now: END + HOUR, reconnectNeeded: false }).text).toBe('49h');
  });

  it('is empty when nothing counts down, and "!" when Strava must be reconnected', () => {
    const plans = [{ plan: planWith(true, 12), done: [] }];
    const idle = badgeFor({ plans, now: END + 13 * HOUR, reconnectNeeded: false });
    expect(idle.text).toBe('');
    expect(badgeTicks(idle)).toBe(false);
    const bang = badgeFor({ plans, now: END + MIN, reconnectNeeded: true });
    expect(bang.text).toBe('!');
    expect(badgeTicks(bang)).toBe(false);
  });
});
