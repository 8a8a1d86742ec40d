import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { createAppService } from '../lib/background/app-service';
import { createHandlers } from '../lib/background/handlers';
import { createStravaService } from '../lib/background/strava-service';
import { registerHandlers } from '../lib/messaging/handler';
import { registerPanelInjector } from '../lib/panel-frame/panel-injector';
import { openCollections } from '../lib/store/collections';
import { connectionItem } from '../lib/store/connection';

export default defineBackground(() => {
  // zod must not compile validators with `Function` under the extension's CSP.
  z.config({ jitless: true });
  const strava = createStravaService();
  const app = createAppService({
    strava,
    collections: openCollections((q) => console.warn('Bounceback quarantined a record:', q.reason)),
  });
  // Listeners first and synchronously: a worker woken by an event must find them registered.
  registerHandlers(createHandlers(app, strava));
  // Chromium's build declares no content script (entrypoints/activity.content).
  if (!import.meta.env.FIREFOX) registerPanelInjector();
  browser.alarms.onAlarm.addListener((alarm) => void app.onAlarm(alarm.name));
  browser.notifications.onClicked.addListener((id) => {
    const activity = /^run:(\d+)$/.exec(id)?.[1];
    const url = activity
      ? `https://www.strava.com/activities/${activity}`
      : browser.runtime.getURL('/popup.html');
    void browser.tabs.create({ url });
    void browser.notifications.clear(id);
  });
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void app.scheduleAlarms();
    if (reason === 'install') void browser.runtime.openOptionsPage();
    void app.syncNow(false);
  });
  browser.runtime.onStartup.addListener(() => {
    void app.scheduleAlarms();
    void app.syncNow(false);
  });
  // A fresh connection backfills at once; a lost one shows on the badge.
  connectionItem.watch((now, before) => {
    // Hosted mode follows the broker's events; the runner's own app lists on a timer.
    if (now.mode !== before?.mode || now.state !== before?.state) void app.scheduleAlarms();
    if (now.state === 'connected' && before?.state !== 'connected') void app.syncNow(true);
    else void app.refreshViews();
  });
  void app.refreshViews();
  // A worker stopped between storing a run and announcing it announces it now.
  void app.drainOutbox();
});
