// The worker's clock: which alarms run, and what each does when it fires (the worker may have
// been stopped in between, so every alarm starts from storage).
import { browser } from 'wxt/browser';
import { readSettings } from '../store/settings-item';
import { ALARMS } from './alarm-names';
import type { AppContext } from './context';
import { remindCheckIn, warnRefuelClosing } from './notifications';
import type { SyncNow } from './sync-runner';
import { refreshViews } from './views';

export async function scheduleAlarms(ctx: AppContext): Promise<void> {
  const settings = await readSettings();
  await browser.alarms.create(ALARMS.sync, { periodInMinutes: settings.pollMinutes });
  if (settings.notifications.morningReminder) {
    const [h, m] = settings.notifications.morningTime.split(':').map(Number);
    const next = new Date(ctx.now());
    next.setHours(h ?? 7, m ?? 30, 0, 0);
    if (next.getTime() <= ctx.now()) next.setDate(next.getDate() + 1);
    await browser.alarms.create(ALARMS.morning, { when: next.getTime(), periodInMinutes: 1440 });
  } else await browser.alarms.clear(ALARMS.morning);
}

export async function onAlarm(ctx: AppContext, syncNow: SyncNow, name: string): Promise<void> {
  if (name === ALARMS.sync) await syncNow(false);
  else if (name === ALARMS.badge) await refreshViews(ctx);
  else if (name === ALARMS.morning) await remindCheckIn(ctx);
  else if (name.startsWith(ALARMS.refuelWarningPrefix)) {
    await warnRefuelClosing(ctx, Number(name.slice(ALARMS.refuelWarningPrefix.length)));
  }
}
