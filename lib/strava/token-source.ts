// The one interface the API client uses to get an access token. The runner's own app
// (own-app-tokens.ts) implements it today; an auth broker holding a shared app's secret can
// replace it later without touching the client.

import type { TokenState } from '../model/connection';

export interface TokenStatus {
  state: TokenState;
  /** Scopes the runner granted. */
  scopes: string[];
  /** Access token expiry, epoch ms. */
  expiresAt?: number;
}

export interface TokenSource {
  /**
   * A usable access token, refreshed ahead of expiry. Throws StravaError: 'reconnect-needed'
   * when there is no connection or the refresh was rejected, 'offline'/'timeout'/'server' when
   * the refresh could not be tried (the connection is kept).
   */
  getAccessToken(): Promise<string>;
  /** Strava answered 401 to this token: the next getAccessToken() refreshes (once). */
  invalidate(rejectedToken: string): void;
  status(): Promise<TokenStatus>;
}
