import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EMPTY_BUDGET } from '../../../lib/model/connection';
import { createStravaClient } from '../../../lib/strava/client';
import { isStravaError, StravaError } from '../../../lib/strava/errors';
import { idbSecretStore, OwnAppTokens } from '../../../lib/strava/own-app-tokens';
import {
  memoryBudgetStore,
  nextMidnightUtc,
  nextQuarter,
  updateFromHeaders,
} from '../../../lib/strava/rate-budget';
import type { TokenSource } from '../../../lib/strava/token-source';
import { BODIES, fakeFetch, type Handler, json } from './fake-fetch';

const NOW = Date.parse('2026-11-23T10:07:00Z');
const LIMITS = {
  'X-RateLimit-Limit': '200,2000',
  'X-RateLimit-Usage': '10,100',
  'X-ReadRateLimit-Limit': '100,1000',
  'X-ReadRateLimit-Usage': '10,100',
};
const activity = {
  id: 42,
  name: 'Morning Run',
  sport_type: 'Run',
  distance: 10000,
  moving_time: 3000,
  elapsed_time: 3100,
  start_date: '2026-11-23T07:00:00Z',
};

/** A token source with a fixed token that counts invalidations. */
function staticTokens(): TokenSource & { invalidated: string[] } {
  const invalidated: string[] = [];
  return {
    invalidated,
    getAccessToken: async () => 'tok',
    invalidate: (t) => invalidated.push(t),
    status: async () => ({ state: 'connected', scopes: [] }),
  };
}

function setup(
  handler: Handler,
  tokens: TokenSource = staticTokens(),
  budget = memoryBudgetStore(),
) {
  const fake = fakeFetch(handler);
  const client = createStravaClient({
    fetch: fake.fetch,
    tokens,
    budget,
    now: () => NOW,
    timeoutMs: 1000,
  });
  return { client, calls: fake.calls, budget };
}

async function failure(p: Promise<unknown>): Promise<StravaError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StravaError) return e;
    throw new Error(`expected a StravaError, got ${String(e)}`);
  }
  throw new Error('expected a failure');
}

describe('requests', () => {
  it('lists activities with after/before/page/per_page and the token only in the header', async () => {
    const { client, calls } = setup(() => json(200, [activity], LIMITS));
    const list = await client.listActivities({
      after: 1700000000,
      before: 1800000000,
      page: 2,
      perPage: 50,
    });
    expect(list.activities[0]?.name).toBe('Morning Run');
    const url = calls[0]!.url;
    expect(url.origin + url.pathname).toBe('https://www.strava.com/api/v3/athlete/activities');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      after: '1700000000',
      before: '1800000000',
      page: '2',
      per_page: '50',
    });
    expect(calls[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(url.href).not.toContain('tok');
  });

  it('asks for streams with keys and key_by_type', async () => {
    const { client, calls } = setup(() => json(200, { time: { data: [0, 1] } }));
    const set = await client.streams(42, ['time', 'heartrate']);
    expect(set.time?.data).toEqual([0, 1]);
    expect(calls[0]!.url.pathname).toBe('/api/v3/activities/42/streams');
    expect(calls[0]!.url.searchParams.get('keys')).toBe('time,heartrate');
    expect(calls[0]!.url.searchParams.get('key_by_type')).toBe('true');
  });

  it('records the rate-limit headers of every response', async () => {
    const { client, budget } = setup(() => json(200, activity, LIMITS));
    await client.activity(42);
    expect(budget.get().read?.quarter).toEqual({ limit: 100, usage: 10 });
  });
});

