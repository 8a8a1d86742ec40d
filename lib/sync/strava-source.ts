import type { StravaClient } from '../strava/client';
import { isStravaError } from '../strava/errors';
import { toStreams } from '../strava/schemas';
import type { SyncSource } from './sync-source';

/** What sync asks of Strava, through the extension's typed client. */
export function stravaSource(client: StravaClient): SyncSource {
  return {
    async listActivities(query, urgent) {
      return client.listActivities(query, { urgent });
    },
    async activity(id, urgent) {
      try {
        return await client.activity(id, { urgent });
      } catch (error) {
        if (isStravaError(error, 'not-found')) return null;
        throw error;
      }
    },
    async streams(id, urgent) {
      const keys = ['time', 'distance', 'velocity_smooth', 'heartrate', 'altitude'] as const;
      return toStreams(await client.streams(id, keys, { urgent }));
    },
  };
}
