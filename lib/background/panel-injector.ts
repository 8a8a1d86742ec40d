// Chromium runs a content script declared in the manifest just before a quick page's `load`
// event and so delays it (by about 15% on the simulator's activity page, even for an empty
// script). The Chromium build declares none: the worker injects the panel's script once an
// activity tab has loaded, and after an in-page move to an activity. (Firefox's build keeps the
// declaration and does not call this.)
import { browser } from 'wxt/browser';
import { PANEL_SCRIPT } from '../content/panel-script';
import { isActivityPage } from '../strava-page';

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

/** Runs in the page's isolated world: whether a live copy of the panel's script is there. */
function panelIsLive(flag: string): boolean {
  const live = (globalThis as Record<string, unknown>)[flag];
  return typeof live === 'function' && live() === true;
}

export function registerPanelInjector(): void {
  const busy = new Set<number>();
  const inject = async (tabId: number) => {
    // An injection under way covers later events: the script follows in-page moves itself.
    if (busy.has(tabId)) return;
    busy.add(tabId);
    try {
      const [probe] = await browser.scripting.executeScript({
        target: { tabId },
        func: panelIsLive,
        args: [PANEL_SCRIPT.liveFlag],
      });
      if (probe?.result !== true) {
        await browser.scripting.executeScript({ target: { tabId }, files: [PANEL_SCRIPT.file] });
      }
    } catch {
      // The tab closed, moved on or shows an error page: its next load tries again.
    } finally {
      busy.delete(tabId);
    }
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (loadedActivityPage(change, tab)) void inject(tabId);
  });
  // Activity tabs already open when the worker starts: after an install, an update or a
  // re-enable nothing else would bring them a panel (a live copy is left alone).
  void browser.tabs
    .query({ url: PANEL_SCRIPT.matches })
    .then((tabs) => {
      for (const tab of tabs) {
        if (tab.id !== undefined && loadedActivityPage({ status: tab.status }, tab))
          void inject(tab.id);
      }
    })
    .catch(() => undefined);
}
