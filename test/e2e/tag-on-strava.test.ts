// Issue 21's "Also tag it on Strava" in a real Chromium: ticking it asks Strava (the simulator's
// approval window) for activity:write in a second authorization. Refused, the option stays off and
// corrections stay in Bounceback; granted, a correction in the panel also sets the run's
// workout_type on Strava, and an undo puts Strava's own tag back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../strava-sim/server';
import { type ExtensionBrowser, launchBrowser } from './browser';
import { connectThroughOptions } from './connect';
import { panelFrame, panelState } from './panel-frame';

describe('also tag my corrections on Strava', () => {
  let sim: Simulator;
  let b: ExtensionBrowser;
  let options: Page;
  let run: number;
  const workoutType = () => sim.state.activities.get(run)?.detail.workout_type ?? 0;

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed: 21 });
    run = sim.finishRun({ kind: 'intervals', name: 'Hill repeats' }).id;
    sim.editActivity({ id: run, workout_type: 0 });
    b = await launchBrowser({ simPort: sim.port });
    options = await connectThroughOptions(b);
    await options.getByText(/Connected as/).waitFor({ timeout: 20_000 });
  });
  afterAll(async () => {
    await b?.close();
    await sim?.stop();
  });

  async function tick(decision: 'Authorize' | 'Cancel') {
    const box = options.getByLabel('Also tag my corrections on Strava');
    const approval = b.context.waitForEvent('page');
    await box.click();
    const win = await approval;
    await win.waitForLoadState();
    // Strava's page lists the edit permission, which the runner may decline.
    expect(await win.getByText('Upload activities and edit them').count()).toBe(1);
    await win.getByRole('button', { name: decision }).click();
    const status = options.locator('.tag-on-strava [role="status"]');
    await status.waitFor({ timeout: 10_000 });
    return status.innerText();
  }

  async function correct(kind: string) {
    const page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${run}`);
    await expect.poll(() => panelState(page), { timeout: 15_000 }).toBe('ready');
    const panel = panelFrame(page);
    const open = panel.getByRole('button', { name: /Not right\?|Change what you said/ });
    await open.click();
    await panel.getByRole('button', { name: kind, exact: true }).click();
    await expect
      .poll(() => panel.locator('.bb-chip').first().innerText(), { timeout: 10_000 })
      .toMatch(new RegExp(`${kind}\\s*you said`));
    return page;
  }

  it('refused: the option stays off, says why, and a correction stays in Bounceback', async () => {
    const message = await tick('Cancel');
    expect(message).toMatch(/Strava/);
    await expect
      .poll(() => options.getByLabel('Also tag my corrections on Strava').isChecked())
      .toBe(false);
    const page = await correct('Long run');
    expect(workoutType()).toBe(0);
    await page.close();
  });

  it('granted: a correction sets the workout type on Strava, and an undo puts it back', async () => {
    await options.reload();
    await tick('Authorize');
    await expect
      .poll(() => options.getByLabel('Also tag my corrections on Strava').isChecked())
      .toBe(true);
    const page = await correct('Race');
    await expect.poll(workoutType, { timeout: 10_000 }).toBe(1);
    const panel = panelFrame(page);
    await panel.getByRole('button', { name: 'Change what you said' }).click();
    await panel.getByRole('button', { name: 'Undo: let Bounceback decide' }).click();
    await expect.poll(workoutType, { timeout: 10_000 }).toBe(0);
    await page.close();
  });
});
