// The toolbar badge's "reconnect needed" mark. Other badge text (the refuel countdown) is left
// alone: the mark is cleared only if it is still ours.

import { browser } from 'wxt/browser';

export const RECONNECT_BADGE = '!';
const TITLE = 'Bounceback: reconnect Strava in the options';

function actionApi() {
  // MV3 `action`; Firefox's MV2 build has `browserAction`.
  return (
    browser.action ??
    (browser as unknown as { browserAction?: typeof browser.action }).browserAction
  );
}

export async function showReconnectBadge(needed: boolean): Promise<void> {
  const action = actionApi();
  if (!action) return;
  if (needed) {
    await action.setBadgeText({ text: RECONNECT_BADGE });
    await action.setBadgeBackgroundColor({ color: '#C62828' });
    await action.setTitle({ title: TITLE });
    return;
  }
  if ((await action.getBadgeText({})) === RECONNECT_BADGE) {
    await action.setBadgeText({ text: '' });
    await action.setTitle({ title: 'Bounceback' });
  }
}
