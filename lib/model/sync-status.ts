// How the last sync went, as the views show it.
import { z } from 'zod/mini';

export const SyncStatusSchema = z.object({
  phase: z.enum(['idle', 'syncing']),
  lastSyncAt: z.nullable(z.number()),
  /** The last sync's failure, as the runner should read it; null when it went well. */
  lastError: z.nullable(z.object({ kind: z.string(), message: z.string() })),
  /** Rate-limited: nothing goes to Strava until then (epoch ms). */
  pausedUntil: z.nullable(z.number()),
  /** Activities of the last pass that Strava sent malformed: set aside, the rest synced. */
  setAside: z.optional(z.number()),
});
export type SyncStatus = z.output<typeof SyncStatusSchema>;
export type SyncPhase = SyncStatus['phase'];

export const IDLE: SyncStatus = {
  phase: 'idle',
  lastSyncAt: null,
  lastError: null,
  pausedUntil: null,
};
