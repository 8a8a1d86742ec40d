// The background's product logic behind the messages and alarms: sync on demand and on schedule,
// what the panel and popup show, check-ins and ticks (which rebuild the plans they affect), the
// badge and the notifications. Strava access comes from StravaService; storage from Collections.
import { browser } from 'wxt/browser';
import { endOf, isRun } from '../activity';
import type { CheckIn, WeighIn } from '../check-in';
import type { Profile } from '../profile';
import { localDateKey } from '../recovery/local-date';
import type { PanelState, RunView, SyncStatus } from '../run-view';
import type { Collections, StoredRun } from '../store/collections';
import { writePlanSnapshot } from '../store/plan-snapshot';
import { readSettings } from '../store/settings-item';
import { cursorItem, syncStatusItem } from '../store/sync-items';
import { isStravaError, StravaError } from '../strava/errors';
import { classifyAndPlan } from '../sync/plan-run';
import { stravaSource } from '../sync/strava-source';
import { syncOnce } from '../sync/sync-once';
import type { SyncSource } from '../sync/sync-source';
import { badgeFor, badgeTicks } from './badge-for';
import type { StravaService } from './strava-service';

const DAY = 86_400_000;
/** Check-ins move readiness for up to four days after a run. */
const REPLAN_WITHIN = 5 * DAY;
const KIND_LABEL = {
  easy: 'Easy run',
  workout: 'Workout',
  long: 'Long run',
  race: 'Race',
} as const;

export interface AppServiceOptions {
  strava: StravaService;
  collections: Collections;
  now?: () => number;
  source?: SyncSource;
  timeZone?: () => string;
}

export interface PopupState {
  connection: 'connected' | 'disconnected' | 'reconnect-needed';
  athleteName: string | null;
  sync: SyncStatus;
  current: RunView | null;
  recent: RunView[];
  checkIns: CheckIn[];
  timeZone: string;
  units: Profile['units'];
}

function actionApi() {
  return (
    browser.action ??
    (browser as unknown as { browserAction?: typeof browser.action }).browserAction
  );
}

