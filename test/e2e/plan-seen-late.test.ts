// Issue 19 in a real Chromium: a workout whose plan is first seen 40 min after it ended (a watch
// upload, then a sync). The panel and the popup lead with what can still be done (a "meal now",
// no stale first-minute tasks), the badge counts the meal's minutes, the "another hard session
// today?" question turns rapid refuelling on, and the popup's first screen fits Chromium's 600 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { axeViolations } from './axe';
import { badge, type ExtensionBrowser } from './browser';
import { connectedBrowser } from './connect';
import { panelFrame, panelFrameHandle, panelState } from './panel-frame';

describe('a workout first seen 40 min after it ended', () => {
  let sim: Simulator;
  let b: ExtensionBrowser;
  let workout: number;
  let minutesLate: number;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 19 });
    // The generated athlete's newest run would be fresher than ours: it goes.
    sim.deleteActivity(sim.state.sortedActivities()[0]!.detail.id);
    // An intervals session takes about an hour; start it so that it ended about 40 min ago.
    const run = sim.finishRun({ kind: 'intervals', startedAgoS: 100 * 60, name: 'Track 8 x 800' });
    workout = run.id;
    const end = Date.parse(run.start_date) + run.elapsed_time * 1000;
    minutesLate = (Date.now() - end) / 60_000;
    b = await connectedBrowser(sim.port, /^\d+m$/);
  });
  afterAll(async () => {
    await b?.close();
    await sim?.stop();
  });

  it('was set up as intended: the refuel window (30 min) had closed before the first sync', () => {
    expect(minutesLate).toBeGreaterThan(31);
    expect(minutesLate).toBeLessThan(90);
  });

  it('the badge counts down the meal now in minutes, an hour at most', async () => {
    const text = await badge(b);
    expect(text).toMatch(/^\d+m$/);
    expect(Number.parseInt(text, 10)).toBeLessThanOrEqual(60);
  });

  it('the panel leads with the meal now, no stale task, and the question turns rapid refuel on', async () => {
    const page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${workout}`);
    await expect.poll(() => panelState(page), { timeout: 10_000 }).toBe('ready');
    const panel = panelFrame(page);
    const front = panel.locator('.bb-body > .bb-steps li');
    await expect.poll(() => front.count()).toBeGreaterThan(0);
    expect(await front.count()).toBeLessThanOrEqual(6);
    expect(await front.allInnerTexts()).toEqual(
      expect.arrayContaining([expect.stringMatching(/Eat a meal now/)]),
    );
    for (const stale of ['Cool down on your feet', 'Recovery snack', 'Start drinking']) {
      expect(await panel.getByText(stale, { exact: true }).count()).toBe(0);
    }
    expect(await panel.getByText('Refill glycogen fast').count()).toBe(0);
    await b.screenshot(page, 'panel-seen-late');
    await panel.getByRole('button', { name: 'in ~4 h' }).click();
    await expect
      .poll(() => panel.getByText('Refill glycogen fast').count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => panel.getByText(/You said around/).count(), { timeout: 10_000 })
      .toBe(1);
    expect(await axeViolations(await panelFrameHandle(page), ['section'])).toEqual([]);
    await page.close();
  });

  it('the popup’s first screen (600 px) shows the verdict, the open countdown, the next step and a check-in button', async () => {
    const popup = await b.newPage();
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    const checkIn = popup.getByRole('button', { name: /Check in: sleep and soreness/ });
    await checkIn.waitFor({ timeout: 10_000 });
    const verdict = popup.getByRole('region', { name: 'Today’s verdict' });
    await verdict.waitFor();
    const countdown = popup.locator('.bb-current .bb-countdown').first();
    expect(await countdown.locator('.bb-countdown-label').innerText()).toBe('Eat now');
    const next = popup.locator('.bb-next');
    for (const part of [verdict, countdown, next, checkIn]) {
      const box = await part.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + box!.height).toBeLessThanOrEqual(600);
    }
    // No stale task anywhere in the popup either.
    expect(await popup.getByText('Recovery snack', { exact: true }).count()).toBe(0);
    await b.screenshot(popup, 'popup-first-screen');
    expect(await axeViolations(popup)).toEqual([]);
    // The button takes the runner to the check-in, its first field focused.
    await checkIn.click();
    await expect.poll(() => popup.evaluate(() => document.activeElement?.id)).toBe('ci-sleepHours');
    await popup.close();
  });
});
