// The worker's clock: which alarms run, and what each does when it fires (the worker may have
// been stopped in between, so every alarm starts from storage).
import { browser } from 'wxt/browser';
import { addDays, localDateKey, localInstant } from '../recovery/local-date';
import { readSettings } from '../store/settings-item';
import { DAY_MS } from '../time';
import { ALARMS } from './alarm-names';
import type { AppContext } from './context';
import type { FollowEvents } from './event-follower';
import { remindCheckIn, warnRefuelClosing } from './notifications';
import type { SyncNow } from './sync-runner';
import { refreshViews } from './views';

/** The event poll's period: cheap at the broker, and no Strava request unless an event came. */
const EVENTS_EVERY_MIN = 1;

export async function scheduleAlarms(ctx: AppContext): Promise<void> {
  const settings = await readSettings();
  if (ctx.strava.hosted && (await ctx.strava.tokens.mode()) === 'hosted') {
    await browser.alarms.clear(ALARMS.sync);
    await browser.alarms.create(ALARMS.events, { periodInMinutes: EVENTS_EVERY_MIN });
  } else {
    await browser.alarms.clear(ALARMS.events);
    await browser.alarms.create(ALARMS.sync, { periodInMinutes: settings.pollMinutes });
  }
  await scheduleMorning(ctx);
}

async function scheduleMorning(ctx: AppContext): Promise<void> {
  const settings = await readSettings();
  if (settings.notifications.morningReminder) {
    const [h, m] = settings.notifications.morningTime.split(':').map(Number);
    await browser.alarms.create(ALARMS.morning, {
      when: nextLocalTime(ctx.now(), (h ?? 7) * 60 + (m ?? 30), ctx.timeZone()),
    });
  } else await browser.alarms.clear(ALARMS.morning);
}

/**
 * The next instant the wall clock reads `minutes` past midnight in `zone`. One alarm at a time,
 * set again after each: a 24-hour period would drift an hour at every DST change.
 */
export function nextLocalTime(now: number, minutes: number, zone: string): number {
  const today = localDateKey(now, zone);
  for (let d = 0; d < 3; d++) {
    const at = localInstant(addDays(today, d), minutes, zone);
    if (at > now) return at;
  }
  return now + DAY_MS;
}

export async function onAlarm(
  ctx: AppContext,
  jobs: { syncNow: SyncNow; followEvents: FollowEvents },
  name: string,
): Promise<void> {
  if (name === ALARMS.sync) await jobs.syncNow(false);
  else if (name === ALARMS.events) await jobs.followEvents();
  else if (name === ALARMS.badge) await refreshViews(ctx);
  else if (name === ALARMS.morning) {
    await remindCheckIn(ctx);
    await scheduleMorning(ctx);
  } else if (name.startsWith(ALARMS.refuelWarningPrefix)) {
    await warnRefuelClosing(ctx, Number(name.slice(ALARMS.refuelWarningPrefix.length)));
  }
}
