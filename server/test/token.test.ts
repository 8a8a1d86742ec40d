import { describe, expect, it } from 'vitest';
import { startTestBroker } from './support/test-broker.ts';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker({ env: { RATE_LIMIT_PER_SESSION: '1000' } });

type TokenBody = { access_token?: string; expires_at?: number; error?: string };

/** A runner whose stored access token has expired, so the next /token must refresh. */
async function connectExpired() {
  t.fake.settings.tokenLifetimeS = 0;
  const connection = await t.connect();
  t.fake.settings.tokenLifetimeS = 6 * 3600;
  return connection;
}

describe('POST /token', () => {
  it('hands out the stored token while it has time to live, without asking Strava', async () => {
    const { session, athleteId } = await t.connect();
    const before = t.fake.requests.length;
    const response = await t.call('/token', session, { method: 'POST' });
    const body = (await response.json()) as TokenBody;
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(body.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(body.expires_at).toBeGreaterThan(Date.now() / 1000 + 3600);
    expect(t.fake.requests.length).toBe(before);
    expect(t.fake.refreshesOf(athleteId)).toBe(0);
  });

  it('refreshes once for 20 concurrent requests', async () => {
    const { session, athleteId } = await connectExpired();
    t.fake.settings.refreshDelayMs = 100;
    const bodies = await Promise.all(
      Array.from(
        { length: 20 },
        async () =>
          (await (await t.call('/token', session, { method: 'POST' })).json()) as TokenBody,
      ),
    );
    t.fake.settings.refreshDelayMs = 0;
    expect(t.fake.refreshesOf(athleteId)).toBe(1);
    expect(new Set(bodies.map((b) => b.access_token)).size).toBe(1);
  });

  it('refreshes once across two broker instances on one database', async () => {
    const second = await t.addInstance();
    const { session, athleteId } = await connectExpired();
    t.fake.settings.refreshDelayMs = 100;
    const bodies = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const response = await t.call(
          '/token',
          session,
          { method: 'POST' },
          i % 2 ? second : t.broker,
        );
        return (await response.json()) as TokenBody;
      }),
    );
    t.fake.settings.refreshDelayMs = 0;
    expect(t.fake.refreshesOf(athleteId)).toBe(1);
    expect(bodies.every((b) => typeof b.access_token === 'string')).toBe(true);
    expect(new Set(bodies.map((b) => b.access_token)).size).toBe(1);
  });

  it('keeps the rotated refresh token, so the next refresh works', async () => {
    const { session, athleteId } = await connectExpired();
    t.fake.settings.tokenLifetimeS = 0;
    await t.call('/token', session, { method: 'POST' });
    t.fake.settings.tokenLifetimeS = 6 * 3600;
    const second = await t.call('/token', session, { method: 'POST' });
    expect(second.status).toBe(200);
    expect(t.fake.refreshesOf(athleteId)).toBe(2);
  });

  it('asks for a reconnection when Strava refuses the refresh token', async () => {
    const { session, athleteId } = await connectExpired();
    await t.fake.deauthorizeFromStrava(athleteId);
    const response = await t.call('/token', session, { method: 'POST' });
    expect(response.status).toBe(401);
  });

  it('hands out the current token while Strava is down, as long as it lives a minute more', async () => {
    t.fake.settings.tokenLifetimeS = 300;
    const soon = await t.connect();
    t.fake.settings.tokenLifetimeS = 30;
    const now = await t.connect();
    t.fake.settings.tokenLifetimeS = 6 * 3600;
    t.fake.settings.refreshFailure = 503;
    const soonResponse = await t.call('/token', soon.session, { method: 'POST' });
    const nowResponse = await t.call('/token', now.session, { method: 'POST' });
    t.fake.settings.refreshFailure = null;
    expect(soonResponse.status).toBe(200);
    expect(nowResponse.status).toBe(502);
    expect(((await nowResponse.json()) as TokenBody).error).toBe('strava_unavailable');
    // The failed refresh gave the lease back: the next request refreshes.
    expect((await t.call('/token', now.session, { method: 'POST' })).status).toBe(200);
    expect(t.fake.refreshesOf(now.athleteId)).toBe(1);
  });

  it('refuses a missing or unknown session', async () => {
    expect((await t.request('/token', { method: 'POST' })).status).toBe(401);
    const unknown = await t.call('/token', 'A'.repeat(43), { method: 'POST' });
    expect(((await unknown.json()) as TokenBody).error).toBe('no_session');
  });
});

describe('rate limits', () => {
  it('limits each session and each address', async () => {
    const limited = await startTestBroker({
      env: { RATE_LIMIT_PER_SESSION: '3', RATE_LIMIT_PER_ADDRESS: '12' },
    });
    try {
      const { session } = await limited.connect();
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.call('/token', session, { method: 'POST' })).status);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      // connect used 2 requests, /token 5: the address has 5 more in this window.
      const more = [];
      for (let i = 0; i < 6; i++) more.push((await limited.request('/health')).status);
      expect(more).toEqual([200, 200, 200, 200, 200, 429]);
      const elsewhere = await limited.request('/health', {
        headers: { 'X-Test-Address': '198.51.100.9' },
      });
      expect(elsewhere.status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
