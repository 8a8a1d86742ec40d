// Regression tests of the sync pass's second reliability round: each failed on the pass before it.
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import type { StoredRun } from '../../../lib/model/stored-run';
import { quarantined } from '../../../lib/store/record-store';
import type { Fetch } from '../../../lib/strava/request';
import { validCursor } from '../../../lib/sync/cursor';
import {
  BACKFILL_MS,
  MAX_CONFIRMS,
  MAX_PAGES,
  PER_PAGE,
  syncOnce,
} from '../../../lib/sync/sync-once';
import type { SyncSource } from '../../../lib/sync/sync-source';
import { DAY_MS, HOUR_MS } from '../../../lib/time';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from './per-test-app';
import { connectedHarness, type Harness } from './sync-harness';

let sim: Simulator;
let h: Harness;

perTestApp(11, (x) => {
  ({ sim, h } = x);
});

/** Breaks the `name` of one listed activity (by id) in every list response. */
const breakingNameOf =
  (id: () => number | null): ((f: Fetch) => Fetch) =>
  (f) =>
  async (input, init) => {
    const res = await f(input, init);
    if (!input.includes('/athlete/activities') || !res.ok) return res;
    const body = (await res.json()) as Record<string, unknown>[];
    for (const a of body) if (a.id === id()) a.name = 42;
    return new Response(JSON.stringify(body), { status: res.status, headers: res.headers });
  };

describe('a bad record in a list', () => {
  it('is set aside; the others are stored and the cursor moves past them', async () => {
    let bad: number | null = null;
    h = await connectedHarness(sim, { wrapFetch: breakingNameOf(() => bad) });
    await syncOnce(h.deps());
    const before = h.cursor.value.newestStartMs!;
    const broken = sim.finishRun({ kind: 'easy', startedAgoS: 5 * 3600 });
    const fresh = sim.finishRun({ kind: 'tempo' });
    bad = broken.id;
    const rejected: unknown[] = [];
    const deps = { ...h.deps(), onRejected: async (item: unknown) => void rejected.push(item) };
    const report = await syncOnce(deps);
    expect(report.rejected).toBe(1);
    expect(rejected).toMatchObject([{ id: broken.id, issue: 'name: expected string' }]);
    expect(await h.collections.runs.get(fresh.id)).toBeDefined();
    expect(await h.collections.runs.get(broken.id)).toBeUndefined();
    expect(h.cursor.value.newestStartMs).toBeGreaterThan(before);
    expect(h.announced).toContain(fresh.id);
    // Staying bad for many passes costs nothing more than the list; fixed, it is picked up.
    for (let i = 0; i < 3; i++) expect((await syncOnce(deps)).rejected).toBe(1);
    bad = null;
    await syncOnce(deps);
    expect(await h.collections.runs.get(broken.id)).toBeDefined();
  });
});

describe('late uploads and the cursor', () => {
  it('stores a run uploaded a week after a newer one', async () => {
    await syncOnce(h.deps());
    sim.finishRun({ kind: 'easy' });
    await syncOnce(h.deps());
    const late = sim.finishRun({ kind: 'long', startedAgoS: 7 * 24 * 3600 });
    const report = await syncOnce(h.deps());
    expect(report.added).toContain(late.id);
  });

  it('a garbage cursor reads as none: six weeks are listed, not the whole history', async () => {
    await syncOnce(h.deps());
    for (const garbage of [
      { newestStartMs: 'soon', backfilledAt: 1 },
      { newestStartMs: Number.NaN, backfilledAt: Number.NaN },
      { newestStartMs: 8.64e15, backfilledAt: 8.64e15 },
      null,
      'x',
    ]) {
      h.cursor.value = garbage as never;
      const afters: unknown[] = [];
      const real = h.deps().source;
      await syncOnce(
        h.deps({
          ...real,
          listActivities: (q, u) => {
            afters.push(q.after);
            return real.listActivities(q, u);
          },
        }),
      );
      expect(afters).toHaveLength(1);
      expect(Number(afters[0]) * 1000).toBeGreaterThanOrEqual(
        sim.clock.now() - BACKFILL_MS - 60_000,
      );
      expect(validCursor(h.cursor.value, sim.clock.now())).toEqual(h.cursor.value);
    }
  });
});

describe('the outbox', () => {
  it('a run whose announcement threw is announced by the next pass, once', async () => {
    await syncOnce(h.deps());
    const fresh = sim.finishRun({ kind: 'intervals' });
    const deps = h.deps();
    let fail = true;
    const flaky = {
      ...deps,
      onNewRun: async (run: StoredRun) => {
        if (fail) {
          fail = false;
          throw new Error('notifications went away');
        }
        await deps.onNewRun?.(run);
      },
    };
    await expect(syncOnce(flaky)).rejects.toThrow(/notifications/);
    expect((await h.collections.runs.get(fresh.id))?.announcedAt).toBeNull();
    await syncOnce(flaky);
    await syncOnce(flaky);
    expect(h.announced.filter((id) => id === fresh.id)).toHaveLength(1);
    expect((await h.collections.runs.get(fresh.id))?.announcedAt).toBeTypeOf('number');
  });
});