describe('error kinds', () => {
  it('a list item missing a required field is set aside with its path; the others count', async () => {
    const { name: _n, ...noName } = activity;
    const { client } = setup(() => json(200, [activity, { ...noName, id: 77 }, 'junk']));
    const page = await client.listActivities();
    expect(page.activities.map((a) => a.id)).toEqual([activity.id]);
    expect(page.count).toBe(3);
    expect(page.rejected.map(({ id, issue }) => ({ id, issue }))).toEqual([
      { id: 77, issue: 'name: expected string' },
      { id: null, issue: 'expected object' },
    ]);
  });

  it('a detail body missing a required field is bad-response with the path, not a crash', async () => {
    const { name: _n, ...noName } = activity;
    const { client } = setup(() => json(200, noName));
    expect((await failure(client.activity(42))).detail).toMatchObject({
      kind: 'bad-response',
      path: 'name',
      issue: 'expected string',
    });
  });

  it('a body that is not JSON is bad-response', async () => {
    const { client } = setup(() => new Response('<html>oops</html>', { status: 200 }));
    expect((await failure(client.athlete())).kind).toBe('bad-response');
  });

  it('404 is not-found', async () => {
    const { client } = setup(() => json(404, BODIES.notFound));
    expect((await failure(client.activity(42))).kind).toBe('not-found');
  });

  it('5xx is server', async () => {
    const { client } = setup(() => new Response('Bad gateway', { status: 502 }));
    expect((await failure(client.activity(42))).detail).toMatchObject({
      kind: 'server',
      status: 502,
    });
  });

  it('a network failure is offline', async () => {
    const { client } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    expect((await failure(client.activity(42))).kind).toBe('offline');
  });

  describe('timeouts', () => {
    beforeEach(() => {
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    it('a response slower than timeoutMs is aborted as timeout', async () => {
      const fetch = (_url: string, init?: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          init?.signal?.addEventListener('abort', () =>
            reject(new DOMException('x', 'AbortError')),
          );
        });
      const client = createStravaClient({
        fetch,
        tokens: staticTokens(),
        budget: memoryBudgetStore(),
        now: () => NOW,
        timeoutMs: 1000,
      });
      const result = failure(client.activity(42));
      await vi.advanceTimersByTimeAsync(1000);
      expect((await result).detail).toMatchObject({ kind: 'timeout', afterMs: 1000 });
    });

    it('a body that stalls after the headers also times out', async () => {
      const fetch = async (_url: string, init?: RequestInit) =>
        new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode('{"id":'));
              init?.signal?.addEventListener('abort', () =>
                controller.error(new DOMException('x', 'AbortError')),
              );
            },
          }),
          { status: 200 },
        );
      const client = createStravaClient({
        fetch,
        tokens: staticTokens(),
        budget: memoryBudgetStore(),
        now: () => NOW,
        timeoutMs: 1000,
      });
      const result = failure(client.activity(42));
      await vi.advanceTimersByTimeAsync(1000);
      expect((await result).kind).toBe('timeout');
    });
  });

  it('429 pauses the budget until the next quarter hour and reports rate-limited', async () => {
    const { client, calls, budget } = setup(() =>
      json(429, BODIES.rateLimited, { ...LIMITS, 'X-ReadRateLimit-Usage': '101,300' }),
    );
    const e = await failure(client.listActivities());
    expect(e.detail).toEqual({ kind: 'rate-limited', until: nextQuarter(NOW), selfImposed: false });
    expect(budget.get().pausedUntil).toBe(nextQuarter(NOW));
    // Even an urgent call now waits without touching the network.
    const again = await failure(client.athlete({ urgent: true }));
    expect(again.kind).toBe('rate-limited');
    expect(calls).toHaveLength(1);
  });

  it('a 429 with the daily window used up pauses until midnight UTC', async () => {
    const { client } = setup(() =>
      json(429, BODIES.rateLimited, { ...LIMITS, 'X-ReadRateLimit-Usage': '40,1000' }),
    );
    expect((await failure(client.listActivities())).detail).toMatchObject({
      until: nextMidnightUtc(NOW),
    });
  });

  it('above 80% background calls are held back without a request; urgent ones still go', async () => {
    const budget = memoryBudgetStore(
      updateFromHeaders(EMPTY_BUDGET, { ...LIMITS, 'X-ReadRateLimit-Usage': '85,300' }, NOW),
    );
    const { client, calls } = setup(() => json(200, activity), staticTokens(), budget);
    expect((await failure(client.activity(42))).detail).toEqual({
      kind: 'rate-limited',
      until: nextQuarter(NOW),
      selfImposed: true,
    });
    expect(calls).toHaveLength(0);
    await client.activity(42, { urgent: true });
    expect(calls).toHaveLength(1);
  });
});

