// One sync at a time, on schedule or on demand: its status for the views, its errors as the
// runner should read them, and each new run announced once it is stored.
import type { SyncStatus } from '../model/sync-status';
import { quarantineRaw } from '../store/record-store';
import { cursorItem, syncStatusItem } from '../store/sync-items';
import { isStravaError, StravaError } from '../strava/errors';
import { syncOnce } from '../sync/sync-once';
import type { AppContext } from './context';
import { announcer } from './notifications';
import { readProfile } from './profile';
import { applyRetention } from './retention';
import { refreshViews } from './views';
import { dataEpoch } from './your-data';

/** A pass that failed, as the views show it: the runner-readable error, the last good sync. */
export function failedStatus(error: unknown, lastSyncAt: number | null): SyncStatus {
  const info =
    error instanceof StravaError
      ? error.info()
      : { kind: 'failed', message: 'Sync failed unexpectedly; it will try again shortly.' };
  return {
    phase: 'idle',
    lastSyncAt,
    lastError: { kind: info.kind, message: info.message },
    pausedUntil: isStravaError(error, 'rate-limited') ? error.detail.until : null,
  };
}

/** "Delete everything" happened during the pass: it ends without writing its cursor. */
class Superseded extends Error {}

export type SyncNow = (urgent?: boolean) => Promise<SyncStatus>;

export function createSyncRunner(ctx: AppContext): SyncNow {
  async function pass(urgent: boolean): Promise<SyncStatus> {
    const connection = await ctx.strava.getConnection();
    const before = await syncStatusItem.getValue();
    if (connection.state !== 'connected') return before;
    await syncStatusItem.setValue({ ...before, phase: 'syncing' });
    const epoch = dataEpoch();
    let status: SyncStatus;
    try {
      await ctx.strava.ready;
      const report = await syncOnce(
        {
          source: ctx.source(),
          collections: ctx.collections,
          cursor: {
            get: () => cursorItem.getValue(),
            set: async (v) => {
              if (dataEpoch() !== epoch) throw new Superseded();
              await cursorItem.setValue(v);
            },
          },
          profile: () => readProfile(ctx),
          now: ctx.now,
          seesPrivate: connection.scopes.includes('activity:read_all'),
          ...announcer(ctx),
          onRejected: (item) =>
            quarantineRaw({
              collection: 'strava:activities',
              key: item.id ?? 'no id',
              reason: item.issue,
              raw: item.raw,
              at: ctx.now(),
            }),
        },
        { urgent },
      );
      await applyRetention(ctx);
      // Hosted mode: this full list is the safety net the event follower times its next one by.
      await ctx.strava.hosted?.tokens.update((r) => ({ ...r, listedAt: ctx.now() }));
      status = {
        phase: 'idle',
        lastSyncAt: ctx.now(),
        lastError: null,
        pausedUntil: null,
        ...(report.rejected ? { setAside: report.rejected } : {}),
      };
    } catch (error) {
      if (error instanceof Superseded) {
        // The next pass starts from nothing, as after any "delete everything".
        status = { phase: 'idle', lastSyncAt: null, lastError: null, pausedUntil: null };
        await syncStatusItem.setValue(status);
        await refreshViews(ctx);
        return status;
      }
      status = failedStatus(error, before.lastSyncAt);
    }
    await syncStatusItem.setValue(status);
    await refreshViews(ctx);
    return status;
  }

  let running: Promise<SyncStatus> | null = null;
  /** Callers during a pass share its outcome. */
  return (urgent = false) => {
    running ??= pass(urgent).finally(() => {
      running = null;
    });
    return running;
  };
}
