import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { type AppService, createAppService } from '../../../lib/background/app-service';
import { localDateKey } from '../../../lib/recovery/local-date';
import { readPlanSnapshot } from '../../../lib/store/plan-snapshot';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import type { Harness } from '../sync/sync-harness';
import { handlerCalls } from './handler-calls';

let sim: Simulator;
let h: Harness;
let app: AppService;

perTestApp(3, (x) => {
  ({ sim, h, app } = x);
});

const EXT = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });
const PAGE = (id: number) => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL(`/panel.html#activity=${id}&own=1&fallback=0`),
  tab: { id: 1, url: `https://www.strava.com/activities/${id}` },
});

describe('app service against the simulator', () => {
  it('syncs, then gives the panel a ready plan for the run that just ended', async () => {
    const fresh = sim.finishRun({ kind: 'tempo' });
    const status = await app.syncNow(true);
    expect(status.lastError).toBeNull();
    const panel = await app.panelState(fresh.id, true, null);
    expect(panel.state).toBe('ready');
    if (panel.state !== 'ready') return;
    expect(panel.run.activity.id).toBe(fresh.id);
    expect(panel.run.plan.timers.some((t) => t.id === 'refuel')).toBe(true);
    expect(await browser.action.getBadgeText({})).toMatch(/^\d+m$/);
  });

  it('says "not own" for an activity we do not hold when the page is not the runner’s', async () => {
    await app.syncNow(true);
    expect((await app.panelState(999_999_999, false, null)).state).toBe('not-own');
  });

  it('a short night moves readiness later and says so; an edit replaces the day', async () => {
    sim.finishRun({ kind: 'long' });
    await app.syncNow(true);
    const date = localDateKey(sim.clock.now() + 86_400_000, 'Europe/London');
    const before = (await app.popupState()).current!.plan.readiness.hours;
    // The morning after the run.
    sim.clock.advance(86_400_000);
    const { changes } = await app.checkIn({
      date,
      sleepHours: 5,
      soreness: 3,
      updatedAt: sim.clock.now(),
    });
    expect(changes[0]).toMatch(/^readiness \+\d+ h/);
    const after = (await app.popupState()).current!.plan.readiness.hours;
    expect(after).toBeGreaterThan(before);
    await app.checkIn({ date, sleepHours: 8, soreness: 1, updatedAt: sim.clock.now() });
    expect((await h.collections.checkIns.all()).length).toBe(1);
  });

  it('ticking the refuel snack moves the badge to hours', async () => {
    sim.finishRun({ kind: 'intervals' });
    await app.syncNow(true);
    expect(await browser.action.getBadgeText({})).toMatch(/m$/);
    // The generated athlete's long run ended minutes ago too: both windows are open.
    const now = sim.clock.now();
    const open = (await h.collections.runs.all())
      .map(([, r]) => r)
      .filter((r) =>
        r.plan?.timers.some((t) => t.id === 'refuel' && t.startsAt <= now && now < t.endsAt),
      );
    expect(open.length).toBeGreaterThan(0);
    for (const [i, r] of open.entries()) {
      if (i === open.length - 1) expect(await browser.action.getBadgeText({})).toMatch(/m$/);
      await app.markStepDone(r.activity.id, 'refuel-snack', true);
    }
    expect(await browser.action.getBadgeText({})).toMatch(/^\d+h$/);
  });
});

describe("the popup's first frame", () => {
  it('the snapshot follows sync, ticks and deletion, and matches what the popup is told', async () => {
    const fresh = sim.finishRun({ kind: 'tempo' });
    await app.syncNow(true);
    const told = await app.popupState();
    const snap = await readPlanSnapshot();
    expect(snap?.current?.activity.id).toBe(fresh.id);
    expect(snap).toEqual({
      connection: told.connection,
      sync: told.sync,
      current: told.current,
      timeZone: told.timeZone,
      units: told.units,
      verdict: told.verdict,
    });
    await app.markStepDone(fresh.id, 'refuel-snack', true);
    expect((await readPlanSnapshot())?.current?.done).toEqual(['refuel-snack']);
    const handlers = handlerCalls(app, h.service);
    await handlers.deleteEverything(undefined, EXT());
    expect((await readPlanSnapshot())?.current).toBeNull();
  });
});

describe('message senders and payloads', () => {
  it('the framed panel gets only the activity of the tab it is on', async () => {
    const fresh = sim.finishRun({ kind: 'easy' });
    await app.syncNow(true);
    const handlers = handlerCalls(app, h.service);
    const mine = await handlers.getPanel({ activityId: fresh.id, own: true }, PAGE(fresh.id));
    expect(mine).toMatchObject({ ok: true, value: { state: 'ready' } });
    const other = await handlers.getPanel({ activityId: fresh.id, own: true }, PAGE(123));
    expect(other.ok).toBe(false);
    for (const call of ['getPopup', 'getSettings'] as const) {
      expect(await handlers[call](undefined, PAGE(fresh.id))).toMatchObject({
        ok: false,
        error: { kind: 'forbidden' },
      });
    }
    expect(
      await handlers.checkIn({ date: '2026-11-23', sleepHours: 7, updatedAt: 1 }, PAGE(fresh.id)),
    ).toMatchObject({
      ok: false,
      error: { kind: 'forbidden' },
    });
  });

  it('rejects nonsense payloads with a clear error', async () => {
    const handlers = handlerCalls(app, h.service);
    const bad = await handlers.checkIn({ date: 'yesterday', sleepHours: 40, updatedAt: 1 }, EXT());
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const stranger = await handlers.getPopup(undefined, {
      id: 'another-extension',
      url: 'chrome-extension://x/p.html',
    });
    expect(stranger).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    const weird = await handlers.markStepDone({ activityId: -1, stepId: '', done: 'yes' }, EXT());
    expect(weird.ok).toBe(false);
  });
});

describe('"delete everything" during a sync pass', () => {
  it('the pass does not bring the old cursor back, so the next pass reads six weeks again', async () => {
    await app.syncNow(true);
    const { deleteEverything } = await import('../../../lib/background/your-data');
    const { cursorItem } = await import('../../../lib/store/sync-items');
    const { stravaSource } = await import('../../../lib/sync/strava-source');
    const real = stravaSource(h.service.client);
    let deleted = false;
    // The runner presses "delete everything" while the pass waits for its list.
    const racing = createAppService({
      strava: h.service,
      collections: h.collections,
      now: () => sim.clock.now(),
      timeZone: () => 'Europe/London',
      source: {
        ...real,
        listActivities: async (q, u) => {
          const page = await real.listActivities(q, u);
          if (!deleted) {
            deleted = true;
            await deleteEverything(h.collections);
          }
          return page;
        },
      },
    });
    sim.clock.advance(20 * 60_000);
    await racing.syncNow(false);
    expect(deleted).toBe(true);
    expect((await cursorItem.getValue()).backfilledAt).toBeNull();
    await app.syncNow(false);
    const stored = (await h.collections.runs.all()).length;
    const window = [...sim.state.activities.values()].filter(
      (a) => Date.parse(a.detail.start_date) > sim.clock.now() - 42 * 86_400_000,
    ).length;
    expect(stored).toBe(window);
  });
});
