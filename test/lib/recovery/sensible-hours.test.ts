import { describe, expect, it } from 'vitest';
import { endOf } from '../../../lib/model/activity';
import { plan } from '../../../lib/recovery/plan';
import { classification, noCheckIns, profile, run } from './fixtures';

const localMinutes = (ms: number, zone: string) => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(ms);
  const n = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return n('hour') * 60 + n('minute');
};

describe('steps at sensible hours', () => {
  for (const zone of ['Europe/London', 'America/Los_Angeles', 'Asia/Kolkata', 'Australia/Sydney'])
    for (const kind of ['workout', 'long'] as const)
      it(`${kind} in ${zone}: no nap or after-nap walk before 09:00 or from 19:00, no mobility from 22:00`, () => {
        // Runs ending at every hour of a day that has a DST change in Europe and the US.
        for (let h = 0; h < 24; h++) {
          for (const day of ['2026-03-29', '2026-06-10', '2026-11-01']) {
            const end = Date.parse(`${day}T00:00:00Z`) + h * 3_600_000 + 17 * 60_000;
            const moving = kind === 'long' ? 2 * 3600 : 3600;
            const a = run({
              start_date: new Date(end - moving * 1000).toISOString(),
              moving_time: moving,
              elapsed_time: moving,
              distance: kind === 'long' ? 24_000 : 12_000,
            });
            const p = plan(
              a,
              classification(kind),
              [],
              profile({ timeZone: zone }),
              { daily: [], weighIns: [] },
              [],
              end,
            );
            for (const s of p.steps) {
              const m = localMinutes(s.startsAt, zone);
              if (['nap', 'power-nap', 'after-nap-walk'].includes(s.id)) {
                expect(
                  m,
                  `${s.id} at ${new Date(s.startsAt).toISOString()}`,
                ).toBeGreaterThanOrEqual(9 * 60);
                expect(m, `${s.id} at ${new Date(s.startsAt).toISOString()}`).toBeLessThan(19 * 60);
                expect(s.startsAt).toBeGreaterThanOrEqual(p.runEndedAt);
              }
              if (s.id === 'mobility') expect(m).toBeLessThan(22 * 60);
            }
            const nap = p.timers.find((t) => t.id === 'nap');
            const napStep = p.steps.find((s) => s.id === 'nap' || s.id === 'power-nap');
            expect(nap?.startsAt).toBe(napStep?.startsAt);
          }
        }
      });

  it('an evening workout gets no nap, and keeps its meal, wind-down and sleep', () => {
    const end = Date.parse('2026-06-10T20:45:00Z'); // 21:45 in London
    const a = run({
      start_date: new Date(end - 3_600_000).toISOString(),
      moving_time: 3600,
      elapsed_time: 3600,
    });
    const p = plan(
      a,
      classification('workout'),
      [],
      profile({ timeZone: 'Europe/London' }),
      { daily: [], weighIns: [] },
      [],
      end,
    );
    const ids = p.steps.map((s) => s.id);
    expect(ids).not.toContain('power-nap');
    expect(ids).not.toContain('after-nap-walk');
    for (const id of ['meal', 'wind-down', 'sleep']) expect(ids).toContain(id);
  });
});

describe('sleep tonight', () => {
  it.each([
    { endIso: '2026-06-10T07:00:00Z', zone: 'Europe/London', local: '21:00' },
    { endIso: '2026-06-10T19:30:00Z', zone: 'Europe/London', local: '21:00' },
    { endIso: '2026-06-10T21:00:00Z', zone: 'Europe/London', local: '22:30' },
    { endIso: '2026-06-10T23:30:00Z', zone: 'America/New_York', local: '21:00' },
    // After midnight: bed now, not the next evening.
    { endIso: '2026-06-10T00:00:00Z', zone: 'Europe/London', local: '01:30' },
  ])('a run ending $endIso ($zone): sleep opens at $local local', ({ endIso, zone, local }) => {
    const activity = run({ start_date: new Date(Date.parse(endIso) - 3600_000).toISOString() });
    const p = plan(
      activity,
      classification('workout'),
      [],
      profile({ timeZone: zone }),
      noCheckIns,
      [],
      Date.parse(endIso),
    );
    const sleep = p.steps.find((s) => s.id === 'sleep')!;
    const [h, m] = local.split(':').map(Number);
    expect(localMinutes(sleep.startsAt, zone)).toBe(h! * 60 + m!);
    expect(sleep.startsAt).toBeGreaterThanOrEqual(endOf(activity));
  });
});