export function createAppService(opts: AppServiceOptions) {
  const now = opts.now ?? (() => Date.now());
  const timeZone = opts.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const c = opts.collections;
  const source = () => opts.source ?? stravaSource(opts.strava.client);

  async function profile(): Promise<Profile> {
    const [settings, connection] = await Promise.all([readSettings(), opts.strava.getConnection()]);
    return {
      units: settings.profile.units ?? connection.athlete?.units ?? 'metric',
      trainingPhase: settings.profile.trainingPhase,
      weightKg: settings.profile.weightKg,
      age: settings.profile.age,
      timeZone: timeZone(),
    };
  }

  interface ViewContext {
    done: Map<number, string[]>;
    weighIns: Map<number, WeighIn>;
    checkIns: CheckIn[];
  }

  /** Everything views need beside the runs, read once per request. */
  async function viewContext(): Promise<ViewContext> {
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

  function toRunView(run: StoredRun, ctx: ViewContext): RunView | null {
    if (!run.plan || !run.classification) return null;
    const runDay = localDateKey(run.plan.runEndedAt, run.plan.timeZone);
    const { activity: a } = run;
    return {
      activity: {
        id: a.id,
        name: a.name,
        sport_type: a.sport_type,
        start_date: a.start_date,
        start_date_local: a.start_date_local,
        distance: a.distance,
        moving_time: a.moving_time,
        elapsed_time: a.elapsed_time,
        total_elevation_gain: a.total_elevation_gain,
      },
      classification: run.classification,
      plan: run.plan,
      done: ctx.done.get(a.id) ?? [],
      weighIn: ctx.weighIns.get(a.id),
      checkIns: ctx.checkIns.filter((v) => v.date >= runDay),
    };
  }

  async function runView(run: StoredRun): Promise<RunView | null> {
    return toRunView(run, await viewContext());
  }

  async function newRun(run: StoredRun): Promise<void> {
    const settings = await readSettings();
    const p = run.plan;
    if (!p) return;
    const refuel = p.timers.find((t) => t.id === 'refuel');
    const t = now();
    if (settings.notifications.refuelClosing && refuel && refuel.endsAt - 10 * 60_000 > t) {
      await browser.alarms.create(`refuel-warning:${run.activity.id}`, {
        when: refuel.endsAt - 10 * 60_000,
      });
    }
    if (!settings.notifications.classified || endOf(run.activity) < t - 6 * 3600_000) return;
    const label = KIND_LABEL[p.kind];
    const hours = Math.round((p.readyAt - t) / 3600_000);
    const next =
      refuel && refuel.endsAt > t
        ? 'refuel within 30 min'
        : `ready for a hard session in ${hours} h`;
    await notify(`run:${run.activity.id}`, `${label} · ${next}`, run.activity.name);
  }

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

  let running: Promise<SyncStatus> | null = null;
  async function doSync(urgent: boolean): Promise<SyncStatus> {
    const connection = await opts.strava.getConnection();
    const before = await syncStatusItem.getValue();
    if (connection.state !== 'connected') return before;
    await syncStatusItem.setValue({ ...before, phase: 'syncing' });
    let status: SyncStatus;
    try {
      await opts.strava.ready;
      await syncOnce(
        {
          source: source(),
          collections: c,
          cursor: { get: () => cursorItem.getValue(), set: (v) => cursorItem.setValue(v) },
          profile,
          now,
          onNewRun: newRun,
        },
        { urgent },
      );
      status = { phase: 'idle', lastSyncAt: now(), lastError: null, pausedUntil: null };
    } catch (error) {
      const info =
        error instanceof StravaError
          ? error.info()
          : { kind: 'failed', message: 'Sync failed unexpectedly; it will try again shortly.' };
      status = {
        phase: 'idle',
        lastSyncAt: before.lastSyncAt,
        lastError: { kind: info.kind, message: info.message },
        pausedUntil: isStravaError(error, 'rate-limited') ? error.detail.until : null,
      };
    }
    await syncStatusItem.setValue(status);
    await refreshViews();
    return status;
  }

  /** One sync at a time; callers during a sync share its outcome. */
  function syncNow(urgent = false): Promise<SyncStatus> {
    running ??= doSync(urgent).finally(() => {
      running = null;
    });
    return running;
  }

  async function runsWithProgress() {
    const runs = (await c.runs.all()).map(([, r]) => r);
    const progress = new Map((await c.progress.all()).map(([k, v]) => [Number(k), v.done]));
    return runs
      .filter((r) => r.plan)
      .map((r) => ({ run: r, plan: r.plan!, done: progress.get(r.activity.id) ?? [] }));
  }

  async function refreshBadge(): Promise<void> {
    const connection = await opts.strava.getConnection();
    const badge = badgeFor({
      plans: await runsWithProgress(),
      now: now(),
      reconnectNeeded: connection.state === 'reconnect-needed',
    });
    const action = actionApi();
    if (action) {
      await action.setBadgeText({ text: badge.text });
      await action.setBadgeBackgroundColor({ color: badge.color });
      await action.setTitle({ title: badge.title });
    }
    // Tick once a minute only while something counts down.
    if (badgeTicks(badge)) await browser.alarms.create('badge', { periodInMinutes: 1 });
    else await browser.alarms.clear('badge');
  }

  async function popupState(): Promise<PopupState> {
    const [connection, sync, prof] = await Promise.all([
      opts.strava.getConnection(),
      syncStatusItem.getValue(),
      profile(),
    ]);
    const [all, ctx] = await Promise.all([c.runs.all(), viewContext()]);
    const runs = all
      .map(([, r]) => r)
      .filter((r) => r.plan && isRun(r.activity))
      .sort((a, b) => b.plan!.runEndedAt - a.plan!.runEndedAt);
    const views = runs
      .slice(0, 10)
      .map((r) => toRunView(r, ctx))
      .filter((v): v is RunView => v !== null);
    const t = now();
    const current = views.find((v) => v.plan.readyAt > t || v.plan.runEndedAt > t - DAY) ?? null;
    const since = localDateKey(t - 14 * DAY, timeZone());
    const checkIns = ctx.checkIns.filter((v) => v.date >= since);
    checkIns.sort((a, b) => a.date.localeCompare(b.date));
    return {
      connection: connection.state,
      athleteName: connection.athlete?.name ?? null,
      sync,
      current,
      recent: views,
      checkIns,
      timeZone: timeZone(),
      units: prof.units,
    };
  }

  /** The badge and the popup's first frame follow every change of what they show. */
  async function refreshViews(): Promise<void> {
    await refreshBadge();
    const { connection, sync, current, timeZone, units } = await popupState();
    await writePlanSnapshot({ connection, sync, current, timeZone, units });
  }

  async function replanRecent(): Promise<void> {
    const t = now();
    const [runs, checkIns, weighIns, prof] = await Promise.all([
      c.runs.all(),
      c.checkIns.all(),
      c.weighIns.all(),
      profile(),
    ]);
    const known = {
      runs: new Map(runs.map(([, r]) => [r.activity.id, r])),
      checkIns: checkIns.map(([, v]) => v),
      weighIns: weighIns.map(([, v]) => v),
      profile: prof,
    };
    const recent = [...known.runs.values()]
      .filter((r) => r.plan && r.plan.runEndedAt > t - REPLAN_WITHIN)
      .sort((a, b) => a.plan!.runEndedAt - b.plan!.runEndedAt);
    for (const r of recent) {
      const next = classifyAndPlan(r.activity, known, t, r.classification);
      const updated = { ...r, plan: next.plan };
      await c.runs.put(r.activity.id, updated);
      known.runs.set(r.activity.id, updated);
    }
  }

  async function latestRun(): Promise<StoredRun | null> {
    const runs = (await c.runs.all()).map(([, r]) => r).filter((r) => r.plan && isRun(r.activity));
    runs.sort((a, b) => b.plan!.runEndedAt - a.plan!.runEndedAt);
    return runs[0] ?? null;
  }

  return {
    collections: c,
    profile,
    syncNow,
    refreshBadge,
    refreshViews,

    /** Imported or deleted data: plans and the badge follow. */
    async afterDataChange(): Promise<void> {
      await replanRecent();
      await refreshViews();
      await this.scheduleAlarms();
    },

    async panelState(activityId: number, own: boolean): Promise<PanelState> {
      const connection = await opts.strava.getConnection();
      if (connection.state === 'disconnected') return { state: 'not-connected' };
      if (connection.state === 'reconnect-needed') return { state: 'reconnect-needed' };
      const run = await c.runs.get(activityId);
      if (run) {
        if (!isRun(run.activity)) return { state: 'not-a-run', sportType: run.activity.sport_type };
        const view = await runView(run);
        if (view) return { state: 'ready', run: view };
      }
      if (!own) return { state: 'not-own' };
      // The runner's own activity that we do not know yet: look now (sync is single-flight).
      void syncNow(true);
      return { state: 'syncing', sync: await syncStatusItem.getValue() };
    },

    popupState,

    /** Saves (replacing that day's entry) and reports what it did to the latest plan's readiness. */
    async checkIn(entry: CheckIn): Promise<{ changes: string[] }> {
      const before = await latestRun();
      await c.checkIns.put(entry.date, entry);
      await replanRecent();
      await refreshViews();
      if (!before?.plan) return { changes: [] };
      const after = await c.runs.get(before.activity.id);
      if (!after?.plan) return { changes: [] };
      const delta = Math.round(after.plan.readiness.hours - before.plan.readiness.hours);
      const added = after.plan.readiness.reasons.filter(
        (r) => !before.plan!.readiness.reasons.includes(r),
      );
      if (delta === 0 && added.length === 0) return { changes: ['readiness unchanged'] };
      const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
      const head = `readiness ${sign}${Math.abs(delta)} h`;
      return { changes: added.length ? added.map((r) => `${head}: ${r}`) : [head] };
    },

    async markStepDone(activityId: number, stepId: string, done: boolean): Promise<RunView | null> {
      const run = await c.runs.get(activityId);
      if (!run?.plan) return null;
      if (!run.plan.steps.some((s) => s.id === stepId)) return runView(run);
      const current = (await c.progress.get(activityId))?.done ?? [];
      const next = done ? [...new Set([...current, stepId])] : current.filter((s) => s !== stepId);
      await c.progress.put(activityId, { done: next, updatedAt: now() });
      await refreshViews();
      return runView(run);
    },

    async saveWeighIn(w: WeighIn): Promise<RunView | null> {
      const run = await c.runs.get(w.activityId);
      if (!run) return null;
      await c.weighIns.put(w.activityId, w);
      await replanRecent();
      await refreshViews();
      const after = await c.runs.get(w.activityId);
      return after ? runView(after) : null;
    },

    /** Alarms are the worker's clock: it may have been stopped in between. */
    async onAlarm(name: string): Promise<void> {
      if (name === 'sync') await syncNow(false);
      else if (name === 'badge') await refreshViews();
      else if (name.startsWith('refuel-warning:')) {
        const id = Number(name.split(':')[1]);
        const run = await c.runs.get(id);
        const done = (await c.progress.get(id))?.done ?? [];
        if (run?.plan && !done.includes('refuel-snack')) {
          await notify(`run:${id}`, 'Refuel window closes in 10 min', run.activity.name);
        }
      } else if (name === 'morning') {
        const settings = await readSettings();
        if (settings.notifications.morningReminder) {
          await notify(
            'checkin',
            'Good morning: how did you sleep?',
            'Two taps in Bounceback keep your readiness honest.',
          );
        }
      }
    },

    async scheduleAlarms(): Promise<void> {
      const settings = await readSettings();
      await browser.alarms.create('sync', { periodInMinutes: settings.pollMinutes });
      if (settings.notifications.morningReminder) {
        const [h, m] = settings.notifications.morningTime.split(':').map(Number);
        const next = new Date(now());
        next.setHours(h ?? 7, m ?? 30, 0, 0);
        if (next.getTime() <= now()) next.setDate(next.getDate() + 1);
        await browser.alarms.create('morning', { when: next.getTime(), periodInMinutes: 1440 });
      } else await browser.alarms.clear('morning');
    },
  };
}

export type AppService = ReturnType<typeof createAppService>;
