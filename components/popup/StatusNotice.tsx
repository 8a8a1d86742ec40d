import type { SyncStatus } from '../../lib/model/sync-status';
import { formatClock } from '../../lib/recovery/local-date';

export type Connection = 'connected' | 'disconnected' | 'reconnect-needed';

export interface StatusNoticeProps {
  connection: Connection;
  sync: SyncStatus;
  now: number;
  timeZone: string;
  openOptions(): void;
  syncNow(): void;
}

/** Whatever stands between the runner and fresh data, said plainly with the one thing to do. */
export function StatusNotice({
  connection,
  sync,
  now,
  timeZone,
  openOptions,
  syncNow,
}: StatusNoticeProps) {
  if (connection === 'reconnect-needed') {
    return (
      <div class="bb-notice bb-notice-warn" role="alert">
        <p>
          <strong>Reconnect Strava.</strong> Strava no longer accepts Bounceback’s access, so new
          runs can’t arrive until you reconnect.
        </p>
        <button type="button" class="bb-primary" onClick={openOptions}>
          Reconnect in options
        </button>
      </div>
    );
  }
  if (sync.pausedUntil !== null && sync.pausedUntil > now) {
    return (
      <div class="bb-notice" role="status">
        <p>
          <strong>Strava’s request limit is reached.</strong> Checking for runs resumes at{' '}
          <time dateTime={new Date(sync.pausedUntil).toISOString()}>
            {formatClock(sync.pausedUntil, timeZone)}
          </time>
          .
        </p>
      </div>
    );
  }
  if (sync.lastError) {
    return (
      <div class="bb-notice bb-notice-warn" role="status">
        <p>Last check failed: {sync.lastError.message}</p>
        <button type="button" onClick={syncNow} disabled={sync.phase === 'syncing'}>
          Try again
        </button>
      </div>
    );
  }
  if (sync.setAside) {
    const n = sync.setAside;
    return (
      <div class="bb-notice" role="status">
        <p>
          Strava sent {n === 1 ? 'one activity' : `${n} activities`} Bounceback could not read;{' '}
          {n === 1 ? 'it was' : 'they were'} set aside and everything else synced.
        </p>
      </div>
    );
  }
  return null;
}
