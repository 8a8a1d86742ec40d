import type { Activity, Streams } from '../model/activity';
import type { RejectedItem } from '../strava/client';

/** What sync needs from Strava (lib/strava's client, adapted): errors are thrown as StravaError. */
export interface SyncSource {
  listActivities(
    query: { after?: number; before?: number; page?: number; perPage?: number },
    urgent: boolean,
  ): Promise<{ activities: Activity[]; rejected: RejectedItem[]; count: number }>;
  /** Resolves null when Strava says the activity is gone (404). */
  activity(id: number, urgent: boolean): Promise<Activity | null>;
  streams(id: number, urgent: boolean): Promise<Streams>;
}
