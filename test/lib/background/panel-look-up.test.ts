// The panel on an own activity that sync never stored: Strava's page controls the tab's URL and the
// frame's hash, so whatever it shows, the panel costs at most one Strava call per tab and window.
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { AppService } from '../../../lib/background/app-service';
import { LOOK_UP_EVERY_MS } from '../../../lib/background/panel-look-up';
import { BACKFILL_MS } from '../../../lib/sync/sync-once';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import type { Harness } from '../sync/sync-harness';
import { handlerCalls } from './handler-calls';

let sim: Simulator;
let h: Harness;
let app: AppService;

perTestApp(5, (x) => {
  ({ sim, h, app } = x);
});
beforeEach(async () => {
  await app.syncNow(false);
  sim.admin.clearRequests();
});

const panelOn = (tabId: number, id: number) => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL(`/panel.html#activity=${id}&own=1&fallback=0`),
  tab: { id: tabId, url: `https://www.strava.com/activities/${id}` },
});

const apiCalls = () => sim.requestLog.filter((e) => e.area === 'api');

/** Runs in the simulator's history that ended before the six-week backfill. */
function oldRuns(): number[] {
  const cutoff = sim.clock.now() - BACKFILL_MS - 86_400_000;
  return [...sim.state.activities.values()]
    .filter((a) => a.detail.sport_type === 'Run' && Date.parse(a.detail.start_date) < cutoff)
    .map((a) => a.detail.id);
}

describe('the panel on an own activity sync never stored', () => {
  it('fetches it once, plans it from stored history, and never lists', async () => {
    const [old] = oldRuns();
    expect(old).toBeDefined();
    expect(await h.collections.runs.get(old!)).toBeUndefined();
    const handlers = handlerCalls(app, h.service);
    const first = await handlers.getPanel({ activityId: old!, own: true }, panelOn(7, old!));
    expect(first).toMatchObject({ ok: true, value: { state: 'ready' } });
    // The panel reloading for two minutes (as it did every 3 s) costs nothing more.
    for (let i = 0; i < 40; i++) {
      sim.clock.advance(3000);
      await handlers.getPanel({ activityId: old!, own: true }, panelOn(7, old!));
    }
    expect(apiCalls().map((e) => e.route)).toEqual(['GET /api/v3/activities/{id}']);
    expect((await h.collections.runs.get(old!))?.plan).toBeTruthy();
  });

  it('a page that pushStates 30 unknown activities costs one call, then says it is waiting', async () => {
    const handlers = handlerCalls(app, h.service);
    const ids = oldRuns().slice(0, 30);
    while (ids.length < 30) ids.push(90_000_000_000 + ids.length);
    const answers = [];
    for (const id of ids) {
      answers.push(await handlers.getPanel({ activityId: id, own: true }, panelOn(9, id)));
    }
    expect(apiCalls()).toHaveLength(1);
    expect(answers.at(-1)).toMatchObject({
      ok: true,
      value: { state: 'unknown', lookUp: { outcome: 'throttled' } },
    });
    // Ten minutes later, that tab may ask once more.
    sim.clock.advance(LOOK_UP_EVERY_MS);
    await handlers.getPanel({ activityId: ids[5]!, own: true }, panelOn(9, ids[5]!));
    expect(apiCalls()).toHaveLength(2);
  });

  it('an activity Strava does not show says so, and is not asked again from that page', async () => {
    const handlers = handlerCalls(app, h.service);
    const ghost = 90_000_000_001;
    const a = await handlers.getPanel({ activityId: ghost, own: true }, panelOn(3, ghost));
    expect(a).toMatchObject({
      ok: true,
      value: { lookUp: { outcome: 'not-found', retryAt: null } },
    });
    await handlers.getPanel({ activityId: ghost, own: true }, panelOn(3, ghost));
    expect(apiCalls()).toHaveLength(1);
  });

  it('the framed panel cannot start a sync pass', async () => {
    const handlers = handlerCalls(app, h.service);
    const [old] = oldRuns();
    const res = await handlers.syncNow(undefined, panelOn(4, old!));
    expect(res).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
    expect(apiCalls()).toHaveLength(0);
  });
});
