// The runner corrects a run's kind: stored as their own tag, replanned at once (plan, countdown,
// badge), shown as "you said", undone on request, and carried through export and import.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { AppService } from '../../../lib/background/app-service';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import { appOver, connectedHarness, type Harness } from '../sync/sync-harness';
import { handlerCalls } from './handler-calls';

let sim: Simulator;
let h: Harness;
let app: AppService;

perTestApp(19, (x) => {
  ({ sim, h, app } = x);
});

const POPUP = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

describe('correcting a run’s kind', () => {
  it('an intervals session called easy is replanned as easy, and undone back', async () => {
    const fresh = sim.finishRun({ kind: 'intervals' });
    await app.syncNow(false);
    const before = (await h.collections.runs.get(fresh.id))!;
    expect(before.classification?.kind).toBe('workout');
    const easy = await app.setRunKind(fresh.id, 'easy');
    expect(easy?.classification).toMatchObject({ kind: 'easy', source: 'runner-tag' });
    expect(easy?.classification.reasons).toEqual(['You said this was an easy run.']);
    expect(easy!.plan.readyAt).toBeLessThan(before.plan!.readyAt);
    expect((await h.collections.runs.get(fresh.id))?.runnerTag?.kind).toBe('easy');
    // A later sync keeps the runner's word.
    sim.clock.advance(60_000);
    sim.editActivity({ id: fresh.id, name: 'Renamed' });
    await app.syncNow(false);
    const edited = await h.collections.runs.get(fresh.id);
    expect(edited?.classification?.source).toBe('runner-tag');
    // The stored record keeps the tag too, so the next replan still hears the runner.
    expect(edited?.runnerTag?.kind).toBe('easy');
    const undone = await app.setRunKind(fresh.id, null);
    expect(undone?.classification.source).not.toBe('runner-tag');
    expect(undone?.classification.kind).toBe('workout');
  });

  it('a race of 90 min or more is planned as a long race, shorter as a workout race', async () => {
    const long = sim.finishRun({ kind: 'long' });
    await app.syncNow(false);
    const moving = (await h.collections.runs.get(long.id))!.activity.moving_time;
    const view = await app.setRunKind(long.id, 'race');
    expect(view?.classification).toMatchObject({
      race: true,
      kind: moving >= 5400 ? 'long' : 'workout',
    });
  });

  it('travels with an export into a fresh install', async () => {
    const fresh = sim.finishRun({ kind: 'tempo' });
    await app.syncNow(false);
    await app.setRunKind(fresh.id, 'long');
    const calls = handlerCalls(app, h.service);
    const out = await calls.exportData(undefined, POPUP());
    if (!out.ok) throw new Error(out.error.message);
    await calls.deleteEverything(undefined, POPUP());
    await calls.importData({ text: out.value.json }, POPUP());
    const back = await h.collections.runs.get(fresh.id);
    expect(back?.runnerTag?.kind).toBe('long');
    expect(back?.classification?.source).toBe('runner-tag');
  });

  it('refuses nonsense and another tab’s activity', async () => {
    const fresh = sim.finishRun({ kind: 'easy' });
    await app.syncNow(false);
    const calls = handlerCalls(app, h.service);
    const bad = await calls.setRunKind({ activityId: fresh.id, kind: 'sprint' }, POPUP());
    expect(bad).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const panel = {
      id: browser.runtime.id,
      url: browser.runtime.getURL(`/panel.html#activity=${fresh.id}&own=1&fallback=0`),
      tab: { id: 2, url: 'https://www.strava.com/activities/123' },
    };
    const other = await calls.setRunKind({ activityId: fresh.id, kind: 'easy' }, panel);
    expect(other.ok).toBe(false);
  });
});

describe('"Also tag it on Strava"', () => {
  const POPUP_PAGE = () => ({
    id: browser.runtime.id,
    url: browser.runtime.getURL('/options.html'),
  });

  it('asks for activity:write once, then tags Strava and puts Strava’s own tag back on undo', async () => {
    const fresh = sim.finishRun({ kind: 'intervals' });
    await app.syncNow(false);
    const calls = handlerCalls(app, h.service);
    const own = sim.state.activities.get(fresh.id)!.detail.workout_type ?? 0;
    expect((await h.service.getConnection()).scopes).not.toContain('activity:write');
    const on = await calls.setTagOnStrava({ on: true }, POPUP_PAGE());
    expect(on).toMatchObject({ ok: true, value: { on: true } });
    expect((await h.service.getConnection()).scopes).toContain('activity:write');
    await app.setRunKind(fresh.id, 'race');
    expect(sim.state.activities.get(fresh.id)!.detail.workout_type).toBe(1);
    // Sync sees Strava agree and keeps the runner's word.
    await app.syncNow(false);
    const edited = await h.collections.runs.get(fresh.id);
    expect(edited?.classification?.source).toBe('runner-tag');
    // The stored record keeps the tag too, so the next replan still hears the runner.
    expect(edited?.runnerTag?.kind).toBe('race');
    await app.setRunKind(fresh.id, null);
    expect(sim.state.activities.get(fresh.id)!.detail.workout_type ?? 0).toBe(own);
  });

  it('refused on Strava: the setting stays off, says so, and the correction still works', async () => {
    h = await connectedHarness(sim, {
      identity: { grant: ['read', 'activity:read_all', 'profile:read_all'] },
    });
    app = appOver(h, sim);
    const fresh = sim.finishRun({ kind: 'tempo' });
    await app.syncNow(false);
    const calls = handlerCalls(app, h.service);
    const res = await calls.setTagOnStrava({ on: true }, POPUP_PAGE());
    expect(res).toMatchObject({ ok: true, value: { on: false, message: /did not allow/ } });
    const before = sim.state.activities.get(fresh.id)!.detail.workout_type;
    const view = await app.setRunKind(fresh.id, 'easy');
    expect(view?.classification.source).toBe('runner-tag');
    expect(sim.state.activities.get(fresh.id)!.detail.workout_type).toBe(before);
    expect(sim.requestLog.some((e) => e.method === 'PUT')).toBe(false);
  });
});
