// A plan as the runner first sees it, through the real app: a sync 40 min after a workout brings a
// "meal now" whose hour the badge counts down, and the runner's answers ("another hard session in
// about 4 h", "it was hot") replan the run at once while it keeps when it was first seen.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { AppService } from '../../../lib/background/app-service';
import { badgeFor } from '../../../lib/background/badge';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import type { Harness } from '../sync/sync-harness';
import { handlerCalls } from './handler-calls';

let sim: Simulator;
let h: Harness;
let app: AppService;

perTestApp(1919, (x) => {
  ({ sim, h, app } = x);
});

const MINUTE = 60_000;
const POPUP = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

async function workoutSeenLate(minutes: number) {
  const run = sim.finishRun({ kind: 'intervals' });
  sim.clock.advance(minutes * MINUTE);
  await app.syncNow(false);
  const stored = (await h.collections.runs.get(run.id))!;
  return { id: run.id, plan: stored.plan! };
}

describe('a plan first seen 40 min after the run', () => {
  it('has a "meal now" instead of the missed snack, and the badge counts its hour down', async () => {
    const seenAt = sim.clock.now() + 40 * MINUTE;
    const { plan } = await workoutSeenLate(40);
    // The simulator's clock moves on while the sync talks to it.
    expect(plan.firstSeenAt).toBeGreaterThanOrEqual(seenAt);
    expect(plan.firstSeenAt).toBeLessThan(seenAt + MINUTE);
    const ids = plan.steps.map((s) => s.id);
    expect(ids).toContain('meal-now');
    expect(ids).not.toContain('refuel-snack');
    expect(plan.steps.every((s) => s.endsAt > plan.firstSeenAt!)).toBe(true);
    const badge = badgeFor({
      plans: [{ plan, done: [] }],
      now: plan.firstSeenAt!,
      reconnectNeeded: false,
    });
    expect(badge.text).toBe('60m');
    // Ticked off, the badge goes back to the hours until ready.
    const ticked = badgeFor({
      plans: [{ plan, done: ['meal-now'] }],
      now: plan.firstSeenAt!,
      reconnectNeeded: false,
    });
    expect(ticked.text).toMatch(/^\d+h$/);
  });
});

describe('the runner’s answers about a run', () => {
  it('another hard session in about 4 h turns rapid refuelling on; "not soon" turns it off', async () => {
    const { id, plan } = await workoutSeenLate(5);
    expect(plan.steps.map((s) => s.id)).not.toContain('rapid-refuel');
    const calls = handlerCalls(app, h.service);
    const soon = await calls.setRunnerSays({ activityId: id, hardSessionInHours: 4 }, POPUP());
    if (!soon.ok) throw new Error(soon.error.message);
    expect(soon.value?.plan.steps.map((s) => s.id)).toContain('rapid-refuel');
    const says = soon.value?.runnerSays;
    expect(says?.nextHardSessionAt).toBe(says!.at + 4 * 60 * MINUTE);
    // A replan keeps when the plan was first seen.
    expect(soon.value?.plan.firstSeenAt).toBe(plan.firstSeenAt);
    const later = await calls.setRunnerSays({ activityId: id, hardSessionInHours: null }, POPUP());
    if (!later.ok) throw new Error(later.error.message);
    expect(later.value?.plan.steps.map((s) => s.id)).not.toContain('rapid-refuel');
    expect(later.value?.runnerSays?.nextHardSessionAt).toBeNull();
  });

  it('"it was hot" asks for more to drink, with electrolytes, and can be taken back', async () => {
    const { id, plan } = await workoutSeenLate(5);
    const fluids = (p: typeof plan) => p.steps.find((s) => s.id === 'fluids')!;
    const calls = handlerCalls(app, h.service);
    const hot = await calls.setRunnerSays({ activityId: id, hot: true }, POPUP());
    if (!hot.ok) throw new Error(hot.error.message);
    const hotFluids = fluids(hot.value!.plan);
    expect(hotFluids.detail).toMatch(/electrolyte/);
    const ml = (s: typeof hotFluids) => s.quantities?.find((q) => q.kind === 'fluids');
    expect(ml(fluids(plan))?.unit).toBe('ml');
    expect(ml(hotFluids)!.max).toBeGreaterThan(ml(fluids(plan))!.max);
    const back = await calls.setRunnerSays({ activityId: id, hot: false }, POPUP());
    if (!back.ok) throw new Error(back.error.message);
    expect(fluids(back.value!.plan).detail).toBe(fluids(plan).detail);
  });

  it('refuses nonsense hours and unknown keys, and changes nothing', async () => {
    const { id } = await workoutSeenLate(5);
    const before = await h.collections.runs.get(id);
    const calls = handlerCalls(app, h.service);
    for (const data of [
      { activityId: id, hardSessionInHours: 0 },
      { activityId: id, hardSessionInHours: 30 },
      { activityId: id, hardSessionInHours: 'soon' },
      { activityId: id, hot: 'yes' },
      { activityId: id, hot: true, readyAt: 0 },
    ]) {
      const out = await calls.setRunnerSays(data as never, POPUP());
      expect(out).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    }
    expect(await h.collections.runs.get(id)).toEqual(before);
  });
});
