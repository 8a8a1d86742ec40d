// What every route of the broker is given: its settings, the database and its services.
import type { Context } from 'hono';
import type { Config } from './config.ts';
import type { Database } from './database.ts';
import type { EventFeed } from './event-feed.ts';
import type { SessionCache } from './session-cache.ts';
import type { StravaClient } from './strava-client.ts';
import type { TokenVault } from './token-vault.ts';

export type BrokerContext = {
  config: Config;
  db: Database;
  strava: StravaClient;
  vault: TokenVault;
  feed: EventFeed;
  sessions: SessionCache;
  /** Learned at start from Strava (or set by STRAVA_SUBSCRIPTION_ID); null accepts no event. */
  subscription: { id: number | null };
  log: (line: string) => void;
  /** The caller's address, for per-address limits; overridable where there is no socket (tests). */
  clientAddress: (c: Context) => string;
};

type SessionInfo = { tokenHash: string; athleteId: number };

export type BrokerEnv = { Variables: { session: SessionInfo } };
