// The product as a runner uses it, in a real Chromium against the simulator: every panel state,
// untrusted names shown as text, a popup check-in moving readiness with the badge and panel
// following, export → delete → import, keyboard-only check-in, and axe-core on every view.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { axeViolations } from './axe';
import { badge, type ExtensionBrowser, launchBrowser } from './browser';
import { connectedBrowser } from './connect';
import { panelFrame, panelFrameHandle, panelState } from './panel-frame';

const HOUR = 3_600_000;

describe('before connecting', () => {
  let sim: Simulator;
  let b: ExtensionBrowser;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0 });
    b = await launchBrowser({ simPort: sim.port });
  });
  afterAll(async () => {
    await b?.close();
    await sim?.stop();
  });

  it('the panel says so in one line with a way to the options', async () => {
    const id = sim.state.sortedActivities()[0]!.detail.id;
    const page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${id}`);
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('not-connected');
    const button = panelFrame(page).getByRole('button', { name: /options|connect/i });
    await expect.poll(() => button.count()).toBeGreaterThan(0);
    await b.screenshot(page, 'panel-not-connected');
    // Installing opened the options page already; close it so the button has to open one.
    for (const p of b.context.pages()) if (p.url().includes('/options.html')) await p.close();
    await button.first().click();
    await expect
      .poll(() => b.context.pages().some((p) => p.url().includes('/options.html')))
      .toBe(true);
  });
});

describe('connected', () => {
  let sim: Simulator;
  let b: ExtensionBrowser;
  let longRun: number;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 11 });
    // Yesterday's long run is the latest: this morning's check-in is about it. It starts at 14:00
    // yesterday on this machine's clock (the browser's time zone): "22 h ago" ended today
    // whenever the tests ran after about 20:00.
    const newest = sim.state.sortedActivities()[0]!;
    sim.deleteActivity(newest.detail.id);
    const start = new Date();
    start.setDate(start.getDate() - 1);
    start.setHours(14, 0, 0, 0);
    longRun = sim.finishRun({
      kind: 'long',
      startedAgoS: Math.round((Date.now() - start.getTime()) / 1000),
      name: 'Long run by the river',
    }).id;
    b = await connectedBrowser(sim.port, /^\d+h$/);
  });
  afterAll(async () => {
    await b?.close();
    await sim?.stop();
  });

  it('shows the plan on the runner’s own run, accessibly', async () => {
    const page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${longRun}`);
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('ready');
    const panel = panelFrame(page);
    await expect.poll(() => panel.getByText(/Long run/).count()).toBeGreaterThan(0);
    expect(await panel.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    expect(await panel.getByText('General guidance, not medical advice.').count()).toBe(1);
    await panel.getByRole('button', { name: /Why this kind/ }).click();
    expect(
      await panel.getByRole('button', { name: /Why this kind/ }).getAttribute('aria-expanded'),
    ).toBe('true');
    // The panel's page is a part of Strava's, not a page of its own: its section, then its frame.
    expect(await axeViolations(await panelFrameHandle(page), ['section'])).toEqual([]);
    expect(await axeViolations(page, [['bounceback-panel', 'iframe']])).toEqual([]);
    await b.screenshot(page, 'panel-ready');
    // Collapsing is remembered on the next visit.
    await panel.getByRole('button', { name: 'Plan' }).click();
    await page.reload();
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('ready');
    expect(await panel.getByRole('button', { name: 'Plan' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    await b.screenshot(page, 'panel-collapsed');
    await panel.getByRole('button', { name: 'Plan' }).click();
    await page.close();
  });

  it('is quiet on other athletes’ activities and on rides', async () => {
    const page = await b.newPage();
    await page.goto('https://www.strava.com/activities/4242424242');
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('quiet');
    expect(await panelFrame(page).locator('section[data-state]').innerText()).toMatch(
      /your own runs/,
    );
    await b.screenshot(page, 'panel-not-own');
    const ride = sim.state
      .sortedActivities()
      .find(
        (a) =>
          a.detail.sport_type === 'Ride' &&
          Date.parse(a.detail.start_date) > Date.now() - 30 * 24 * HOUR,
      );
    expect(ride).toBeDefined();
    await page.goto(`https://www.strava.com/activities/${ride!.detail.id}`);
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('quiet');
    expect(await panelFrame(page).locator('section[data-state]').innerText()).toMatch(/ride/i);
    await page.close();
  });

  it('syncs a run it does not know yet when its owner opens it, and shows hostile names as text', async () => {
    const dialogs: string[] = [];
    const evil = '<img src=x onerror=alert(1)>';
    const fresh = sim.finishRun({ kind: 'tempo', name: evil }).id;
    const page = await b.newPage();
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`https://www.strava.com/activities/${fresh}`);
    const first = await panelState(page);
    expect(['loading', 'syncing', 'ready']).toContain(first);
    await expect.poll(() => panelState(page), { timeout: 20_000 }).toBe('ready');
    await b.screenshot(page, 'panel-after-sync');
    const popup = await b.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await expect.poll(() => popup.getByText(evil).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(await popup.locator('img[src="x"]').count()).toBe(0);
    expect(await panelFrame(page).locator('img').count()).toBe(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await popup.close();
    await page.close();
    // Keep the later tests about the long run alone.
    sim.deleteActivity(fresh);
  });

  it('a short night entered in the popup moves readiness; badge and panel follow', async () => {
    const popup = await b.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popup.locator('#ci-sleepHours').waitFor();
    // Let the popup's own sync (which drops the deleted run) settle first.
    await popup.waitForTimeout(1500);
    const before = Number((await badge(b)).replace('h', ''));
    // The verdict comes first; the check-in is what moves it.
    const verdict = popup.getByRole('region', { name: 'Today’s verdict' });
    await verdict.waitFor();
    expect(await verdict.innerText()).toMatch(
      /^Today: (easy running only|a hard session is fine|rest day)/,
    );
    expect(await verdict.innerText()).not.toMatch(/Slept 4\.5 h/);
    await popup.locator('#ci-sleepHours').fill('4.5');
    await popup.getByLabel(/Overall, 0/).fill('6');
    await popup.getByRole('button', { name: /Save check-in|Update today/ }).click();
    await expect
      .poll(() => popup.getByText(/readiness \+\d+ h/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => verdict.innerText(), { timeout: 10_000 }).toMatch(/Slept 4\.5 h/);
    expect(await verdict.innerText()).toMatch(/^Today: easy running only/);
    await b.screenshot(popup, 'popup-after-check-in');
    await expect
      .poll(async () => Number((await badge(b)).replace('h', '')))
      .toBeGreaterThan(before);
    const page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${longRun}`);
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('ready');
    expect(await panelFrame(page).locator('section[data-state]').innerText()).toMatch(/4\.5 h/);
    const panelVerdict = panelFrame(page).getByRole('region', { name: 'Today’s verdict' });
    expect(await panelVerdict.innerText()).toMatch(/^Today: easy running only[\s\S]*Slept 4\.5 h/);
    await page.close();
    await popup.close();
  });

  it('the runner corrects the kind in the panel, sees plan and badge follow, and undoes it in the popup', async () => {
    const hours = async () => Number((await badge(b)).replace('h', ''));
    const before = await hours();
    const page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${longRun}`);
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('ready');
    const panel = panelFrame(page);
    await panel.getByRole('button', { name: 'Not right?' }).click();
    await panel.getByRole('button', { name: 'Easy run', exact: true }).click();
    await expect
      .poll(() => panel.locator('.bb-chip').first().innerText(), { timeout: 10_000 })
      .toMatch(/Easy run\s*you said/);
    await expect.poll(hours, { timeout: 10_000 }).toBeLessThan(before);
    await page.close();

    const popup = await b.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const change = popup.getByRole('button', { name: 'Change what you said' });
    await change.waitFor({ timeout: 10_000 });
    await change.click();
    await popup.getByRole('button', { name: 'Undo: let Bounceback decide' }).click();
    await expect.poll(hours, { timeout: 10_000 }).toBe(before);
    await expect
      .poll(() => popup.getByRole('button', { name: 'Not right?' }).count(), { timeout: 10_000 })
      .toBe(1);
    await popup.close();
  });

  it('lets a keyboard-only runner check in', async () => {
    const popup = await b.newPage();
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popup.locator('#ci-sleepHours').waitFor();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await popup.keyboard.press('Tab');
      reached = await popup.evaluate(() => document.activeElement?.id === 'ci-sleepHours');
    }
    expect(reached).toBe(true);
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('7');
    let onSubmit = false;
    for (let i = 0; i < 40 && !onSubmit; i++) {
      await popup.keyboard.press('Tab');
      onSubmit = await popup.evaluate(
        () => (document.activeElement as HTMLElement | null)?.getAttribute('type') === 'submit',
      );
    }
    expect(onSubmit).toBe(true);
    await popup.keyboard.press('Enter');
    await expect
      .poll(() => popup.getByText(/saved|readiness/i).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await popup.close();
  });

  it('has no axe-core violations on the popup and the options page, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of ['popup.html', 'options.html']) {
        const page = await b.newPage();
        await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
        await page.goto(`chrome-extension://${b.extensionId}/${path}`);
        await page.waitForTimeout(800);
        expect(await axeViolations(page), `${path} ${scheme}`).toEqual([]);
        await b.screenshot(page, `${path.replace('.html', '')}-${scheme}`);
        await page.close();
      }
    }
  });

  it('export → delete everything → import restores the same data', async () => {
    const options = await b.newPage();
    await options.goto(`chrome-extension://${b.extensionId}/options.html`);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: /Export everything/ }).click();
    const file = await (await download).path();
    const exported = JSON.parse(readFileSync(file, 'utf8'));
    expect(exported.checkIns.length).toBeGreaterThan(0);
    expect(JSON.stringify(exported)).not.toMatch(
      /access_token|refresh_token|client_secret|clientSecret/i,
    );
    await options.getByRole('button', { name: /Delete everything/ }).click();
    await options.getByRole('button', { name: 'Yes, delete everything' }).click();
    await expect
      .poll(() => options.getByText(/deleted/i).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await options.getByLabel('Import a Bounceback export').setInputFiles(file);
    await expect
      .poll(() => options.getByText(/^Added:/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    const download2 = options.waitForEvent('download');
    await options.getByRole('button', { name: /Export everything/ }).click();
    const again = JSON.parse(readFileSync(await (await download2).path(), 'utf8'));
    expect(again.checkIns).toEqual(exported.checkIns);
    expect(again.runs.map((r: { activity: { id: number } }) => r.activity.id).sort()).toEqual(
      exported.runs.map((r: { activity: { id: number } }) => r.activity.id).sort(),
    );
    await options.close();
  });

  it('reported no CSP violation or page error anywhere', () => {
    expect(b.problems).toEqual([]);
  });
});
