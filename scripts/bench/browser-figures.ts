// The figures only a real browser can give: the production build in Debian's Chromium against the
// simulator, connected through the real flow, measured from outside (no hook in the product).
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchBrowser } from '../../test/e2e/browser';
import { connectThroughOptions } from '../../test/e2e/connect';
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

/** Page loads each way: the ratio's median wanders by several percent with fewer. */
const LOADS = 60;

/** Fresh tab pairs the loads are spread over, so one tab's luck does not decide the ratio. */
const ROUNDS = 6;

/** The panel's content for a stored plan (components/Panel marks its ready state). */
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

async function loadMs(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'load' });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return nav.loadEventStart - nav.startTime;
  });
}

async function pageLoad(ext: ExtensionBrowser, plain: ExtensionBrowser, url: string, n: number) {
  const withExt: number[] = [];
  const without: number[] = [];
  const perRound = Math.ceil(n / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    const [a, b] = [await ext.newPage(), await plain.newPage()];
    // The first load of a tab fills caches both browsers share with later loads: not counted.
    await loadMs(a, url);
    await loadMs(b, url);
    for (let i = 0; i < perRound; i++) {
      // Alternate which goes first so drift hits both the same.
      if ((i + r) % 2) {
        withExt.push(await loadMs(a, url));
        without.push(await loadMs(b, url));
      } else {
        without.push(await loadMs(b, url));
        withExt.push(await loadMs(a, url));
      }
    }
    await a.close();
    await b.close();
  }
  return { ratio: median(withExt) / median(without), withExt, without };
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
  await page.goto(url);
  await page.locator(`bounceback-panel ${READY}`).first().waitFor({ timeout: 15_000 });
  await page.evaluate(NAME_SHIM);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await page.evaluate(async (ready) => {
        const body = document.getElementById('view-body')!;
        const tpl = document.getElementById('tpl-overview') as HTMLTemplateElement;
        body.replaceChildren();
        await new Promise((r) => setTimeout(r, 300));
        const t0 = performance.now();
        body.replaceChildren(tpl.content.cloneNode(true));
        return new Promise<number>((resolve) => {
          const check = () => {
            const host = document.querySelector('.activity-stats .inline-stats + bounceback-panel');
            const el = host?.shadowRoot?.querySelector(ready);
            if (el && el.getBoundingClientRect().height > 0) {
              // Visible = painted: the next frame after it is laid out.
              requestAnimationFrame(() => resolve(performance.now() - t0));
            } else setTimeout(check, 1);
          };
          check();
        });
      }, READY),
    );
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

export async function measureBrowserFigures(samples = 20): Promise<BrowserFigures> {
  const sim = await startSimulatorProcess();
  const ext = await launchBrowser({ simPort: sim.port });
  const plain = await launchBrowser({ simPort: sim.port, extension: false });
  try {
    const options = await connectThroughOptions(ext);
    await options.getByText(/Connected as/).waitFor({ timeout: 20_000 });
    const { newestRun } = await sim.admin<{ newestRun: number }>('state');
    const url = `https://www.strava.com/activities/${newestRun}`;
    // Wait for the first sync's plan: the badge counts down once it is stored.
    await options.waitForFunction(
      async () =>
        (await (globalThis as unknown as { chrome: Chrome }).chrome.action.getBadgeText({})) !== '',
      null,
      {
        timeout: 30_000,
      },
    );
    await syncIdle(options);
    // Each figure with a quiet browser: only the tabs it measures are open.
    await options.close();
    const load = await pageLoad(ext, plain, url, Math.max(samples, LOADS));
    await plain.close();
    const panel = await panelVisible(ext, url, samples);
    const popup = await popupPaint(ext, samples);
    const warm = await wakeToBadge(ext, false, Math.max(5, samples / 4));
    const cold = await wakeToBadge(ext, true, Math.max(5, samples / 4));
    return {
      pageLoadRatio: Number(load.ratio.toFixed(3)),
      panelVisibleMs: Number(median(panel).toFixed(1)),
      popupFirstPaintMs: Number(median(popup).toFixed(1)),
      swWakeToBadgeMs: {
        cold: Number(median(cold).toFixed(1)),
        warm: Number(median(warm).toFixed(1)),
      },
      lines: [
        `page load with extension     ${spread(load.withExt)} ms`,
        `page load without extension  ${spread(load.without)} ms`,
        `pageLoadRatio                ${load.ratio.toFixed(3)} (target ≤ 1.03)`,
        `panelVisibleMs               ${spread(panel)} (target ≤ 100)`,
        `popupFirstPaintMs            ${spread(popup)} (target ≤ 100)`,
        `swWakeToBadgeMs warm         ${spread(warm)}`,
        `swWakeToBadgeMs cold         ${spread(cold)}`,
      ],
    };
  } finally {
    await ext.close();
    await plain.close();
    await sim.stop();
  }
}
