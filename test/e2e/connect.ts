import type { Page } from 'playwright-core';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../strava-sim/app-config';
import { badge, type ExtensionBrowser, launchBrowser } from './browser';

/**
 * The runner's connect flow, as they do it: options page, their app's id and secret, "Connect
 * with Strava", Strava's approval window (the simulator's), Authorize. Returns the options page.
 */
export async function connectThroughOptions(
  b: ExtensionBrowser,
  opts: {
    decision?: 'Authorize' | 'Cancel';
    untick?: string[];
    /** Approved before in this simulator: Strava (approval_prompt=auto) shows no window. */
    approvedBefore?: boolean;
    /** A hosted build: one click, no app details to enter. */
    hosted?: boolean;
  } = {},
): Promise<Page> {
  const page = await b.newPage();
  await page.goto(`chrome-extension://${b.extensionId}/options.html`);
  if (!opts.hosted) {
    await page.getByLabel('Client ID').fill(DEFAULT_CLIENT_ID);
    await page.getByLabel('Client Secret').fill(DEFAULT_CLIENT_SECRET);
  }
  if (opts.approvedBefore) {
    await page.getByRole('button', { name: /Connect with Strava/i }).click();
    return page;
  }
  const approval = b.context.waitForEvent('page');
  await page.getByRole('button', { name: /Connect with Strava/i }).click();
  const win = await approval;
  await win.waitForLoadState();
  for (const label of opts.untick ?? []) await win.getByLabel(label).uncheck();
  await win.getByRole('button', { name: opts.decision ?? 'Authorize' }).click();
  return page;
}

/** Launches the production build, connects it and waits (up to 30 s) for the badge to match. */
export async function connectedBrowser(
  simPort: number,
  badgeText: RegExp,
): Promise<ExtensionBrowser> {
  const b = await launchBrowser({ simPort });
  const options = await connectThroughOptions(b);
  await options.getByText(/Connected as/).waitFor({ timeout: 20_000 });
  for (let i = 0; i < 120 && !badgeText.test(await badge(b)); i++) {
    await new Promise((r) => setTimeout(r, 250));
  }
  await options.close();
  return b;
}
