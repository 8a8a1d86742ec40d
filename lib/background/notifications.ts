// The worker's notifications: a new run's kind and next step, the refuel window closing, the
// morning check-in reminder. Each respects its setting; an OS that blocks notifications is fine.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { endOf } from '../model/activity';
import { runKindLabel } from '../model/run-kind';
import { refuelDone } from '../model/step-ids';
import type { StoredRun } from '../model/stored-run';
import { readSettings } from '../store/settings-item';
import { HOUR_MS, MINUTE_MS } from '../time';
import { verdictSentence } from '../ui/verdict-words';
import { refuelWarningAlarm } from './alarm-names';
import type { AppContext } from './context';
import { readViews } from './views';

/** The refuel warning comes this long before the window closes. */
const WARN_BEFORE_MS = 10 * MINUTE_MS;
/** Runs found later than this after they ended are stored quietly (a backfill, a late upload). */
const ANNOUNCE_WITHIN_MS = 6 * HOUR_MS;

async function notify(id: string, title: string, message: string): Promise<void> {
  try {
    await browser.notifications.create(id, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title,
      message,
    });
  } catch {
    // Notifications switched off at the OS level: the badge and popup still tell.
  }
}

/** Runs announced lately (id → when): the outbox's memory across worker restarts and re-fetches
 *  of a quarantined record, so a run is not announced twice. */
const announcedItem = storage.defineItem<Record<string, number>>('local:announcedRuns', {
  fallback: {},
});
const REMEMBER_MS = 8 * 24 * HOUR_MS;

async function remember(id: number, now: number): Promise<void> {
  // Pruned by age only: an entry "from the future" is one made before the clock was set back,
  // and forgetting it would announce that run again when it is stored anew (after "delete
  // everything", say). The cap bounds what a clock that was far ahead leaves behind.
  const kept = Object.entries(await announcedItem.getValue()).filter(
    ([, at]) => typeof at === 'number' && at > now - REMEMBER_MS,
  );
  await announcedItem.setValue(Object.fromEntries([...kept.slice(-499), [String(id), now]]));
}

/** What the sync pass's outbox calls: announce once, and know what was announced before. */
export function announcer(ctx: AppContext) {
  return {
    onNewRun: async (run: StoredRun) => {
      await announceRun(ctx, run);
      await remember(run.activity.id, ctx.now());
    },
    wasAnnounced: async (id: number) => {
      const seen = (await announcedItem.getValue())[String(id)];
      return typeof seen === 'number';
    },
  };
}

/** A run seen for the first time: warn before its refuel window closes, and say what it was. */
async function announceRun(ctx: AppContext, run: StoredRun): Promise<void> {
  const settings = await readSettings();
  const { plan: p, classification } = run;
  if (!p || !classification) return;
  const refuel = p.timers.find((t) => t.id === 'refuel');
  const t = ctx.now();
  if (settings.notifications.refuelClosing && refuel && refuel.endsAt - WARN_BEFORE_MS > t) {
    await browser.alarms.create(refuelWarningAlarm(run.activity.id), {
      when: refuel.endsAt - WARN_BEFORE_MS,
    });
  }
  if (!settings.notifications.classified || endOf(run.activity) < t - ANNOUNCE_WITHIN_MS) return;
  const hours = Math.round((p.readyAt - t) / HOUR_MS);
  const next =
    refuel && refuel.endsAt > t
      ? `eat within ${Math.ceil((refuel.endsAt - t) / MINUTE_MS)} min`
      : `ready for a hard session in ${hours} h`;
  await notify(
    `run:${run.activity.id}`,
    `${runKindLabel(classification)} · ${next}`,
    run.activity.name,
  );
}

/** The refuel alarm fired: warn unless the runner already ticked the refuel step. */
export async function warnRefuelClosing(ctx: AppContext, activityId: number): Promise<void> {
  const run = await ctx.collections.runs.get(activityId);
  const done = (await ctx.collections.progress.get(activityId))?.done ?? [];
  if (run?.plan && !refuelDone(done)) {
    await notify(`run:${activityId}`, 'Refuel window closes in 10 min', run.activity.name);
  }
}

/** The morning reminder leads with the day's verdict ("Today: easy running only, because …"). */
export async function remindCheckIn(ctx: AppContext): Promise<void> {
  const settings = await readSettings();
  if (!settings.notifications.morningReminder) return;
  const verdict = (await readViews(ctx)).popup.verdict?.now;
  const title = verdict ? verdictSentence(verdict) : 'Good morning: how did you sleep?';
  await notify('checkin', title, 'How did you sleep? A check-in moves today’s verdict.');
}
