// The one typed message protocol between content script, popup, options and the background.
// Payloads are validated with zod in the background (lib/messages-schemas.ts), which also checks
// who sent them. Add new messages to ProtocolMap; nothing here may carry a token or the secret.

import { defineExtensionMessaging } from '@webext-core/messaging';
import type { PopupState } from './background/app-service';
import type { CheckIn, WeighIn } from './check-in';
import type { MergeReport } from './data/merge-import';
import type { PanelState, RunView, SyncStatus } from './run-view';
import type { Settings } from './settings';
import type { Connection } from './store/connection';
import type { StravaErrorInfo } from './strava/errors';
import type { BudgetSnapshot, WindowView } from './strava/rate-budget';

/** A failure the UI can show as is. */
export type MessageError =
  | StravaErrorInfo
  | { kind: 'invalid-input'; message: string; field?: string }
  | { kind: 'forbidden'; message: string };

export type Result<T> = { ok: true; value: T } | { ok: false; error: MessageError };

export interface ConnectRequest {
  /** Digits, from strava.com/settings/api. */
  clientId: string;
  /**
   * 40 hex characters, from strava.com/settings/api. May be left out to reuse the secret saved
   * for the same client id (reconnecting after "reconnect needed").
   */
  clientSecret?: string;
}

export interface DisconnectOutcome {
  connection: Connection;
  /** Set when Strava could not be told: the runner can remove the app at strava.com/settings/apps. */
  notice: string | null;
}

export interface BudgetView {
  snapshot: BudgetSnapshot;
  windows: WindowView[];
  /** Background syncs wait until then (epoch ms), or null. */
  heldUntil: number | null;
  /** After a 429 nothing goes out until then (epoch ms), or null. */
  pausedUntil: number | null;
}

export type ImportOutcome = { ok: true; report: MergeReport } | { ok: false; error: string };

export interface ProtocolMap {
  /** Connection status without secrets: any extension context, content scripts included. */
  getConnection(): Connection;
  /** The redirect URL whose host is the Authorization Callback Domain (extension pages only). */
  getRedirectUrl(): string;
  /** Runs the OAuth flow with the runner's own app (extension pages only). */
  connect(data: ConnectRequest): Result<Connection>;
  /** Withdraws access at Strava and wipes tokens and secret (extension pages only). */
  disconnect(): Result<DisconnectOutcome>;
  /** Rate-limit figures for the popup's details view (extension pages only). */
  getBudget(): Result<BudgetView>;

  /** The panel's view of one activity page (content script of that page, or extension pages). */
  getPanel(data: { activityId: number; own: boolean }): Result<PanelState>;
  /** Sync now (popup opened, "check now"); resolves when the pass ends. */
  syncNow(): Result<SyncStatus>;
  /** Tick or untick a plan step (panel or popup); the badge follows. */
  markStepDone(data: { activityId: number; stepId: string; done: boolean }): Result<RunView | null>;
  /** Everything the popup shows (extension pages only). */
  getPopup(): Result<PopupState>;
  /** Save the day's check-in, replacing that date's entry (extension pages only). */
  checkIn(data: CheckIn): Result<{ changes: string[] }>;
  /** Body weight before and after a run (extension pages only). */
  saveWeighIn(data: WeighIn): Result<RunView | null>;
  /** Open the options page or the popup's check-in in a tab (content scripts cannot). */
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

export const { sendMessage, onMessage, removeAllListeners } =
  defineExtensionMessaging<ProtocolMap>();
