// The fault-schedule checker on hand-made schedules over the real background app: a busy but
// honest one passes, and test doubles that break the pipeline (a run never listed, announced
// twice, a list window narrower than the cursor assumes, runs marked announced without an
// announcement, extra detail calls) each make it fail, so a green `npm run test:faults` means
// something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { checkSchedules } from './property';
import { closeAgent, type RunOptions, runSchedule } from './run-schedule';
import type { Schedule } from './schedule';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 11, weeks: 2 });
});
afterAll(async () => {
  if (!sim) return;
  closeAgent(sim);
  await sim.stop();
});

const HOUR = 3600_000;
/** Many kinds of event, with kills mid-pass, writers during passes and a revoke the runner
 *  answers by reconnecting. */
const busy: Schedule = {
  startOffsetMs: 9 * HOUR,
  limits: 'default',
  history: 'short',
  scopes: 'all',
  steps: [
    { do: 'sync', urgent: true },
    { do: 'finish', kind: 'intervals', agoS: 0 },
    { do: 'finish', kind: 'easy', agoS: 8 * 86_400 },
    { do: 'checkIn', daysAgo: 0, sleepHours: 6, soreness: 4 },
    { do: 'fault', kind: 'expired', count: 1, on: 'any' },
    { do: 'kill', at: 'call', k: 2 },
    { do: 'sync', urgent: false },
    { do: 'edit', pick: 0, name: true, workoutType: 2 },
    { do: 'delete', pick: 1 },
    { do: 'during', what: 'checkIn', k: 1 },
    { do: 'fault', kind: '503', count: 1, on: 'detail' },
    { do: 'sync', urgent: true },
    { do: 'garbage-cursor', value: 'string' },
    { do: 'revoke' },
    { do: 'advance', ms: 7 * HOUR },
    { do: 'sync', urgent: false },
    { do: 'checkIn', daysAgo: 0, sleepHours: 8, soreness: 1 },
    { do: 'finish', kind: 'long', agoS: 0 },
    { do: 'offline', calls: 2 },
    { do: 'alarm', name: 'sync' },
    { do: 'panel', pick: 0, tab: 1, old: false },
  ],
};

const tampered = (tamper: NonNullable<RunOptions['tamper']>) => runSchedule(sim, busy, { tamper });

describe('fault-schedule checker', () => {
  it('passes a busy but honest schedule', async () => {
    const r = await runSchedule(sim, busy);
    expect(r.violations).toEqual([]);
    expect(r).toMatchObject({
      lost: 0,
      duplicated: 0,
      unannounced: 0,
      reconnects: 0,
      overBudget: 0,
    });
    expect(r.died).toBe(1);
    expect(r.excusedReconnects).toBe(1);
    expect(r.kinds).toEqual(
      expect.arrayContaining(['kill at call', 'access revoked', 'concurrent checkIn']),
    );
  });

  it('fails when the source never lists rides (runs lost)', async () => {
    const r = await tampered({
      source: (s) => ({
        ...s,
        listActivities: async (q, u) => {
          const page = await s.listActivities(q, u);
          return { ...page, activities: page.activities.filter((a) => a.sport_type !== 'Ride') };
        },
      }),
    });
    expect(r.lost).toBeGreaterThan(0);
    expect(r.violations.join('\n')).toMatch(/never stored/);
  });

  it('fails when a run is announced twice (duplicated)', async () => {
    const r = await tampered({
      afterPass: async ({ collections, announce }) => {
        for (const [, run] of await collections.runs.all())
          if (run.announcedAt !== null && run.announcedAt !== undefined && run.plan)
            await announce(run);
      },
    });
    expect(r.duplicated).toBeGreaterThan(0);
    expect(r.violations.join('\n')).toMatch(/announced \d+ times/);
  });

  it('fails when the cursor moves past runs the pass never saw', async () => {
    // A list that ignores `after` and returns one day only: the pass still records the cursor.
    const r = await tampered({
      source: (s, now) => ({
        ...s,
        listActivities: (q, u) =>
          s.listActivities({ ...q, after: Math.floor((now() - 86_400_000) / 1000) }, u),
      }),
    });
    expect(r.violations.join('\n')).toMatch(/cursor skipped a run/);
    expect(r.lost).toBeGreaterThan(0);
  });

  it('fails when a run stored before a stopped worker is marked announced (unannounced)', async () => {
    // The worker stops just after the new run is stored: the outbox must announce it later.
    const stopped: Schedule = {
      ...busy,
      steps: [
        { do: 'sync', urgent: false },
        { do: 'finish', kind: 'tempo', agoS: 0 },
        { do: 'kill', at: 'after-write', k: 1 },
        { do: 'sync', urgent: false },
      ],
    };
    const honest = await runSchedule(sim, stopped);
    expect(honest.violations).toEqual([]);
    expect(honest.died).toBe(1);
    const r = await runSchedule(sim, stopped, {
      tamper: {
        runs: (runs, now) => ({
          ...runs,
          put: (key, value) =>
            runs.put(key, value.announcedAt === null ? { ...value, announcedAt: now() } : value),
        }),
      },
    });
    expect(r.unannounced).toBeGreaterThan(0);
    expect(r.violations.join('\n')).toMatch(/never announced/);
  });

  it('fails when a pass fetches the detail of everything it lists (over budget)', async () => {
    const r = await tampered({
      source: (s) => ({
        ...s,
        listActivities: async (q, u) => {
          const page = await s.listActivities(q, u);
          for (const a of page.activities) await s.activity(a.id, u);
          return page;
        },
      }),
    });
    expect(r.overBudget).toBeGreaterThan(0);
    expect(r.violations.join('\n')).toMatch(/\[B\] a pass .* sent \d+ requests/);
  });

  it('holds over 20 random schedules', async () => {
    const out = await checkSchedules({ short: sim }, { numRuns: 20, seed: 20_261_123 });
    const seen = out.failures.map((f) => `${f.path}: ${f.result.violations.join('; ')}`);
    expect(seen).toEqual([]);
    expect(out).toMatchObject({
      schedules: 20,
      lost: 0,
      duplicated: 0,
      unannounced: 0,
      reconnects: 0,
      overBudget: 0,
    });
  }, 120_000);
});