describe('bounds on what one answer can do', () => {
  it('a 429 pause recorded while the clock was far ahead does not block today', async () => {
    const budget = memoryBudgetStore({ ...EMPTY_BUDGET, pausedUntil: NOW + 400 * 86_400_000 });
    const { client, calls } = setup(() => json(200, activity), staticTokens(), budget);
    await client.activity(42);
    expect(calls).toHaveLength(1);
  });

  it('a 403 is not cured by a new token: no rotation, one call', async () => {
    const tokens = staticTokens();
    const { client, calls } = setup(() => json(403, BODIES.tokenInvalid), tokens);
    expect((await failure(client.activity(42))).kind).toBe('unauthorized');
    expect(calls).toHaveLength(1);
    expect(tokens.invalidated).toEqual([]);
  });
});

describe('401', () => {
  it('refreshes once and retries once, then gives up as unauthorized', async () => {
    const tokens = staticTokens();
    const { client, calls } = setup(() => json(401, BODIES.tokenInvalid), tokens);
    expect((await failure(client.activity(42))).kind).toBe('unauthorized');
    expect(calls).toHaveLength(2);
    expect(tokens.invalidated).toEqual(['tok']);
  });

  it('a missing permission is reported without a pointless refresh', async () => {
    const tokens = staticTokens();
    const { client, calls } = setup(() => json(401, BODIES.activityReadMissing), tokens);
    const e = await failure(client.listActivities());
    expect(e.detail).toMatchObject({
      kind: 'unauthorized',
      missingPermission: 'View data about your activities',
    });
    expect(calls).toHaveLength(1);
    expect(tokens.invalidated).toEqual([]);
  });

  it('with real tokens: 401, one refresh, the retry succeeds with the new token', async () => {
    const store = idbSecretStore();
    await store.clear();
    await store.set({
      clientId: '1',
      clientSecret: 'b'.repeat(40),
      accessToken: 'old',
      refreshToken: 'r-old',
      expiresAt: NOW + 3_600_000,
      scopes: ['read', 'activity:read_all'],
      athlete: null,
      needsReconnect: false,
    });
    const handler: Handler = (call) => {
      if (call.url.pathname === '/oauth/token') {
        return json(200, {
          access_token: 'new',
          refresh_token: 'r-new',
          expires_at: NOW / 1000 + 21600,
        });
      }
      return call.headers.get('Authorization') === 'Bearer new'
        ? json(200, activity)
        : json(401, BODIES.tokenInvalid);
    };
    const fake = fakeFetch(handler);
    const tokens = new OwnAppTokens({
      store,
      http: { fetch: fake.fetch, timeoutMs: 1000, now: () => NOW },
    });
    const client = createStravaClient({
      fetch: fake.fetch,
      tokens,
      budget: memoryBudgetStore(),
      now: () => NOW,
    });
    expect((await client.activity(42)).id).toBe(42);
    expect(fake.calls.map((c) => c.url.pathname)).toEqual([
      '/api/v3/activities/42',
      '/oauth/token',
      '/api/v3/activities/42',
    ]);
    expect(await store.get()).toMatchObject({ accessToken: 'new', refreshToken: 'r-new' });
  });

  it('when the refresh is rejected the call fails as reconnect-needed', async () => {
    const store = idbSecretStore();
    await store.clear();
    await store.set({
      clientId: '1',
      clientSecret: 'b'.repeat(40),
      accessToken: 'old',
      refreshToken: 'r-old',
      expiresAt: NOW + 3_600_000,
      scopes: [],
      athlete: null,
      needsReconnect: false,
    });
    const fake = fakeFetch((call) =>
      call.url.pathname === '/oauth/token'
        ? json(400, BODIES.refreshInvalid)
        : json(401, BODIES.tokenInvalid),
    );
    const tokens = new OwnAppTokens({
      store,
      http: { fetch: fake.fetch, timeoutMs: 1000, now: () => NOW },
    });
    const client = createStravaClient({
      fetch: fake.fetch,
      tokens,
      budget: memoryBudgetStore(),
      now: () => NOW,
    });
    await expect(client.athlete()).rejects.toSatisfy((e) => isStravaError(e, 'reconnect-needed'));
    await expect(client.athlete()).rejects.toSatisfy((e) => isStravaError(e, 'reconnect-needed'));
    expect(fake.calls).toHaveLength(2);
  });
});
