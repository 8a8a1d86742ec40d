// Hosted mode's clock-driven sync: each minute (an alarm; Chromium's shortest period is 30 s)
// read the broker's event feed after the stored cursor, waiting a little for an event, and fetch
// only the activities it names. A full list still runs when the last one is long ago (the safety
// net for a lost event or a browser that was closed for days); connecting lists at once.
import { syncStatusItem } from '../store/sync-items';
import { EVENTS_WAIT_S } from '../strava/broker-client';
import { isStravaError } from '../strava/errors';
import { applyEvents } from '../sync/follow-events';
import { HOUR_MS } from '../time';
import type { AppContext } from './context';
import { announcer } from './notifications';
import { readProfile } from './profile';
import { failedStatus, type SyncNow } from './sync-runner';
import { refreshViews } from './views';

/** A full list at least this often in hosted mode (two list requests a day). */
const SAFETY_LIST_MS = 12 * HOUR_MS;
/** Pages of events read in one pass (100 each); the next pass goes on from the cursor. */
const MAX_PAGES = 5;

export type FollowEvents = () => Promise<void>;

export function createEventFollower(ctx: AppContext, syncNow: SyncNow): FollowEvents {
  async function pass(): Promise<void> {
    const hosted = ctx.strava.hosted;
    const record = await hosted?.tokens.record();
    if (!hosted || !record || record.needsReconnect) return;
    if (ctx.now() - record.listedAt > SAFETY_LIST_MS) {
      await syncNow(false);
      return;
    }
    const connection = await ctx.strava.getConnection();
    const deps = {
      source: ctx.source(),
      collections: ctx.collections,
      profile: () => readProfile(ctx),
      now: ctx.now,
      seesPrivate: connection.scopes.includes('activity:read_all'),
      ...announcer(ctx),
    };
    const before = await syncStatusItem.getValue();
    let cursor = record.eventCursor;
    let changed = false;
    try {
      await ctx.strava.ready;
      for (let page = 0; page < MAX_PAGES; page++) {
        const batch = await hosted.broker.events(record.session, cursor, page ? 0 : EVENTS_WAIT_S);
        const report = await applyEvents(deps, batch.events, record.athleteId);
        changed ||= report.stored.length + report.removed.length > 0;
        cursor = batch.cursor;
        // Only this session's record moves: a reconnect while the poll waited starts afresh.
        await hosted.tokens.update((r) =>
          r.session === record.session ? { ...r, eventCursor: cursor } : r,
        );
        if (!batch.more) break;
      }
      await syncStatusItem.setValue({
        phase: 'idle',
        lastSyncAt: ctx.now(),
        lastError: null,
        pausedUntil: null,
      });
    } catch (error) {
      // The broker no longer knows this browser: the same "reconnect" state as a refused refresh.
      if (isStravaError(error, 'reconnect-needed')) await hosted.tokens.lost();
      await syncStatusItem.setValue(failedStatus(error, before.lastSyncAt));
      changed = true;
    }
    if (changed) await refreshViews(ctx);
  }

  let running: Promise<void> | null = null;
  return () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
}
