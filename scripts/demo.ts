// npm run demo: the whole product in a minute, no Strava account needed. Builds the extension,
// starts the simulator (a generated athlete whose long run ended minutes ago), opens Chromium with
// the production build, connects through the real "Connect with Strava" flow and shows the
// activity page with the panel. With a display it stays open until you close the window;
// without one it writes screenshots to demo-output/ and prints what the runner would see.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { runKindLabel } from '../lib/model/run-kind';
import type { StoredRun } from '../lib/model/stored-run';
import { MINUTE_MS } from '../lib/time';
import { type ExtensionBrowser, launchBrowser } from '../test/e2e/browser';
import { chromiumPath, NO_CHROMIUM } from '../test/e2e/chromium-path';
import { connectThroughOptions } from '../test/e2e/connect';
import { panelFrame } from '../test/e2e/panel-frame';
import { readExtensionRecord } from '../test/e2e/read-extension-db';
import { type Simulator, startSimulator } from '../test/strava-sim/server';

const OUT = resolve('demo-output');
const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 0;

function fail(line: string): never {
  console.error(`demo: ${line}`);
  process.exit(1);
}

const fmtTime = (ms: number) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(ms);

async function badgeText(b: ExtensionBrowser): Promise<string> {
  return b.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );
}

async function main(): Promise<void> {
  if (!chromiumPath()) fail(NO_CHROMIUM);
  console.log('demo: building the extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });

  let sim: Simulator;
  try {
    sim = await startSimulator({ port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE')
      fail(`port ${port} is taken: pick another with --port N, or leave it out.`);
    throw e;
  }
  const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');
  let b: ExtensionBrowser | undefined;
  const stop = async () => {
    await b?.close().catch(() => undefined);
    await sim.stop();
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    try {
      b = await launchBrowser({ simPort: sim.port, headless: !headed });
    } catch (e) {
      if (!headed) throw e;
      console.log('demo: no window could be opened; running headless instead.');
      b = await launchBrowser({ simPort: sim.port, headless: true });
    }
    console.log(`demo: Strava simulator at ${sim.origin} (reached as www.strava.com)`);
    const options = await connectThroughOptions(b);
    await options.getByText(/Connected as/).waitFor({ timeout: 20_000 });

    const newest = sim.state.sortedActivities().find((a) => a.detail.sport_type.endsWith('Run'))!;
    const id = newest.detail.id;
    let run: StoredRun | undefined;
    for (let i = 0; i < 60 && !run?.plan; i++) {
      run = await readExtensionRecord<StoredRun>(b.worker, 'bounceback-runs', id);
      if (!run?.plan) await new Promise((r) => setTimeout(r, 250));
    }
    if (!run?.plan || !run.classification)
      fail('the first sync did not produce a plan (see the simulator log above).');

    const page: Page = await b.newPage();
    await page.goto(`https://www.strava.com/activities/${id}`);
    await panelFrame(page).locator('[data-state="ready"]').waitFor({ timeout: 15_000 });
    await page.locator('bounceback-panel').waitFor({ state: 'visible' });
    await page.waitForTimeout(800);

    if (headed) {
      await options.close();
      console.log(
        'demo: the activity page is open with the panel; the badge counts down. Close the window to end.',
      );
      await new Promise<void>((r) => b!.context.once('close', () => r()));
      return;
    }

    mkdirSync(OUT, { recursive: true });
    const shots: string[] = [];
    const shoot = async (p: Page, name: string) => {
      const path = join(OUT, `${name}.png`);
      // A viewport as tall as the page: Chromium paints a cross-process frame (the panel) only
      // where the viewport shows it, which a full-page capture does not wait for.
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      const size = p.viewportSize();
      if (size) await p.setViewportSize({ width: size.width, height });
      await p.waitForTimeout(300);
      await p.screenshot({ path, fullPage: true });
      shots.push(path);
    };
    await shoot(page, 'activity-page');
    const popup = await b.newPage();
    await popup.setViewportSize({ width: 400, height: 700 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await popup.waitForTimeout(1200);
    await shoot(popup, 'popup');
    await options.reload();
    await options.waitForTimeout(800);
    await shoot(options, 'options');

    const p = run.plan;
    const now = Date.now();
    const refuel = p.timers.find((t) => t.id === 'refuel');
    const refuelLeft =
      refuel && refuel.endsAt > now
        ? `${Math.ceil((refuel.endsAt - now) / MINUTE_MS)} min left in the refuel window`
        : 'no refuel window running';
    const kind = runKindLabel(run.classification).toLowerCase();
    console.log('');
    for (const s of shots) console.log(`screenshot: ${s}`);
    console.log(`badge: ${(await badgeText(b)) || '(empty)'}`);
    console.log('');
    console.log(
      `"${run.activity.name}" was a ${kind} (${run.classification.source === 'strava-tag' ? 'tagged on Strava' : 'detected'}): ` +
        `${run.classification.reasons.join('; ')}. ${refuelLeft[0]!.toUpperCase()}${refuelLeft.slice(1)}; ` +
        `ready for the next hard session around ${fmtTime(p.readyAt)} (${Math.round(p.readiness.hours)} h after the run). ${p.notice}`,
    );
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(`demo: ${(e as Error).message}`);
  process.exit(1);
});
