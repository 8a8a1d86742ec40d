// Imports are untrusted: a plan's zone, a run's time or a check-in's edit time from a file must not
// break the popup, pin the badge or cost Strava requests. Each case failed before this round.
import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import type { AppService } from '../../../lib/background/app-service';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import type { Harness } from '../sync/sync-harness';
import { handlerCalls } from './handler-calls';

let sim: Simulator;
let h: Harness;
let app: AppService;

perTestApp(13, (x) => {
  ({ sim, h, app } = x);
});

const POPUP = () => ({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') });

/** This runner's export, as JSON to tamper with. */
async function exported() {
  const fresh = sim.finishRun({ kind: 'tempo' });
  await app.syncNow(false);
  const calls = handlerCalls(app, h.service);
  const out = await calls.exportData(undefined, POPUP());
  if (!out.ok) throw new Error(out.error.message);
  return { calls, fresh, file: JSON.parse(out.value.json) };
}

describe('a hostile import', () => {
  it('a plan with an unknown zone is refused; the rest imports and every view works', async () => {
    const { calls, fresh, file } = await exported();
    const target = file.runs.find((r: { activity: { id: number } }) => r.activity.id === fresh.id);
    target.plan.timeZone = 'Mars/Olympus_Mons';
    await calls.deleteEverything(undefined, POPUP());
    const res = await calls.importData({ text: JSON.stringify(file) }, POPUP());
    expect(res).toMatchObject({ ok: true, value: { ok: true } });
    if (!res.ok || !res.value.ok) return;
    expect(res.value.report.refused).toContainEqual({
      what: expect.stringContaining(String(fresh.id)),
      reason: expect.stringMatching(/time zone/),
    });
    expect(res.value.report.added.runs).toBeGreaterThan(0);
    expect((await calls.getPopup(undefined, POPUP())).ok).toBe(true);
    expect(await browser.action.getBadgeText({})).not.toMatch(/NaN|undefined/);
    await app.syncNow(false);
    expect((await calls.getPanel({ activityId: fresh.id, own: true }, POPUP())).ok).toBe(true);
  });

  it('imported plans are rebuilt from their runs, not taken from the file', async () => {
    const { calls, fresh, file } = await exported();
    for (const r of file.runs) r.plan.readyAt = Date.parse('2036-01-01T00:00:00Z');
    await calls.deleteEverything(undefined, POPUP());
    await calls.importData({ text: JSON.stringify(file) }, POPUP());
    const stored = await h.collections.runs.get(fresh.id);
    expect(stored?.plan?.readyAt).toBeLessThan(sim.clock.now() + 7 * 86_400_000);
    // A badge in hours, not "87456h".
    const badge = await browser.action.getBadgeText({});
    expect(Number.parseInt(badge, 10) || 0).toBeLessThan(200);
  });

  it('far-future runs and check-ins are refused; imported runs cost no Strava requests', async () => {
    const { calls, file } = await exported();
    const template = file.runs[0];
    for (let i = 0; i < 300; i++) {
      const id = 70_000_000_000 + i;
      file.runs.push({
        ...template,
        activity: {
          ...template.activity,
          id,
          start_date: new Date(sim.clock.now() - (i + 2) * 3_600_000).toISOString(),
        },
        plan: { ...template.plan, activityId: id },
      });
    }
    const future = 80_000_000_000;
    file.runs.push({
      ...template,
      activity: { ...template.activity, id: future, start_date: '2299-01-01T00:00:00Z' },
      plan: { ...template.plan, activityId: future },
    });
    file.checkIns.push({ date: '2299-01-01', sleepHours: 7, updatedAt: 1 });
    const res = await calls.importData({ text: JSON.stringify(file) }, POPUP());
    if (!res.ok || !res.value.ok) throw new Error('import failed');
    expect(res.value.report.refused.map((r) => r.what)).toEqual(
      expect.arrayContaining([`run ${future}`, 'check-in 2299-01-01']),
    );
    sim.admin.clearRequests();
    await app.syncNow(false);
    await app.syncNow(false);
    const detail = sim.requestLog.filter((e) => e.route.includes('/activities/{id}'));
    expect(detail.length).toBeLessThanOrEqual(2);
  });
});
