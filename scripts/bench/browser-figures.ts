// The figures only a real browser can give: the production build in Debian's Chromium against the
// simulator, connected through the real flow, measured from outside (no hook in the product).
import type { CDPSession, Page } from 'playwright-core';
import { type ExtensionBrowser, launchBrowser } from '../../test/e2e/browser';
import { connectThroughOptions } from '../../test/e2e/connect';
import { panelFrame, panelFrameHandle } from '../../test/e2e/panel-frame';
import { startSimulatorProcess } from './sim-process';
import { median, spread } from './stats';

export interface BrowserFigures {
  pageLoadRatio: number;
  panelVisibleMs: number;
  popupFirstPaintMs: number;
  swWakeToBadgeMs: { cold: number; warm: number };
  lines: string[];
}

/** tsx keeps function names with a `__name` helper that pages don't have. */
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

/** Long enough for an opened popup's own sync and second answer to finish. */
const SETTLE_MS = 1000;

/**
 * Page loads each way, over several fresh browser pairs: two Chromium instances on 2 cores differ
 * by a few percent on their own, and one pair's luck must not decide the ratio.
 */
const LOAD_PAIRS = 3;
const LOADS_PER_PAIR = 60;
/**
 * Pause after each load, the same for both: the panel's script runs after `load`, and back to
 * back its work would land in the other browser's next measured load instead of its own.
 */
const SETTLE_AFTER_LOAD_MS = 150;
/** Where runners open an activity from; leaving the activity page is timed on its own. */
const DASHBOARD = 'https://www.strava.com/dashboard';

/** The panel's content for a stored plan (components/panel/Panel marks its ready state). */
const READY = '[data-state="ready"]';

type Chrome = {
  action: {
    getBadgeText(d: object): Promise<string>;
    setBadgeText(d: { text: string }): Promise<void>;
  };
  alarms: {
    create(n: string, i: { when: number }): Promise<void>;
    get(n: string): Promise<{ scheduledTime: number } | undefined>;
  };
  storage: { local: { get(k: string): Promise<Record<string, { phase?: string } | undefined>> } };
};

/**
 * One load over bare CDP (Playwright's goto adds its own round trips between loads): navigation
 * start to the `load` event, from the page's Navigation Timing.
 */
async function loadMs(cdp: CDPSession, url: string): Promise<number> {
  const loaded = new Promise<void>((resolve) => cdp.once('Page.loadEventFired', () => resolve()));
  await cdp.send('Page.navigate', { url });
  await loaded;
  const { result } = await cdp.send('Runtime.evaluate', {
    expression:
      '(() => { const n = performance.getEntriesByType("navigation")[0]; return n.loadEventStart - n.startTime; })()',
    returnByValue: true,
  });
  if (typeof result.value !== 'number') throw new Error('no navigation timing on the page');
  await new Promise((r) => setTimeout(r, SETTLE_AFTER_LOAD_MS));
  return result.value;
}

async function loadingTab(b: ExtensionBrowser): Promise<CDPSession> {
  const cdp = await b.context.newCDPSession(await b.newPage());
  await cdp.send('Page.enable');
  return cdp;
}

/**
 * Alternating visits in one tab of each browser: dashboard → activity page, as a runner opens a
 * run from the feed. The activity load is the figure; the dashboard load after it is what leaving
 * the activity page costs (the page and its panel are torn down then), printed beside it. The
 * first two visits fill caches, uncounted.
 */
async function pageLoadPair(
  ext: ExtensionBrowser,
  plain: ExtensionBrowser,
  url: string,
  n: number,
) {
  const [a, b] = [await loadingTab(ext), await loadingTab(plain)];
  const visit = async (tab: CDPSession) => ({
    leave: await loadMs(tab, DASHBOARD),
    load: await loadMs(tab, url),
  });
  for (let i = 0; i < 2; i++) {
    await visit(a);
    await visit(b);
  }
  const withExt: { leave: number; load: number }[] = [];
  const without: { leave: number; load: number }[] = [];
  for (let i = 0; i < n; i++) {
    // Alternate which goes first so drift hits both the same.
    if (i % 2) {
      withExt.push(await visit(a));
      without.push(await visit(b));
    } else {
      without.push(await visit(b));
      withExt.push(await visit(a));
    }
  }
  // The other figures want a quiet browser: no panel left open that could wake the worker.
  for (const tab of [a, b]) await tab.send('Page.close').catch(() => undefined);
  return { withExt, without };
}

