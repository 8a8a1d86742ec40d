// The connect flow through browser.identity.launchWebAuthFlow in a real Chromium, against the
// simulator's approval page, then the background's first sync.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { type ExtensionBrowser, launchBrowser } from './browser';
import { connectThroughOptions } from './connect';

let sim: Simulator;
let browser: ExtensionBrowser;

beforeEach(async () => {
  sim = await startSimulator({ port: 0 });
  browser = await launchBrowser({ simPort: sim.port });
});
afterEach(async () => {
  await browser?.close();
  await sim?.stop();
});

describe('connecting Strava from the options page', () => {
  it('authorizes, shows the athlete, syncs and starts the badge countdown', async () => {
    const options = await connectThroughOptions(browser);
    await expect
      .poll(() => options.locator('main').innerText(), { timeout: 15_000 })
      .toMatch(/Connected as/);
    await browser.screenshot(options, 'options-connected');
    // The first sync backfills and plans the long run that just ended: the refuel minutes show.
    await expect
      .poll(
        () =>
          browser.worker.evaluate(() =>
            (
              globalThis as unknown as {
                chrome: { action: { getBadgeText(d: object): Promise<string> } };
              }
            ).chrome.action.getBadgeText({}),
          ),
        { timeout: 20_000 },
      )
      .toMatch(/^\d+m$/);
    const routes = Object.keys(sim.requests().byRoute).join(' ');
    expect(routes).toContain('/athlete/activities');
    expect(browser.problems).toEqual([]);
  });

  it('explains a cancelled approval and stays disconnected', async () => {
    const options = await connectThroughOptions(browser, { decision: 'Cancel' });
    await expect
      .poll(() => options.locator('main').innerText(), { timeout: 15_000 })
      .toMatch(/wasn.t connected|declined|cancel/i);
    expect(await options.locator('main').innerText()).not.toMatch(/Connected as/);
  });
});
