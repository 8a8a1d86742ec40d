// The production build in a real Chromium against the simulator reached as www.strava.com.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { type ExtensionBrowser, launchBrowser } from './browser';
import { panelFrame } from './panel-frame';

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
    // The panel's content lives in the extension's own page, not in Strava's DOM.
    await expect
      .poll(() => panelFrame(page).locator('section').getAttribute('aria-label'))
      .toBe('Bounceback recovery');
    expect(await page.locator('bounceback-panel section').count()).toBe(0);
    await browser.screenshot(page, 'panel-overview');
    await page.close();
  });

  it('gives Strava’s page no extension world: the panel is placed after the load, once, also after a reload', async () => {
    const page = await browser.newPage();
    // Chromium re-creates an extension's isolated world for every later document in a tab once
    // it has one there, which slows every later load: the page must never get one.
    const cdp = await browser.context.newCDPSession(page);
    const worlds: string[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      if (context.origin.startsWith(`chrome-extension://${browser.extensionId}`))
        worlds.push(`${context.name} ${context.origin}`);
    });
    await cdp.send('Runtime.enable');
    await page.addInitScript(() => {
      const w = window as unknown as { placed?: number[] };
      w.placed = [];
      new MutationObserver((records) => {
        for (const r of records)
          for (const n of r.addedNodes)
            if (n.nodeName === 'BOUNCEBACK-PANEL') w.placed!.push(performance.now());
      }).observe(document, { childList: true, subtree: true });
    });
    for (const go of [
      () => page.goto('https://www.strava.com/activities/123'),
      () => page.reload(),
      () => page.goto('https://www.strava.com/dashboard'),
      () => page.goto('https://www.strava.com/activities/124'),
    ]) {
      await go();
      if (page.url().includes('dashboard')) continue;
      await page.locator('bounceback-panel').waitFor({ state: 'visible' });
      await page.waitForTimeout(300);
      const { placed, loaded } = await page.evaluate(() => ({
        placed: (window as unknown as { placed: number[] }).placed,
        loaded: (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming)
          .loadEventEnd,
      }));
      expect(loaded).toBeGreaterThan(0);
      expect(placed).toHaveLength(1);
      expect(placed[0]).toBeGreaterThan(loaded);
      expect(await panelCount(page)).toBe(1);
    }
    expect(worlds).toEqual([]);
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
    // The host itself is the card, fixed to the viewport; the panel fills it.
    const card = page.locator('bounceback-panel');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    await panelFrame(page).locator('section.bb-card').waitFor({ state: 'visible' });
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
