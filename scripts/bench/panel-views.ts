// oldActivityViewRequests and hostilePageRequests: what the panel costs in Strava requests when
// sync cannot help. The real background in-process against the simulator, its alarms in sim time;
// the framed panel's messages go through the same handler table and sender checks as in Chrome.
// Each window starts just after a sync alarm, so the regular pass is not counted.
import { createHandlers } from '../../lib/background/handlers';
import { handle } from '../../lib/messaging/handler';
import type { SenderInfo } from '../../lib/messaging/senders';
import { BACKFILL_MS } from '../../lib/sync/sync-once';
import { DAY_MS } from '../../lib/time';
import { type SimExtension, startSimExtension, stravaRequestsByRoute } from './sim-extension';

export interface PanelViewReport {
  oldActivityViewRequests: number;
  hostilePageRequests: number;
  oldActivityRoutes: Record<string, number>;
  hostileRoutes: Record<string, number>;
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);

function framed(browserId: string, base: string, tabId: number, id: number): SenderInfo {
  return {
    id: browserId,
    url: `${base}panel.html#activity=${id}&own=1&fallback=0`,
    tab: { id: tabId, url: `https://www.strava.com/activities/${id}` },
  };
}

async function window(
  x: SimExtension,
  act: (getPanel: (tabId: number, id: number) => Promise<unknown>) => Promise<void>,
): Promise<Record<string, number>> {
  const { browser } = await import('wxt/browser');
  const table = createHandlers(x.app, x.harness.service);
  const base = browser.runtime.getURL('/');
  const getPanel = (tabId: number, id: number) =>
    handle(
      table.getPanel,
      { activityId: id, own: true },
      framed(browser.runtime.id, base, tabId, id),
    );
  await x.alarms.runUntil(x.alarms.next('sync') ?? x.sim.clock.now());
  x.sim.admin.clearRequests();
  await act(getPanel);
  return stravaRequestsByRoute(x.sim);
}

export async function panelViews(): Promise<PanelViewReport> {
  const x = await startSimExtension({ installAt: Date.parse('2026-05-12T07:41:09+01:00') });
  try {
    await x.app.syncNow(false);
    const cutoff = x.sim.clock.now() - BACKFILL_MS - DAY_MS;
    const old = [...x.sim.state.activities.values()]
      .filter((a) => a.detail.sport_type === 'Run' && Date.parse(a.detail.start_date) < cutoff)
      .map((a) => a.detail.id);
    if (old.length === 0)
      throw new Error('the simulated history has no run older than the backfill');

    // The runner opens one old run of theirs and leaves it open for 2 minutes; the panel asks
    // on load and (as a worst case) every 3 s, as it once polled.
    const oldActivityRoutes = await window(x, async (getPanel) => {
      const end = x.sim.clock.now() + 120_000;
      while (x.sim.clock.now() < end) {
        await getPanel(11, old[0]!);
        await x.alarms.runUntil(x.sim.clock.now() + 3000);
      }
    });

    // The page pushStates 30 unknown activity URLs in a row, the frame's hash following each.
    const hostileRoutes = await window(x, async (getPanel) => {
      for (let i = 0; i < 30; i++) await getPanel(12, 99_000_000_000 + i * 7919);
    });
    return {
      oldActivityViewRequests: sum(oldActivityRoutes),
      hostilePageRequests: sum(hostileRoutes),
      oldActivityRoutes,
      hostileRoutes,
    };
  } finally {
    await x.stop();
  }
}

export function printPanelViews(r: PanelViewReport): void {
  console.log('\nThe panel where sync cannot help (Strava requests; target ≤ 2 each)');
  console.log(`  one old own activity open for 2 min   ${r.oldActivityViewRequests}`);
  for (const [route, n] of Object.entries(r.oldActivityRoutes)) console.log(`    ${route} ${n}`);
  console.log(`  a page pushing 30 unknown activities  ${r.hostilePageRequests}`);
  for (const [route, n] of Object.entries(r.hostileRoutes)) console.log(`    ${route} ${n}`);
}
