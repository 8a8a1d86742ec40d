// What the background hands to the views: the panel's state for one activity page and the
// popup's state. Only what they show: never tokens, never the raw Strava payload.
import { z } from 'zod/mini';
import { CheckInSchema } from '../model/check-in';
import { TokenStateSchema } from '../model/connection';
import { timeZone } from '../model/fields';
import { UnitsSchema } from '../model/profile';
import { type RunView, RunViewSchema } from '../model/run-view';
import { type SyncStatus, SyncStatusSchema } from '../model/sync-status';
import { type DailyVerdicts, DailyVerdictsSchema } from '../model/verdict';

/** What the panel's direct look-up of an unknown own activity found, in words. */
export interface LookUpNote {
  outcome: 'not-found' | 'not-own' | 'throttled' | 'paused' | 'failed';
  message: string;
  /** When a new look-up may be asked for; null when asking again would not help. */
  retryAt: number | null;
}

/** What the panel gets for one activity page. */
export type PanelState =
  | { state: 'not-connected' }
  | { state: 'reconnect-needed' }
  | { state: 'not-own' }
  | { state: 'not-a-run'; sportType: string }
  | { state: 'syncing'; sync: SyncStatus }
  | { state: 'unknown'; sync: SyncStatus; lookUp?: LookUpNote }
  | { state: 'ready'; run: RunView; verdict?: DailyVerdicts };

const popupShape = {
  connection: TokenStateSchema,
  athleteName: z.nullable(z.string()),
  sync: SyncStatusSchema,
  /** The plan that still counts down (or ended in the last day), newest first. */
  current: z.nullable(RunViewSchema),
  recent: z.array(RunViewSchema),
  checkIns: z.array(CheckInSchema),
  timeZone: timeZone(),
  units: UnitsSchema,
  /** Can I go hard today: what the popup shows first. */
  verdict: z.optional(DailyVerdictsSchema),
};

/** Everything the popup shows. */
const PopupStateSchema = z.object(popupShape);
export type PopupState = z.output<typeof PopupStateSchema>;

/**
 * The popup's first frame, kept by the background beside the badge: the connection and the
 * running plan, so the popup paints its timers before the worker (often asleep) answers.
 */
export const PlanSnapshotSchema = z.pick(PopupStateSchema, {
  connection: true,
  sync: true,
  current: true,
  timeZone: true,
  units: true,
  verdict: true,
});
export type PlanSnapshot = z.output<typeof PlanSnapshotSchema>;
