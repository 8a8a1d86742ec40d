// The production build in a real Chromium against the simulator reached as www.strava.com.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { type ExtensionBrowser, launchBrowser } from './browser';

let sim: Simulator;
let browser: ExtensionBrowser;

beforeAll(async () => {
  sim = await startSimulator({ port: 0 });
  browser = await launchBrowser({ simPort: sim.port });
});

afterAll(async () => {
  await browser?.close();
  await sim?.stop();
});

const panelCount = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.querySelectorAll('bounceback-panel').length);

describe('the built extension in Chromium', () => {
  it('runs its service worker', async () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const state = await browser.worker.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id,
    );
    expect(state).toBe('string');
  });

  it('puts the panel right after the activity stats', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.strava.com/activities/123');
    const panel = page.locator('bounceback-panel');
    await panel.waitFor({ state: 'visible' });
    expect(await panelCount(page)).toBe(1);
    const after = await page.evaluate(
      () => document.querySelector('.activity-stats .inline-stats')?.nextElementSibling?.tagName,
    );
    expect(after).toBe('BOUNCEBACK-PANEL');
    // The panel's content lives in its shadow root, not in Strava's DOM.
    await expect
      .poll(() => panel.locator('section').getAttribute('aria-label'))
      .toBe('Bounceback recovery');
    await browser.screenshot(page, 'panel-overview');
    await page.close();
  });

  it('runs nothing before the page’s load: the panel’s script starts after it, once, and again after a reload', async () => {
    const page = await browser.newPage();
    // WXT announces each start of a content script with this DOM event, which the page sees.
    const started = `${browser.extensionId}:activity:wxt:content-script-started`;
    await page.addInitScript((type) => {
      const w = window as unknown as { starts?: number[] };
      w.starts = [];
      document.addEventListener(type, () => w.starts!.push(performance.now()), true);
    }, started);
    for (const go of [
      () => page.goto('https://www.strava.com/activities/123'),
      () => page.reload(),
    ]) {
      await go();
      await page.locator('bounceback-panel').waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      const { starts, loaded } = await page.evaluate(() => ({
        starts: (window as unknown as { starts: number[] }).starts,
        loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .loadEventEnd,
      }));
      expect(loaded).toBeGreaterThan(0);
      expect(starts).toHaveLength(1);
      expect(starts[0]).toBeGreaterThan(loaded);
      expect(await panelCount(page)).toBe(1);
    }
    await page.close();
  });

  it('keeps exactly one panel through in-page navigation', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.strava.com/activities/123');
    await page.locator('bounceback-panel').waitFor({ state: 'visible' });
    for (const route of ['Analysis', 'Overview', 'Segments', 'Overview']) {
      await page.getByRole('link', { name: route, exact: true }).click();
      await page.locator('bounceback-panel').waitFor({ state: 'visible' });
      await page.waitForTimeout(150);
      expect(await panelCount(page)).toBe(1);
    }
    expect(page.url()).toMatch(/\/activities\/123\/overview$/);
    const after = await page.evaluate(
      () => document.querySelector('.activity-stats .inline-stats')?.nextElementSibling?.tagName,
    );
    expect(after).toBe('BOUNCEBACK-PANEL');
    await page.goBack();
    await page.locator('bounceback-panel').waitFor({ state: 'visible' });
    expect(await panelCount(page)).toBe(1);
    await page.close();
  });

  it('falls back to a small fixed card when the page has no known anchor', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.strava.com/activities/123?variant=bare');
    // The host has no box of its own here: the card inside it is fixed to the viewport.
    const card = page.locator('bounceback-panel section');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await panelCount(page)).toBe(1);
    const position = await card.evaluate((el) => getComputedStyle(el).position);
    expect(position).toBe('fixed');
    await browser.screenshot(page, 'panel-fallback');
    await page.close();
  });

  it('leaves pages that are not an activity alone', async () => {
    const page = await browser.newPage();
    await page.goto('https://www.strava.com/activities/123/edit');
    await page.waitForTimeout(300);
    expect(await panelCount(page)).toBe(0);
    await page.close();
  });

  it('renders the popup and the options page', async () => {
    const page = await browser.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Bounceback');
    await browser.screenshot(page, 'popup');
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect.poll(() => page.locator('h1').first().textContent()).toContain('Bounceback');
    await page.close();
  });

  it('reports no content-security-policy violation or page error anywhere', () => {
    expect(browser.problems).toEqual([]);
  });
});
