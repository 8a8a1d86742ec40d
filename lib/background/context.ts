// What every background job shares: Strava access, the collections, the clock and the zone.
import type { Collections } from '../store/collections';
import { stravaSource } from '../sync/strava-source';
import type { SyncSource } from '../sync/sync-source';
import type { StravaService } from './strava-service';

export interface AppServiceOptions {
  strava: StravaService;
  collections: Collections;
  now?: () => number;
  source?: SyncSource;
  timeZone?: () => string;
}

export interface AppContext {
  strava: StravaService;
  collections: Collections;
  now: () => number;
  timeZone: () => string;
  source: () => SyncSource;
}

export function appContext(opts: AppServiceOptions): AppContext {
  return {
    strava: opts.strava,
    collections: opts.collections,
    now: opts.now ?? (() => Date.now()),
    timeZone: opts.timeZone ?? (() => Intl.DateTimeFormat().resolvedOptions().timeZone),
    source: () => opts.source ?? stravaSource(opts.strava.client),
  };
}