/** Until the worker's sync after connecting (and its backfill) is done. */
async function syncIdle(page: Page): Promise<void> {
  await page.waitForFunction(
    async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      const { syncStatus } = await c.storage.local.get('syncStatus');
      return syncStatus?.phase === 'idle';
    },
    null,
    { timeout: 60_000, polling: 250 },
  );
}

async function panelVisible(ext: ExtensionBrowser, url: string, n: number): Promise<number[]> {
  const page = await ext.newPage();
  // In each panel frame: when its plan is first laid out, then painted, on the clock all frames
  // share (time origin + now).
  await page.addInitScript((ready) => {
    if (location.protocol !== 'chrome-extension:') return;
    const w = window as unknown as { __readyAt?: number };
    const seen = new MutationObserver(() => {
      const el = document.querySelector(ready);
      if (!el || el.getBoundingClientRect().height === 0) return;
      seen.disconnect();
      requestAnimationFrame(() => {
        w.__readyAt = performance.timeOrigin + performance.now();
      });
    });
    seen.observe(document, { childList: true, subtree: true });
  }, READY);
  await page.goto(url);
  await panelFrame(page).locator(READY).waitFor({ timeout: 15_000 });
  await page.evaluate(NAME_SHIM);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    // Strava re-renders its stats late: the anchor goes in, the panel follows. On Strava's side
    // the panel is visible once its frame has been given a height and painted.
    const { insertedAt, sizedAt } = await page.evaluate(async () => {
      const body = document.getElementById('view-body')!;
      const tpl = document.getElementById('tpl-overview') as HTMLTemplateElement;
      body.replaceChildren();
      await new Promise((r) => setTimeout(r, 300));
      const at = () => performance.timeOrigin + performance.now();
      const inserted = at();
      body.replaceChildren(tpl.content.cloneNode(true));
      const sized = await new Promise<number>((resolve) => {
        const check = () => {
          const host = document.querySelector('.activity-stats .inline-stats + bounceback-panel');
          const frame = host?.shadowRoot?.querySelector('iframe');
          if (frame && frame.getBoundingClientRect().height > 0)
            requestAnimationFrame(() => resolve(at()));
          else setTimeout(check, 1);
        };
        check();
      });
      return { insertedAt: inserted, sizedAt: sized };
    });
    const frame = await panelFrameHandle(page);
    const readyAt = await (
      await frame.waitForFunction(() => (window as { __readyAt?: number }).__readyAt, null, {
        timeout: 15_000,
      })
    ).jsonValue();
    out.push(Math.max(sizedAt, readyAt as number) - insertedAt);
  }
  await page.close();
  return out;
}

async function popupPaint(ext: ExtensionBrowser, n: number): Promise<number[]> {
  // One tab, navigated to the popup each time: a new headless tab also builds Chromium's own
  // omnibox UI, which a real popup never waits for.
  const page = await ext.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.addInitScript(NAME_SHIM);
  await page.addInitScript(() => {
    const w = window as unknown as { __timersAt?: number };
    // Noticed in the same task that inserts them; the next frame is the one that paints them.
    const seen = new MutationObserver(() => {
      if (!document.querySelector('.bb-countdown')) return;
      seen.disconnect();
      requestAnimationFrame(() => {
        w.__timersAt = performance.now();
      });
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  // Read the mark with a bare Runtime.evaluate: Playwright's own helpers would inject their
  // scripts into the popup while it is still being measured.
  const cdp = await ext.context.newCDPSession(page);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    // Each opening starts from a settled extension: the last one's sync and answers are done.
    await page.goto('about:blank');
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await page.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    const deadline = Date.now() + 15_000;
    for (;;) {
      const { result } = await cdp.send('Runtime.evaluate', {
        expression: 'window.__timersAt ?? null',
        returnByValue: true,
      });
      if (typeof result.value === 'number') {
        out.push(result.value);
        break;
      }
      if (Date.now() > deadline) throw new Error('the popup never painted its timers');
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  await cdp.detach();
  await page.close();
  return out;
}

async function wakeToBadge(ext: ExtensionBrowser, cold: boolean, n: number): Promise<number[]> {
  // An extension page watches the badge: reading it there does not wake the worker.
  const watcher = await ext.newPage();
  await watcher.goto(`chrome-extension://${ext.extensionId}/options.html`);
  const cdp = await ext.context.newCDPSession(watcher);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const scheduled = await ext.worker.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      await c.action.setBadgeText({ text: '' });
      await c.alarms.create('badge', { when: Date.now() + 1500 });
      return (await c.alarms.get('badge'))!.scheduledTime;
    });
    if (cold) {
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    const seen = await watcher.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: Chrome }).chrome;
      for (;;) {
        if ((await c.action.getBadgeText({})) !== '') return Date.now();
        await new Promise((r) => setTimeout(r, 2));
      }
    });
    out.push(seen - scheduled);
    await ext.context
      .serviceWorkers()[0]
      ?.evaluate(() => 1)
      .catch(() => undefined);
  }
  await watcher.close();
  return out;
}

