// Hosted mode's token source: the broker's access token is kept until shortly before it lapses,
// concurrent callers share one POST /token, a 401 from the broker means "reconnect" (kept data,
// no loop), and a damaged stored record reads as no connection.
import { createStore, set } from 'idb-keyval';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BrokerSession } from '../../../lib/model/broker-session';
import { createBrokerClient } from '../../../lib/strava/broker-client';
import { BrokerTokens, idbBrokerStore } from '../../../lib/strava/broker-tokens';
import { StravaError } from '../../../lib/strava/errors';
import type { TokenStatus } from '../../../lib/strava/token-source';
import { fakeFetch, json } from './fake-fetch';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const SESSION = 'session-'.repeat(5);
const record: BrokerSession = {
  session: SESSION,
  athleteId: 7,
  scopes: ['read', 'activity:read_all'],
  accessToken: null,
  expiresAt: 0,
  needsReconnect: false,
  eventCursor: 0,
  listedAt: 0,
};

function setup(answer: () => Response) {
  const fake = fakeFetch(async () => {
    await new Promise((r) => setTimeout(r, 5));
    return answer();
  });
  const statuses: TokenStatus[] = [];
  const broker = createBrokerClient('https://broker.example', {
    fetch: fake.fetch,
    timeoutMs: 1000,
    now: () => NOW,
  });
  const tokens = new BrokerTokens(
    idbBrokerStore(),
    broker,
    () => NOW,
    (s) => statuses.push(s),
  );
  return { tokens, calls: fake.calls, statuses };
}

beforeEach(async () => {
  await idbBrokerStore().clear();
});

describe('BrokerTokens', () => {
  it('asks once for concurrent callers, with the session as bearer, then reuses the token', async () => {
    let n = 0;
    const { tokens, calls } = setup(() =>
      json(200, { access_token: `access-${++n}`, expires_at: NOW / 1000 + 3600 }),
    );
    await tokens.connect(record);
    const got = await Promise.all([1, 2, 3].map(() => tokens.getAccessToken()));
    expect(got).toEqual(['access-1', 'access-1', 'access-1']);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.method).toBe('POST');
    expect(calls[0]?.url.pathname).toBe('/token');
    expect(calls[0]?.headers.get('Authorization')).toBe(`Bearer ${SESSION}`);
    expect(await tokens.getAccessToken()).toBe('access-1');
    expect(calls).toHaveLength(1);
    // Strava refused it: the next call asks the broker again.
    tokens.invalidate('access-1');
    expect(await tokens.getAccessToken()).toBe('access-2');
  });

  it('a 401 from the broker marks the connection for reconnecting and stops asking', async () => {
    const { tokens, calls, statuses } = setup(() => json(401, { error: 'reconnect' }));
    await tokens.connect(record);
    const error = await tokens.getAccessToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StravaError);
    expect((error as StravaError).kind).toBe('reconnect-needed');
    expect((await tokens.status()).state).toBe('reconnect-needed');
    expect(statuses.at(-1)?.state).toBe('reconnect-needed');
    await tokens.getAccessToken().catch(() => undefined);
    expect(calls).toHaveLength(1);
  });

  it('a broker answer that is not a token is refused; a 502 keeps the connection', async () => {
    const bad = setup(() => json(200, { access_token: 42 }));
    await bad.tokens.connect(record);
    expect(await bad.tokens.getAccessToken().catch((e: StravaError) => e.kind)).toBe(
      'bad-response',
    );
    const down = setup(() => json(502, { error: 'strava_unavailable' }));
    expect(await down.tokens.getAccessToken().catch((e: StravaError) => e.kind)).toBe('server');
    expect((await down.tokens.status()).state).toBe('connected');
  });

  it('a damaged stored record reads as not connected', async () => {
    await set('broker', { session: 3, athleteId: 'x' }, createStore('bounceback-secrets', 'kv'));
    const { tokens } = setup(() => json(500, {}));
    expect((await tokens.status()).state).toBe('disconnected');
  });
});
