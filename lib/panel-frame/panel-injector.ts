// Chromium's build declares no content script: one declared for Strava's activity pages runs just
// before a quick page's `load` and delays it, and any script in an isolated world makes Chromium
// re-create that world for every later document in the tab, slowing every later load. Instead,
// once an activity tab has loaded (or moved to an activity in-page), the worker runs
// mountPanelFrame in the page's main world: it places an iframe of the panel page and keeps it
// placed. (Firefox's build keeps a declared content script that calls the same function.)
import { browser } from 'wxt/browser';
import { isActivityPage } from '../strava-page';
import { mountPanelFrame } from './mount-panel-frame';
import { PANEL_MATCHES, PANEL_PAGE, panelFrameConfig } from './panel-frame-config';

interface TabState {
  status?: string;
  url?: string;
}

/** A tab event after which the tab shows a loaded activity page: a full load, or an in-page move. */
export function loadedActivityPage(change: TabState, tab: TabState): boolean {
  const loaded =
    change.status === 'complete' || (change.url !== undefined && tab.status === 'complete');
  return loaded && tab.url !== undefined && isActivityPage(tab.url);
}

export function registerPanelInjector(): void {
  const place = (tabId: number, replace: boolean) =>
    browser.scripting
      .executeScript({
        target: { tabId },
        world: 'MAIN',
        func: mountPanelFrame,
        args: [panelFrameConfig(browser.runtime.getURL(PANEL_PAGE), replace)],
      })
      // The tab closed, moved on or shows an error page: its next load tries again.
      .catch(() => undefined);
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (loadedActivityPage(change, tab)) void place(tabId, false);
  });
  // Activity tabs already open when the extension is installed get a panel; an update replaces
  // the old copy's (its page is gone). Not on every worker start: a wake would query every tab.
  const placeOpen = (replace: boolean) =>
    void browser.tabs
      .query({ url: PANEL_MATCHES })
      .then((tabs) => {
        for (const tab of tabs) {
          if (tab.id !== undefined && loadedActivityPage({ status: tab.status }, tab))
            void place(tab.id, replace);
        }
      })
      .catch(() => undefined);
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') placeOpen(reason === 'update');
  });
}
