import type { Frame, FrameLocator, Page } from 'playwright-core';

/** The panel's own page, in its frame on Strava's page (lib/panel-frame/mount-panel-frame). */
export function panelFrame(page: Page): FrameLocator {
  return page.frameLocator('bounceback-panel iframe');
}

/** The same frame as a Frame, for evaluating in it (axe-core). */
export async function panelFrameHandle(page: Page): Promise<Frame> {
  const frame = await (
    await page.locator('bounceback-panel iframe').elementHandle()
  )?.contentFrame();
  if (!frame) throw new Error('no panel frame on the page');
  return frame;
}

/** The panel's state as it marks it (loading, ready, syncing…). */
export const panelState = (page: Page) =>
  panelFrame(page).locator('section[data-state]').first().getAttribute('data-state');
