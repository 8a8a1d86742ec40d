import { describe, expect, it } from 'vitest';
import { isRun } from '../../../lib/model/activity';
import { stravaSource } from '../../../lib/sync/strava-source';
import { BACKFILL_MS, syncOnce } from '../../../lib/sync/sync-once';
import type { SyncSource } from '../../../lib/sync/sync-source';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from './per-test-app';
import { connectedHarness, type Harness } from './sync-harness';

let sim: Simulator;
let h: Harness;

perTestApp(7, (x) => {
  ({ sim, h } = x);
});

/** Ids of the simulator's activities that started inside the backfill window. */
function simIdsSince(ms: number): number[] {
  return sim.state
    .sortedActivities()
    .filter((a) => Date.parse(a.detail.start_date) > ms)
    .map((a) => a.detail.id)
    .sort((a, b) => a - b);
}

const storedIds = async () =>
  (await h.collections.runs.all()).map(([k]) => Number(k)).sort((a, b) => a - b);

describe('sync against the simulator', () => {
  it('backfills six weeks on first connect and plans the run that just ended', async () => {
    const report = await syncOnce(h.deps(), { urgent: true });
    expect(await storedIds()).toEqual(simIdsSince(sim.clock.now() - BACKFILL_MS));
    expect(report.added.length).toBe(report.listed);
    const runs = (await h.collections.runs.all()).map(([, r]) => r);
    const newest = runs.reduce((a, b) => (a.activity.start_date > b.activity.start_date ? a : b));
    expect(isRun(newest.activity)).toBe(true);
    expect(newest.detailed).toBe(true);
    expect(newest.plan?.timers.find((t) => t.id === 'ready')?.endsAt).toBeGreaterThan(
      sim.clock.now(),
    );
    // Only runs whose plans still matter are announced, each once.
    expect(h.announced).toContain(newest.activity.id);
    expect(new Set(h.announced).size).toBe(h.announced.length);
    for (const r of runs) if (!isRun(r.activity)) expect(r.plan).toBeNull();
  });

  it('a second pass with nothing new reads only the list', async () => {
    await syncOnce(h.deps());
    sim.admin.clearRequests();
    const report = await syncOnce(h.deps());
    expect(report).toMatchObject({ added: [], updated: [], removed: [] });
    const routes = Object.keys(sim.requests().byRoute);
    expect(routes.every((r) => r.includes('/athlete/activities'))).toBe(true);
  });

  it('picks up a run that finishes now, and an older one uploaded late', async () => {
    await syncOnce(h.deps());
    const fresh = sim.finishRun({ kind: 'intervals' });
    const late = sim.finishRun({ kind: 'easy', startedAgoS: 30 * 3600 });
    const report = await syncOnce(h.deps());
    expect(report.added.sort()).toEqual([fresh.id, late.id].sort());
    expect(h.announced.filter((id) => id === fresh.id)).toHaveLength(1);
    const run = await h.collections.runs.get(fresh.id);
    expect(run?.classification?.kind).toBe('workout');
  });

  it('follows edits and deletions on Strava', async () => {
    await syncOnce(h.deps());
    const a = sim.finishRun({ kind: 'easy' });
    const b = sim.finishRun({ kind: 'easy', startedAgoS: 5 * 3600 });
    await syncOnce(h.deps());
    sim.editActivity({ id: a.id, name: 'Actually a long one', workout_type: 2 });
    sim.deleteActivity(b.id);
    const report = await syncOnce(h.deps());
    expect(report.updated).toEqual([a.id]);
    expect(report.removed).toEqual([b.id]);
    const edited = await h.collections.runs.get(a.id);
    expect(edited?.activity.name).toBe('Actually a long one');
    expect(edited?.classification).toMatchObject({ kind: 'long', source: 'strava-tag' });
    expect(await h.collections.runs.get(b.id)).toBeUndefined();
  });

  it('processes every run exactly once when the worker dies at any step', async () => {
    // Dozens of passes in a row: this test is about dying, not about Strava's pacing.
    sim.setRateLimits({
      overall15: 100_000,
      overallDay: 100_000,
      read15: 100_000,
      readDay: 100_000,
    });
    h = await connectedHarness(sim);
    // Reference: one clean pass.
    await syncOnce(h.deps());
    const expected = await storedIds();
    const expectedAnnounced = [...h.announced].sort();

    // Kill the worker at the k-th Strava call, then at the k-th stored record, for every k the
    // pass reaches; the restarted worker runs the pass again from whatever was stored.
    for (const where of ['strava call', 'store write'] as const) {
      for (let killAt = 1; ; killAt++) {
        h = await connectedHarness(sim);
        let calls = 0;
        const die = () => {
          if (++calls === killAt) throw new Error('service worker stopped');
        };
        const real = stravaSource(h.service.client);
        const source: SyncSource =
          where === 'strava call'
            ? {
                listActivities: async (q, u) => {
                  die();
                  return real.listActivities(q, u);
                },
                activity: async (id, u) => {
                  die();
                  return real.activity(id, u);
                },
                streams: async (id, u) => {
                  die();
                  return real.streams(id, u);
                },
              }
            : real;
        const put = h.collections.runs.put;
        if (where === 'store write')
          h.collections.runs.put = async (k, v) => {
            die();
            return put(k, v);
          };
        const died = await syncOnce(h.deps(source)).then(
          () => false,
          (e: Error) => e.message === 'service worker stopped',
        );
        h.collections.runs.put = put;
        await syncOnce(h.deps());
        expect(await storedIds()).toEqual(expected);
        expect(new Set(h.announced).size).toBe(h.announced.length);
        for (const id of h.announced) expect(expectedAnnounced).toContain(id);
        if (!died) break;
      }
    }
  });
});
