// The token broker's HTTP contract (server/README.md), as the background calls it: the connect
// URL, a short-lived access token, the athlete's event feed and disconnect. The session goes in
// the Authorization header only; every answer is validated; every failure is a StravaError with
// the same kinds (and so the same states and messages) as talking to Strava itself.

import {
  BrokerDisconnectSchema,
  type BrokerEvents,
  BrokerEventsSchema,
  type BrokerToken,
  BrokerTokenSchema,
} from './broker-schemas';
import { StravaError } from './errors';
import { type Http, parseBody, readJson, type StravaResponse, send } from './request';

/** How long GET /events may wait for an event before answering empty (the broker allows 25). */
export const EVENTS_WAIT_S = 20;

export interface BrokerClient {
  readonly origin: string;
  connectUrl(redirectUri: string, state: string): string;
  token(session: string): Promise<BrokerToken>;
  events(session: string, after: number, waitS?: number): Promise<BrokerEvents>;
  /** Resolves whether Strava was told too (`revoked_at_strava`). */
  disconnect(session: string): Promise<boolean>;
}

/** The broker's origin from the build (`WXT_BROKER_URL`), or null: an https origin or nothing. */
export function brokerOrigin(configured: string | undefined): string | null {
  if (!configured) return null;
  try {
    const url = new URL(configured);
    return url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

function check(response: StravaResponse, endpoint: string, now: number): void {
  if (response.ok) return;
  if (response.status === 401 || response.status === 403) {
    throw new StravaError({ kind: 'reconnect-needed', reason: 'refresh-failed' });
  }
  if (response.status === 429) {
    const retry = Number(response.headers.get('Retry-After'));
    const waitS = Number.isFinite(retry) && retry > 0 ? Math.min(retry, 900) : 60;
    throw new StravaError({ kind: 'rate-limited', until: now + waitS * 1000, selfImposed: false });
  }
  throw new StravaError({ kind: 'server', endpoint, status: response.status });
}

export function createBrokerClient(origin: string, http: Http): BrokerClient {
  const call = async (
    path: string,
    session: string,
    endpoint: string,
    init: RequestInit = {},
    timeoutMs = http.timeoutMs,
  ): Promise<unknown> => {
    const response = await send(
      { ...http, timeoutMs },
      `${origin}${path}`,
      {
        ...init,
        credentials: 'omit',
        cache: 'no-store',
        headers: { Authorization: `Bearer ${session}`, Accept: 'application/json' },
      },
      endpoint,
    );
    check(response, endpoint, http.now());
    return readJson(response, endpoint);
  };
  return {
    origin,
    connectUrl: (redirectUri, state) =>
      `${origin}/connect?${new URLSearchParams({ redirect_uri: redirectUri, state })}`,
    async token(session) {
      const body = await call('/token', session, 'broker/token', { method: 'POST' });
      return parseBody(BrokerTokenSchema, body, 'broker/token');
    },
    async events(session, after, waitS = 0) {
      const query = new URLSearchParams({ after: String(after), wait: String(waitS) });
      const body = await call(
        `/events?${query}`,
        session,
        'broker/events',
        {},
        http.timeoutMs + waitS * 1000,
      );
      return parseBody(BrokerEventsSchema, body, 'broker/events');
    },
    async disconnect(session) {
      const body = await call('/disconnect', session, 'broker/disconnect', { method: 'POST' });
      return parseBody(BrokerDisconnectSchema, body, 'broker/disconnect').revoked_at_strava;
    },
  };
}
