// The fault-schedule checker on hand-made schedules: a clean one passes, and test doubles that
// break the pipeline in three ways (a run never listed, an announcement repeated, a list window
// narrower than the cursor assumes) each make it fail, so a green `npm run test:faults` means something.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncDeps } from '../../lib/sync/sync-once';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { checkSchedules } from './property';
import { closeAgent, runSchedule } from './run-schedule';
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
/** Every kind of event once, with a kill mid-pass and a revoke the runner answers by reconnecting. */
const busy: Schedule = {
  startOffsetMs: 9 * HOUR,
  limits: 'default',
  steps: [
    { do: 'sync', urgent: true },
    { do: 'finish', kind: 'intervals', agoS: 0 },
    { do: 'finish', kind: 'easy', agoS: 30 * 3600 },
    { do: 'checkIn', daysAgo: 0, sleepHours: 6, soreness: 4 },
    { do: 'fault', kind: 'expired', count: 1, on: 'any' },
    { do: 'kill', at: 'call', k: 2 },
    { do: 'sync', urgent: false },
    { do: 'edit', pick: 0, name: true, workoutType: 2 },
    { do: 'delete', pick: 1 },
    { do: 'fault', kind: '503', count: 1, on: 'detail' },
    { do: 'sync', urgent: true },
    { do: 'revoke' },
    { do: 'advance', ms: 7 * HOUR },
    { do: 'sync', urgent: false },
    { do: 'checkIn', daysAgo: 0, sleepHours: 8, soreness: 1 },
    { do: 'finish', kind: 'long', agoS: 0 },
    { do: 'offline', calls: 2 },
    { do: 'sync', urgent: true },
  ],
};

const tampered = (tamper: (d: SyncDeps) => SyncDeps) => runSchedule(sim, busy, { tamper });

describe('fault-schedule checker', () => {
  it('passes a busy but honest schedule', async () => {
    const r = await runSchedule(sim, busy);
    expect(r.violations).toEqual([]);
    expect(r).toMatchObject({ lost: 0, duplicated: 0 });
    expect(r.died).toBe(1);
    expect(r.outcomes['reconnect-needed']).toBeGreaterThanOrEqual(1);
  });

  it('fails when the source never lists rides (runs lost)', async () => {
    const r = await tampered((d) => ({
      ...d,
      source: {
        ...d.source,
        listActivities: async (q, u) => {
          const page = await d.source.listActivities(q, u);
          return { ...page, activities: page.activities.filter((a) => a.sport_type !== 'Ride') };
        },
      },
    }));
    expect(r.lost).toBeGreaterThan(0);
    expect(r.violations.join('\n')).toMatch(/never stored/);
  });

  it('fails when a run is announced twice (duplicated)', async () => {
    const r = await tampered((d) => ({
      ...d,
      onNewRun: async (run) => {
        await d.onNewRun?.(run);
        await d.onNewRun?.(run);
      },
    }));
    expect(r.duplicated).toBeGreaterThan(0);
    expect(r.violations.join('\n')).toMatch(/announced 2 times/);
  });

  it('fails when the cursor moves past runs the pass never saw', async () => {
    // A list that ignores `after` and returns one day only: the pass still records the cursor.
    const r = await tampered((d) => ({
      ...d,
      source: {
        ...d.source,
        listActivities: (q, u) =>
          d.source.listActivities({ ...q, after: Math.floor((d.now() - 86_400_000) / 1000) }, u),
      },
    }));
    expect(r.violations.join('\n')).toMatch(/cursor skipped a run/);
  });

  it('holds over 20 random schedules', async () => {
    const out = await checkSchedules(sim, { numRuns: 20, seed: 20_261_123 });
    expect(out.failed ? `${out.error}\n${JSON.stringify(out.counterexample)}` : '').toBe('');
    expect(out).toMatchObject({ schedules: 20, lost: 0, duplicated: 0 });
  }, 60_000);
});
