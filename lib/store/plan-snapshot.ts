// The popup's first frame, kept by the background beside the badge: the connection and the
// running plan. The popup paints its timers from it at once instead of waiting for the worker
// (often asleep) to wake, open its databases and answer; the full answer replaces it moments later.
import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import type { Profile } from '../profile';
import type { RunView, SyncStatus } from '../run-view';
import {
  CheckInSchema,
  ClassificationSchema,
  PlanSchema,
  StoredActivitySchema,
  WeighInSchema,
} from './schemas';

export interface PlanSnapshot {
  connection: 'connected' | 'disconnected' | 'reconnect-needed';
  sync: SyncStatus;
  current: RunView | null;
  timeZone: string;
  units: Profile['units'];
}

/** A snapshot of another version is ignored, never migrated: the next change rewrites it. */
const VERSION = 1;
/** Also read by public/popup-early.js, before the popup's bundle runs. */
export const PLAN_SNAPSHOT_KEY = 'planSnapshot';
const num = z.number();

const SyncStatusSchema = z.object({
  phase: z.enum(['idle', 'syncing']),
  lastSyncAt: z.nullable(num),
  lastError: z.nullable(z.object({ kind: z.string(), message: z.string() })),
  pausedUntil: z.nullable(num),
});

const RunViewSchema = z.object({
  activity: StoredActivitySchema,
  classification: ClassificationSchema,
  plan: PlanSchema,
  done: z.array(z.string()),
  weighIn: z.optional(WeighInSchema),
  checkIns: z.array(CheckInSchema),
});

const PlanSnapshotSchema = z.object({
  v: z.literal(VERSION),
  connection: z.enum(['connected', 'disconnected', 'reconnect-needed']),
  sync: SyncStatusSchema,
  current: z.nullable(RunViewSchema),
  timeZone: z.string(),
  units: z.enum(['metric', 'imperial']),
});

/**
 * Transient: offered whenever the badge is refreshed; the durable data stays in IndexedDB. Written
 * only when it changed: the badge refreshes every minute, and a write (in Firefox even an identical
 * one) reaches every extension context listening to storage, the panels in open Strava tabs included.
 */
export async function writePlanSnapshot(s: PlanSnapshot): Promise<void> {
  const next = { v: VERSION, ...s };
  const stored = (await browser.storage.local.get(PLAN_SNAPSHOT_KEY))[PLAN_SNAPSHOT_KEY];
  if (JSON.stringify(stored) === JSON.stringify(next)) return;
  await browser.storage.local.set({ [PLAN_SNAPSHOT_KEY]: next });
}

/** The snapshot in a stored value, or null when it is not one. */
export function parsePlanSnapshot(stored: unknown): PlanSnapshot | null {
  const parsed = PlanSnapshotSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { v: _, ...snapshot } = parsed.data;
  return snapshot as unknown as PlanSnapshot;
}

/** The stored snapshot, or null when there is none or it is not one (never throws). */
export async function readPlanSnapshot(
  stored: Promise<Record<string, unknown>> = browser.storage.local.get(PLAN_SNAPSHOT_KEY),
): Promise<PlanSnapshot | null> {
  try {
    return parsePlanSnapshot((await stored)[PLAN_SNAPSHOT_KEY]);
  } catch {
    return null;
  }
}
