// The one typed message protocol between the framed panel, popup, options and the background.
// Every payload is validated and every sender checked in the background (lib/messaging/handler);
// every reply is a Result. Nothing here may carry a token or the secret.
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MergeReport } from '../data/merge-import';
import type { CheckIn } from '../model/check-in';
import type { Connection } from '../model/connection';
import type { RunView } from '../model/run-view';
import type { RunnerTagKind } from '../model/runner-tag';
import type { Settings } from '../model/settings';
import type { SyncStatus } from '../model/sync-status';
import type { WeighIn } from '../model/weigh-in';
import type { StravaErrorInfo } from '../strava/errors';
import type { ConnectRequest, RunnerSaysRequest } from './payloads';
import type { PanelState, PopupState } from './views';

/** A failure the UI can show as is. */
export type MessageError =
  | StravaErrorInfo
  | { kind: 'invalid-input'; message: string; field?: string }
  | { kind: 'forbidden'; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export interface DisconnectOutcome {
  connection: Connection;
  /** Set when Strava could not be told: the runner can remove the app at strava.com/settings/apps. */
  notice: string | null;
}

type ImportOutcome = { ok: true; report: MergeReport } | { ok: false; error: string };

export interface ProtocolMap {
  /** Connection status without secrets: any context of this extension, the framed panel included. */
  getConnection(): Result<Connection>;
  /** The redirect URL whose host is the Authorization Callback Domain (extension pages only). */
  getRedirectUrl(): Result<string>;
  /** Runs the OAuth flow with the runner's own app (extension pages only). */
  connect(data: ConnectRequest): Result<Connection>;
  /** One click through the project's token broker (hosted builds, extension pages only). */
  connectHosted(): Result<Connection>;
  /** Withdraws access at Strava and wipes tokens and secret (extension pages only). */
  disconnect(): Result<DisconnectOutcome>;

  /** The panel's view of one activity page (the framed panel of that tab, or extension pages). */
  getPanel(data: { activityId: number; own: boolean }): Result<PanelState>;
  /** Sync now (popup opened, "check now"); resolves when the pass ends. */
  syncNow(): Result<SyncStatus>;
  /** Tick or untick a plan step (panel or popup); the badge follows. */
  markStepDone(data: { activityId: number; stepId: string; done: boolean }): Result<RunView | null>;
  /** "Also tag it on Strava": on asks Strava for activity:write first (a second authorization). */
  setTagOnStrava(data: { on: boolean }): Result<{ on: boolean; message: string }>;
  /** The runner's correction of a run's kind; null takes it back. */
  setRunKind(data: { activityId: number; kind: RunnerTagKind | null }): Result<RunView | null>;
  /** The runner's answers about a run (next hard session, "it was hot"); it is replanned. */
  setRunnerSays(data: RunnerSaysRequest): Result<RunView | null>;
  /** Everything the popup shows (extension pages only). */
  getPopup(): Result<PopupState>;
  /** Save the day's check-in, replacing that date's entry (extension pages only). */
  checkIn(data: CheckIn): Result<{ changes: string[] }>;
  /** Body weight before and after a run (extension pages only). */
  saveWeighIn(data: WeighIn): Result<RunView | null>;
  /** Open the options page or the popup's check-in in a tab (the framed panel cannot). */
  openPage(data: { page: 'options' | 'check-in' }): Result<true>;
  /** Everything the runner has here as one JSON file's text (extension pages only). */
  exportData(): Result<{ json: string; skipped: { what: string; reason: string }[] }>;
  /** Import a file's text: validated, merged without duplicates, with a report. */
  importData(data: { text: string }): Result<ImportOutcome>;
  /** Forget every run, plan, check-in and setting (the connection is kept). */
  deleteEverything(): Result<true>;
  getSettings(): Result<Settings>;
  saveSettings(data: Settings): Result<Settings>;
}

export type MessageName = keyof ProtocolMap;

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<ProtocolMap>();
