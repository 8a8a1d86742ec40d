// What the background hands to the panel and the popup about one run: never tokens, never the raw
// Strava payload, only what the views show.
import type { CheckIn, WeighIn } from './check-in';
import type { Classification } from './classify/classification';
import type { Plan } from './recovery/plan-types';

export interface RunSummary {
  id: number;
  name: string;
  sport_type: string;
  /** UTC ISO. */
  start_date: string;
  start_date_local?: string;
  distance: number;
  moving_time: number;
  elapsed_time: number;
  total_elevation_gain?: number;
}

export interface RunView {
  activity: RunSummary;
  classification: Classification;
  plan: Plan;
  /** Step ids the runner ticked. */
  done: string[];
  weighIn?: WeighIn;
  /** Check-ins dated after the run that moved its readiness. */
  checkIns: CheckIn[];
}

export type SyncPhase = 'idle' | 'syncing';

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncAt: number | null;
  /** The last sync's failure, as the runner should read it; null when it went well. */
  lastError: { kind: string; message: string } | null;
  /** Rate-limited: nothing goes to Strava until then (epoch ms). */
  pausedUntil: number | null;
}

/** What the panel gets for one activity page. */
export type PanelState =
  | { state: 'not-connected' }
  | { state: 'reconnect-needed' }
  | { state: 'not-own' }
  | { state: 'not-a-run'; sportType: string }
  | { state: 'syncing'; sync: SyncStatus }
  | { state: 'unknown'; sync: SyncStatus }
  | { state: 'ready'; run: RunView };
