// Who sent a message. The framed panel is an extension page, but Strava's page put it there and
// chose its hash: it is trusted no more than a content script on its tab.
import { browser } from 'wxt/browser';
import { activityIdFrom } from '../strava-page';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { url?: string; id?: number } | object;
}

/** The panel's page in its frame on a tab. */
function isFramedPanel(sender: SenderInfo): boolean {
  return (
    sender.id === browser.runtime.id &&
    sender.tab !== undefined &&
    typeof sender.url === 'string' &&
    sender.url.startsWith(browser.runtime.getURL('/panel.html'))
  );
}

/** The pages of ours that may ask for everything; any other page of ours (the panel opened as a
 *  tab, a page added later) is refused until it is named here. */
const PAGES = ['/popup.html', '/options.html'] as const;

/** A page of this extension (options, popup), not the framed panel or another extension. */
export function isExtensionPage(sender: SenderInfo): boolean {
  if (sender.id !== browser.runtime.id || typeof sender.url !== 'string') return false;
  // Extension origins are opaque to URL (origin "null"): compare as text.
  const base = browser.runtime.getURL('/');
  if (!sender.url.startsWith(base)) return false;
  const path = `/${sender.url.slice(base.length).split(/[?#]/)[0]}`;
  return (PAGES as readonly string[]).includes(path) && !isFramedPanel(sender);
}

/** The framed panel's tab: which activity that tab shows (null for any other sender). */
export function framedPanelActivity(sender: SenderInfo): number | null {
  if (!isFramedPanel(sender)) return null;
  const url = (sender.tab as { url?: unknown }).url;
  return typeof url === 'string' ? activityIdFrom(url) : null;
}

/** The framed panel's tab id, whose look-ups share one allowance (null for any other sender). */
export function framedPanelTab(sender: SenderInfo): number | null {
  if (!isFramedPanel(sender)) return null;
  const id = (sender.tab as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) ? id : null;
}
