import { describe, expect, it } from 'vitest';
import { historyDays } from '../../../lib/ui/history-days';
import { historySummary } from '../../../lib/ui/history-summary';
import { checkIn, runView } from '../data/fixtures';

describe('historyDays', () => {
  it('gives 14 consecutive dates ending today, oldest first, across a month end', () => {
    const rows = historyDays([], [], '2026-03-05', 'UTC');
    expect(rows).toHaveLength(14);
    expect(rows[0]?.date).toBe('2026-02-20');
    expect(rows[13]?.date).toBe('2026-03-05');
    expect(new Set(rows.map((r) => r.date)).size).toBe(14);
  });

  it('puts check-ins on their dates and runs on their local dates, once each', () => {
    const late = runView(5, '2026-06-10T23:30:00Z'); // start_date_local says 10 June
    const rows = historyDays(
      [
        checkIn('2026-06-11', { sleepHours: 6, soreness: 3 }),
        checkIn('2026-05-01', { sleepHours: 9 }),
      ],
      [late, late],
      '2026-06-12',
      'Pacific/Auckland',
    );
    const byDate = Object.fromEntries(rows.map((r) => [r.date, r]));
    expect(byDate['2026-06-11']).toMatchObject({ sleepHours: 6, soreness: 3, runs: 0 });
    expect(byDate['2026-06-10']).toMatchObject({
      runs: 1,
      readinessHours: late.plan.readiness.hours,
    });
    expect(rows.filter((r) => r.sleepHours !== undefined)).toHaveLength(1);
  });

  it('an unreadable today gives no rows rather than wrong ones', () => {
    expect(historyDays([], [], 'today', 'UTC')).toEqual([]);
  });
});

describe('historySummary', () => {
  it('says when there is nothing yet', () => {
    expect(historySummary(historyDays([], [], '2026-06-12', 'UTC'))).toBe(
      'Last 14 days: no check-ins or runs yet.',
    );
  });

  it('sums sleep, soreness and runs up in words', () => {
    const rows = historyDays(
      [
        checkIn('2026-06-11', { sleepHours: 6, soreness: 5 }),
        checkIn('2026-06-12', { sleepHours: 8, soreness: 2 }),
      ],
      [runView(5, '2026-06-10T06:00:00Z')],
      '2026-06-12',
      'UTC',
    );
    const summary = historySummary(rows);
    expect(summary).toMatch(/sleep averaged 7 h over 2 nights \(least 6 h\)/);
    expect(summary).toMatch(/soreness ranged 2–5 of 10, latest 2 on/);
    expect(summary).toMatch(/1 run needing \d+ h to be ready/);
  });
});
