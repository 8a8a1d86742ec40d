// The background's product jobs put together over one context: sync, views, the runner's entries,
// alarms. Each job lives in its own file; this is what the handlers and the entrypoint call.

import type { RunnerSaysRequest } from '../messaging/payloads';
import type { PanelState } from '../messaging/views';
import type { CheckIn } from '../model/check-in';
import type { RunnerTagKind } from '../model/runner-tag';
import type { WeighIn } from '../model/weigh-in';
import { drainOutbox } from '../sync/sync-once';
import { onAlarm, scheduleAlarms } from './alarms';
import { type AppServiceOptions, appContext } from './context';
import { createEventFollower } from './event-follower';
import { announcer } from './notifications';
import { panelLookUp } from './panel-look-up';
import { readProfile } from './profile';
import { replanRecent } from './replan';
import {
  markStepDone,
  saveCheckIn,
  saveWeighIn,
  setRunKind,
  setRunnerSays,
} from './runner-entries';
import { createSyncRunner } from './sync-runner';
import { readPanel, readViews, refreshViews } from './views';

export function createAppService(opts: AppServiceOptions) {
  const ctx = appContext(opts);
  const syncNow = createSyncRunner(ctx);
  const followEvents = createEventFollower(ctx, syncNow);
  const schedule = () => scheduleAlarms(ctx);
  const refresh = async () => {
    await refreshViews(ctx);
  };
  return {
    collections: ctx.collections,
    profile: () => readProfile(ctx),
    syncNow,
    refreshViews: refresh,
    scheduleAlarms: schedule,

    /** Imported or deleted data: plans, the badge and the alarms follow. */
    async afterDataChange(): Promise<void> {
      await replanRecent(ctx);
      await refreshViews(ctx);
      await schedule();
    },

    /** `tabId`: the framed panel's tab, whose look-ups share one allowance. */
    async panelState(activityId: number, own: boolean, tabId: number | null): Promise<PanelState> {
      return (await readPanel(ctx, activityId, own)) ?? panelLookUp(ctx, activityId, tabId);
    },

    /** Announces stored runs whose announcement a stopped worker never made. */
    drainOutbox: async () => {
      await drainOutbox({ collections: ctx.collections, now: ctx.now, ...announcer(ctx) });
    },

    popupState: async () => (await readViews(ctx)).popup,
    checkIn: (entry: CheckIn) => saveCheckIn(ctx, entry),
    markStepDone: (activityId: number, stepId: string, done: boolean) =>
      markStepDone(ctx, activityId, stepId, done),
    setRunKind: (activityId: number, kind: RunnerTagKind | null) =>
      setRunKind(ctx, activityId, kind),
    setRunnerSays: (req: RunnerSaysRequest) => setRunnerSays(ctx, req),
    saveWeighIn: (w: WeighIn) => saveWeighIn(ctx, w),
    onAlarm: (name: string) => onAlarm(ctx, { syncNow, followEvents }, name),
  };
}

export type AppService = ReturnType<typeof createAppService>;