/** A Chromium with the extension, connected through the real flow, its first sync done. */
async function connectedBrowser(
  simPort: number,
  approvedBefore: boolean,
): Promise<ExtensionBrowser> {
  const ext = await launchBrowser({ simPort });
  const options = await connectThroughOptions(ext, { approvedBefore });
  await options.getByText(/Connected as/).waitFor({ timeout: 20_000 });
  // Wait for the first sync's plan: the badge counts down once it is stored.
  await options.waitForFunction(
    async () =>
      (await (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({})) !== '',
    null,
    { timeout: 30_000 },
  );
  await syncIdle(options);
  // Each figure with a quiet browser: only the tabs it measures are open.
  await options.close();
  return ext;
}

export async function measureBrowserFigures(samples = 20): Promise<BrowserFigures> {
  const sim = await startSimulatorProcess();
  const open: ExtensionBrowser[] = [];
  const launched = async (b: Promise<ExtensionBrowser>) => {
    open.push(await b);
    return open.at(-1)!;
  };
  try {
    const { newestRun } = await sim.admin<{ newestRun: number }>('state');
    const url = `https://www.strava.com/activities/${newestRun}`;
    const withExt: { leave: number; load: number }[] = [];
    const without: { leave: number; load: number }[] = [];
    let ext: ExtensionBrowser | undefined;
    for (let i = 0; i < LOAD_PAIRS; i++) {
      await ext?.close();
      // The plain one first: a new Chromium is busy with its profile for a while after launch,
      // and connecting the other gives it that time.
      const plain = await launched(launchBrowser({ simPort: sim.port, extension: false }));
      ext = await launched(connectedBrowser(sim.port, i > 0));
      const pair = await pageLoadPair(ext, plain, url, Math.max(LOADS_PER_PAIR, samples));
      withExt.push(...pair.withExt);
      without.push(...pair.without);
      await plain.close();
    }
    const loads = (xs: typeof withExt) => xs.map((x) => x.load);
    const leaves = (xs: typeof withExt) => xs.map((x) => x.leave);
    const ratio = median(loads(withExt)) / median(loads(without));
    const leaveRatio = median(leaves(withExt)) / median(leaves(without));
    // The last pair's extension browser, connected and settled, gives the other figures.
    const panel = await panelVisible(ext!, url, samples);
    const popup = await popupPaint(ext!, samples);
    const warm = await wakeToBadge(ext!, false, Math.max(5, samples / 4));
    const cold = await wakeToBadge(ext!, true, Math.max(5, samples / 4));
    return {
      pageLoadRatio: Number(ratio.toFixed(3)),
      panelVisibleMs: Number(median(panel).toFixed(1)),
      popupFirstPaintMs: Number(median(popup).toFixed(1)),
      swWakeToBadgeMs: {
        cold: Number(median(cold).toFixed(1)),
        warm: Number(median(warm).toFixed(1)),
      },
      lines: [
        `page load with extension     ${spread(loads(withExt))} ms`,
        `page load without extension  ${spread(loads(without))} ms`,
        `pageLoadRatio                ${ratio.toFixed(3)} (target ≤ 1.03; ${LOAD_PAIRS} fresh browser pairs, from the dashboard)`,
        `leaving it (to the dashboard) ${spread(leaves(withExt))} vs ${spread(leaves(without))} ms: ×${leaveRatio.toFixed(3)}`,
        `panelVisibleMs               ${spread(panel)} (target ≤ 100)`,
        `popupFirstPaintMs            ${spread(popup)} (target ≤ 100)`,
        `swWakeToBadgeMs warm         ${spread(warm)}`,
        `swWakeToBadgeMs cold         ${spread(cold)}`,
      ],
    };
  } finally {
    // Closing twice is harmless: each close removes its own profile.
    for (const b of open) await b.close().catch(() => undefined);
    await sim.stop();
  }
}
