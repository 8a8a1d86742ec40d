// The popup's first frame (lib/messaging/views' PlanSnapshot), kept by the background beside the
// badge. The popup paints its timers from it at once instead of waiting for the worker (often
// asleep) to wake, open its databases and answer; the full answer replaces it moments later.
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { z } from 'zod/mini';
import { type PlanSnapshot, PlanSnapshotSchema } from '../messaging/views';

/** A snapshot of another version is ignored, never migrated: the next change rewrites it. */
const VERSION = 1;
/** Also read by public/popup-early.js, before the popup's bundle runs. */
export const PLAN_SNAPSHOT_KEY = 'planSnapshot';

const StoredSnapshotSchema = z.extend(PlanSnapshotSchema, { v: z.literal(VERSION) });
type StoredSnapshot = z.output<typeof StoredSnapshotSchema>;

const planSnapshotItem = /* @__PURE__ */ storage.defineItem<StoredSnapshot | null>(
  `local:${PLAN_SNAPSHOT_KEY}`,
  {
    fallback: null,
  },
);

/**
 * Transient: offered whenever the badge is refreshed; the durable data stays in IndexedDB. Written
 * only when it changed: the badge refreshes every minute, and a write (in Firefox even an identical
 * one) reaches every extension context listening to storage, the panels in open Strava tabs included.
 */
export async function writePlanSnapshot(s: PlanSnapshot): Promise<void> {
  const next: StoredSnapshot = { v: VERSION, ...s };
  if (JSON.stringify(await planSnapshotItem.getValue()) === JSON.stringify(next)) return;
  await planSnapshotItem.setValue(next);
}

/** The snapshot in a stored value, or null when it is not one. */
function parsePlanSnapshot(stored: unknown): PlanSnapshot | null {
  const parsed = StoredSnapshotSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { v: _, ...snapshot } = parsed.data;
  return snapshot;
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
