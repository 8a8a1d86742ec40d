import { describe, expect, it } from 'vitest';
import { nextLocalTime } from '../../../lib/background/alarms';

const clock = (ms: number, zone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(
    ms,
  );

describe('the morning reminder’s next time', () => {
  it('stays at 07:30 local across both DST changes (London, New York, Sydney)', () => {
    for (const [zone, from] of [
      ['Europe/London', '2026-03-26T12:00:00Z'],
      ['Europe/London', '2026-10-22T12:00:00Z'],
      ['America/New_York', '2026-03-05T12:00:00Z'],
      ['Australia/Sydney', '2026-04-01T12:00:00Z'],
    ] as const) {
      let now = Date.parse(from);
      for (let day = 0; day < 10; day++) {
        const at = nextLocalTime(now, 7 * 60 + 30, zone);
        expect(at).toBeGreaterThan(now);
        expect(at - now).toBeLessThanOrEqual(25 * 3_600_000);
        expect(clock(at, zone)).toBe('07:30');
        now = at + 1000;
      }
    }
  });

  it('later today when the time has not come yet', () => {
    const now = Date.parse('2026-06-12T05:00:00Z'); // 06:00 in London
    expect(nextLocalTime(now, 7 * 60 + 30, 'Europe/London')).toBe(
      Date.parse('2026-06-12T06:30:00Z'),
    );
  });
});
