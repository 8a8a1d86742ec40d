// What the views show, read once per refresh: the badge's input, the popup's state (also stored
// as its first-frame snapshot) and one activity page's panel state, all from the same reads.
import { browser } from 'wxt/browser';
import type { PanelState, PopupState } from '../messaging/views';
import { isRun, summaryOf } from '../model/activity';
import type { CheckIn } from '../model/check-in';
import type { RunView } from '../model/run-view';
import type { StoredRun } from '../model/stored-run';
import type { WeighIn } from '../model/weigh-in';
import { localDateKey } from '../recovery/local-date';
import { dailyVerdicts, isBeginner } from '../recovery/verdict';
import { writePlanSnapshot } from '../store/plan-snapshot';
import { syncStatusItem } from '../store/sync-items';
import { BACKFILL_MS } from '../sync/sync-once';
import { DAY_MS } from '../time';
import { ALARMS } from './alarm-names';
import { type BadgeInput, badgeFor, badgeTicks, paintBadge } from './badge';
import type { AppContext } from './context';
import { readProfile } from './profile';

/** Everything views need beside the runs. */
interface Entries {
  done: Map<number, string[]>;
  weighIns: Map<number, WeighIn>;
  checkIns: CheckIn[];
}

async function readEntries(ctx: AppContext): Promise<Entries> {
  const c = ctx.collections;
  const [progress, weighIns, checkIns] = await Promise.all([
    c.progress.all(),
    c.weighIns.all(),
    c.checkIns.all(),
  ]);
  return {
    done: new Map(progress.map(([k, v]) => [Number(k), v.done])),
    weighIns: new Map(weighIns.map(([k, v]) => [Number(k), v])),
    checkIns: checkIns.map(([, v]) => v),
  };
}

function toRunView(run: StoredRun, entries: Entries): RunView | null {
  if (!run.plan || !run.classification) return null;
  const runDay = localDateKey(run.plan.runEndedAt, run.plan.timeZone);
  return {
    activity: summaryOf(run.activity),
    classification: run.classification,
    plan: run.plan,
    done: entries.done.get(run.activity.id) ?? [],
    weighIn: entries.weighIns.get(run.activity.id),
    checkIns: entries.checkIns.filter((v) => v.date >= runDay),
    ...(run.runnerSays ? { runnerSays: run.runnerSays } : {}),
  };
}

/** One stored run as the views show it (null for activities without a plan). */
export async function runViewOf(ctx: AppContext, run: StoredRun): Promise<RunView | null> {
  return toRunView(run, await readEntries(ctx));
}

export interface Views {
  badge: BadgeInput;
  popup: PopupState;
}

export async function readViews(ctx: AppContext): Promise<Views> {
  const [connection, sync, profile, all, entries] = await Promise.all([
    ctx.strava.getConnection(),
    syncStatusItem.getValue(),
    readProfile(ctx),
    ctx.collections.runs.all(),
    readEntries(ctx),
  ]);
  const t = ctx.now();
  const planned = all.map(([, r]) => r).filter((r) => r.plan);
  const runs = planned
    .filter((r) => isRun(r.activity))
    .sort((a, b) => b.plan!.runEndedAt - a.plan!.runEndedAt);
  const recent = runs
    .slice(0, 10)
    .map((r) => toRunView(r, entries))
    .filter((v): v is RunView => v !== null);
  const current = recent.find((v) => v.plan.readyAt > t || v.plan.runEndedAt > t - DAY_MS) ?? null;
  const since = localDateKey(t - 14 * DAY_MS, ctx.timeZone());
  const checkIns = entries.checkIns
    .filter((v) => v.date >= since)
    .sort((a, b) => a.date.localeCompare(b.date));
  const verdict = dailyVerdicts(
    {
      plans: planned.map((r) => r.plan!),
      checkIns: entries.checkIns,
      restingHeartrate: profile.restingHeartrate,
      beginner: isBeginner(
        runs.map((r) => r.activity),
        t,
        t - BACKFILL_MS,
      ),
      timeZone: ctx.timeZone(),
    },
    t,
  );
  return {
    badge: {
      plans: planned.map((r) => ({ plan: r.plan!, done: entries.done.get(r.activity.id) ?? [] })),
      now: t,
      reconnectNeeded: connection.state === 'reconnect-needed',
    },
    popup: {
      connection: connection.state,
      athleteName: connection.athlete?.name ?? null,
      sync,
      current,
      recent,
      checkIns,
      timeZone: ctx.timeZone(),
      units: profile.units,
      verdict,
    },
  };
}

/** The badge and the popup's first frame follow every change of what they show. */
export async function refreshViews(ctx: AppContext): Promise<PopupState> {
  const { badge: input, popup } = await readViews(ctx);
  const badge = badgeFor(input);
  await paintBadge(badge);
  // Tick once a minute only while something counts down.
  if (badgeTicks(badge)) await browser.alarms.create(ALARMS.badge, { periodInMinutes: 1 });
  else await browser.alarms.clear(ALARMS.badge);
  const { connection, sync, current, timeZone, units, verdict } = popup;
  await writePlanSnapshot({ connection, sync, current, timeZone, units, verdict });
  return popup;
}

/**
 * The panel's state for one activity page, or null when the runner's own activity is unknown
 * here (the caller decides how to look for it).
 */
export async function readPanel(
  ctx: AppContext,
  activityId: number,
  own: boolean,
): Promise<PanelState | null> {
  const connection = await ctx.strava.getConnection();
  if (connection.state === 'disconnected') return { state: 'not-connected' };
  if (connection.state === 'reconnect-needed') return { state: 'reconnect-needed' };
  const run = await ctx.collections.runs.get(activityId);
  if (run) {
    if (!isRun(run.activity)) return { state: 'not-a-run', sportType: run.activity.sport_type };
    const view = await runViewOf(ctx, run);
    if (view) return { state: 'ready', run: view, verdict: (await readViews(ctx)).popup.verdict };
  }
  return own ? null : { state: 'not-own' };
}