describe('a 404 for a run we hold', () => {
  it('without activity:read_all hides the run and keeps its entries; with it, deletes', async () => {
    await syncOnce(h.deps());
    const a = sim.finishRun({ kind: 'easy' });
    await syncOnce(h.deps());
    await h.collections.progress.put(a.id, { done: ['refuel-snack'], updatedAt: 1 });
    sim.deleteActivity(a.id);
    const report = await syncOnce({ ...h.deps(), seesPrivate: false });
    expect(report).toMatchObject({ removed: [], hidden: [a.id] });
    expect((await h.collections.runs.get(a.id))?.hiddenAt).toBeTypeOf('number');
    expect(await h.collections.progress.get(a.id)).toBeDefined();
    const again = await syncOnce({ ...h.deps(), seesPrivate: true });
    expect(again.removed).toEqual([a.id]);
    expect(await h.collections.progress.get(a.id)).toBeUndefined();
  });
});

/** An in-memory Strava of `n` rides, one every 45 min back from `now`, counting its calls. */
function fakeStrava(n: number, now: number) {
  const acts: Activity[] = [];
  for (let i = 0; i < n; i++) {
    const start = now - (n - i) * 0.75 * HOUR_MS;
    acts.push({
      id: 1000 + i,
      name: 'Ride',
      sport_type: 'Ride',
      start_date: new Date(start).toISOString(),
      distance: 20_000,
      moving_time: 3600,
      elapsed_time: 3600,
    });
  }
  const calls = { list: 0, detail: 0 };
  const source: SyncSource = {
    async listActivities(q) {
      calls.list++;
      const after = (q.after ?? 0) * 1000;
      const all = acts.filter((a) => Date.parse(a.start_date) > after);
      const per = q.perPage ?? 30;
      const page = all.slice(((q.page ?? 1) - 1) * per, (q.page ?? 1) * per);
      return { activities: page, rejected: [], count: page.length };
    },
    async activity() {
      calls.detail++;
      return null;
    },
    async streams() {
      return {};
    },
  };
  return { acts, calls, source };
}

describe('bounds per pass', () => {
  it('reads at most MAX_PAGES pages, moving the cursor after each, and goes on next pass', async () => {
    const now = sim.clock.now();
    // More than MAX_PAGES × PER_PAGE inside the backfill.
    const s = fakeStrava(MAX_PAGES * PER_PAGE + 50, now);
    expect(Date.parse(s.acts[0]!.start_date)).toBeGreaterThan(now - BACKFILL_MS);
    const cursors: number[] = [];
    const deps = h.deps(s.source);
    const first = await syncOnce({
      ...deps,
      cursor: {
        get: deps.cursor.get,
        set: async (c) => {
          cursors.push(c.newestStartMs!);
          await deps.cursor.set(c);
        },
      },
    });
    expect(first.partial).toBe(true);
    expect(s.calls.list).toBe(MAX_PAGES);
    expect(cursors).toHaveLength(MAX_PAGES);
    expect([...cursors].sort((a, b) => a - b)).toEqual(cursors);
    const second = await syncOnce(h.deps(s.source));
    expect(second.partial).toBe(false);
    expect((await h.collections.runs.all()).length).toBe(s.acts.length);
  });

  it('never confirms imported runs, and confirms at most MAX_CONFIRMS others a pass', async () => {
    const now = sim.clock.now();
    const s = fakeStrava(3, now);
    const ghost = (id: number, origin: 'import' | 'strava'): StoredRun => ({
      activity: { ...s.acts[0]!, id, start_date: new Date(now - 2 * DAY_MS).toISOString() },
      classification: null,
      plan: null,
      detailed: false,
      syncedAt: now,
      origin,
    });
    const runs: [number, StoredRun][] = [];
    for (let i = 0; i < 2000; i++) runs.push([5000 + i, ghost(5000 + i, 'import')]);
    for (let i = 0; i < 20; i++) runs.push([9000 + i, ghost(9000 + i, 'strava')]);
    await h.collections.runs.putMany(runs);
    await syncOnce(h.deps(s.source));
    expect(s.calls.detail).toBe(MAX_CONFIRMS);
    expect(await h.collections.runs.get(5000)).toBeDefined();
  });
});

it('delete everything also forgets the quarantine', async () => {
  const { deleteEverything } = await import('../../../lib/background/your-data');
  const { quarantineRaw } = await import('../../../lib/store/record-store');
  await quarantineRaw({ collection: 'strava:activities', key: 1, reason: 'x', raw: {}, at: 1 });
  expect(await quarantined()).toHaveLength(1);
  await deleteEverything(h.collections);
  expect(await quarantined()).toEqual([]);
});
