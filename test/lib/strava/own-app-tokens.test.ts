import { beforeEach, describe, expect, it } from 'vitest';
import { isStravaError } from '../../../lib/strava/errors';
import {
  idbSecretStore,
  type OwnAppRecord,
  OwnAppTokens,
  type SecretStore,
} from '../../../lib/strava/own-app-tokens';
import type { TokenStatus } from '../../../lib/strava/token-source';
import { BODIES, fakeFetch, json } from './fake-fetch';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;

const record = (over: Partial<OwnAppRecord> = {}): OwnAppRecord => ({
  clientId: '12345',
  clientSecret: 'a'.repeat(40),
  accessToken: 'access-1',
  refreshToken: 'refresh-1',
  expiresAt: NOW + 6 * HOUR,
  scopes: ['read', 'activity:read_all', 'profile:read_all'],
  athlete: { id: 7 },
  needsReconnect: false,
  ...over,
});

/** Wraps the real IndexedDB store and remembers every write. */
function countingStore(): SecretStore & { writes: OwnAppRecord[] } {
  const inner = idbSecretStore();
  const writes: OwnAppRecord[] = [];
  return {
    writes,
    get: () => inner.get(),
    set: async (r) => {
      writes.push(structuredClone(r));
      await inner.set(r);
    },
    clear: () => inner.clear(),
  };
}

let now = NOW;
let store: ReturnType<typeof countingStore>;

beforeEach(async () => {
  now = NOW;
  store = countingStore();
  await store.clear();
});

function setup(handler: Parameters<typeof fakeFetch>[0]) {
  const fake = fakeFetch(handler);
  const statuses: TokenStatus[] = [];
  const tokens = new OwnAppTokens({
    store,
    http: { fetch: fake.fetch, timeoutMs: 5000, now: () => now },
    onStatus: (s) => statuses.push(s),
  });
  return { tokens, calls: fake.calls, statuses };
}

let rotation = 1;
const refreshOk = () => {
  rotation++;
  return json(200, {
    token_type: 'Bearer',
    access_token: `access-${rotation}`,
    refresh_token: `refresh-${rotation}`,
    expires_at: Math.floor(now / 1000) + 21600,
    expires_in: 21600,
  });
};

beforeEach(() => {
  rotation = 1;
});

describe('OwnAppTokens', () => {
  it('without a connection says "not connected" and sends nothing', async () => {
    const { tokens, calls } = setup(refreshOk);
    await expect(tokens.getAccessToken()).rejects.toSatisfy((e) =>
      isStravaError(e, 'reconnect-needed'),
    );
    expect(calls).toHaveLength(0);
    expect(await tokens.status()).toEqual({ state: 'disconnected', scopes: [] });
  });

  it('returns the stored token while it has more than 5 minutes left', async () => {
    await store.set(record({ expiresAt: NOW + 6 * 60_000 }));
    const { tokens, calls } = setup(refreshOk);
    expect(await tokens.getAccessToken()).toBe('access-1');
    expect(calls).toHaveLength(0);
  });

  it('refreshes ahead of expires_at, sending the secret in the POST body only', async () => {
    await store.set(record({ expiresAt: NOW + 4 * 60_000 }));
    const { tokens, calls } = setup(refreshOk);
    expect(await tokens.getAccessToken()).toBe('access-2');
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    expect(call.method).toBe('POST');
    expect(call.url.href).toBe('https://www.strava.com/oauth/token');
    const form = new URLSearchParams(call.body);
    expect(form.get('grant_type')).toBe('refresh_token');
    expect(form.get('refresh_token')).toBe('refresh-1');
    expect(form.get('client_secret')).toBe('a'.repeat(40));
  });

  it('concurrent callers share ONE refresh request and all get the new token', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    const { tokens, calls } = setup(
      () => new Promise((resolve) => setTimeout(() => resolve(refreshOk()), 20)),
    );
    const got = await Promise.all(Array.from({ length: 8 }, () => tokens.getAccessToken()));
    expect(new Set(got)).toEqual(new Set(['access-2']));
    expect(calls).toHaveLength(1);
  });

  it('a caller that read the old record after a refresh finished does not refresh again', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    const { tokens, calls } = setup(refreshOk);
    await tokens.getAccessToken();
    await tokens.getAccessToken();
    expect(calls).toHaveLength(1);
  });

  it('stores the rotated pair in one write', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    store.writes.length = 0;
    const { tokens } = setup(refreshOk);
    await tokens.getAccessToken();
    expect(store.writes).toHaveLength(1);
    expect(store.writes[0]).toMatchObject({
      accessToken: 'access-2',
      refreshToken: 'refresh-2',
      expiresAt: (Math.floor(NOW / 1000) + 21600) * 1000,
      clientSecret: 'a'.repeat(40),
    });
    expect(await store.get()).toEqual(store.writes[0]);
  });

  it('a rejected refresh marks reconnect-needed, forgets the tokens and never tries again', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    const { tokens, calls, statuses } = setup(() => json(400, BODIES.refreshInvalid));
    await expect(tokens.getAccessToken()).rejects.toSatisfy((e) =>
      isStravaError(e, 'reconnect-needed'),
    );
    await expect(tokens.getAccessToken()).rejects.toSatisfy((e) =>
      isStravaError(e, 'reconnect-needed'),
    );
    expect(calls).toHaveLength(1);
    expect(statuses.at(-1)?.state).toBe('reconnect-needed');
    const stored = await store.get();
    expect(stored).toMatchObject({ accessToken: null, refreshToken: null, needsReconnect: true });
    // The credentials stay so reconnecting needs no retyping.
    expect(stored?.clientId).toBe('12345');
  });

  it('a refresh that cannot reach Strava keeps the connection (offline is not a revocation)', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    const { tokens } = setup(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(tokens.getAccessToken()).rejects.toSatisfy((e) => isStravaError(e, 'offline'));
    expect((await tokens.status()).state).toBe('connected');
  });

  it('invalidate() makes the next call refresh even before expiry, once', async () => {
    await store.set(record());
    const { tokens, calls } = setup(refreshOk);
    tokens.invalidate('access-1');
    expect(await tokens.getAccessToken()).toBe('access-2');
    expect(await tokens.getAccessToken()).toBe('access-2');
    expect(calls).toHaveLength(1);
  });

  it('invalidating a token that was already replaced does not refresh again', async () => {
    await store.set(record({ accessToken: 'access-9' }));
    const { tokens, calls } = setup(refreshOk);
    tokens.invalidate('access-1');
    expect(await tokens.getAccessToken()).toBe('access-9');
    expect(calls).toHaveLength(0);
  });
});

describe('OwnAppTokens: a refresh is never lost once Strava has rotated', () => {
  /** Strava as it rotates: the answer takes `delayMs`; only the current refresh token works. */
  function rotatingStrava(delayMs: number, strava = { valid: 'refresh-1', n: 1 }) {
    const sent: string[] = [];
    const fetch = (_input: string, init: RequestInit = {}) =>
      new Promise<Response>((resolve, reject) => {
        const token = new URLSearchParams(String(init.body)).get('refresh_token') ?? '';
        sent.push(token);
        // Strava handles the request at once; only its answer is slow.
        let answer: Response;
        if (token === strava.valid) {
          strava.n++;
          strava.valid = `refresh-${strava.n}`;
          answer = json(200, {
            access_token: `access-${strava.n}`,
            refresh_token: strava.valid,
            expires_at: Math.floor(NOW / 1000) + 21600,
            expires_in: 21600,
          });
        } else answer = json(400, BODIES.refreshInvalid);
        const timer = setTimeout(() => resolve(answer), delayMs);
        init.signal?.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new DOMException('aborted', 'AbortError'));
        });
      });
    return { fetch, sent, strava };
  }

  it('stores an answer that came after the caller stopped waiting: no reconnect', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    const s = rotatingStrava(120);
    const tokens = new OwnAppTokens({
      store,
      http: { fetch: s.fetch, timeoutMs: 40, now: () => now },
    });
    await expect(tokens.getAccessToken()).rejects.toSatisfy((e) => isStravaError(e, 'timeout'));
    await new Promise((r) => setTimeout(r, 150));
    expect(await tokens.getAccessToken()).toBe('access-2');
    expect(s.sent).toEqual(['refresh-1']);
    expect((await tokens.status()).state).toBe('connected');
  });

  it('a connect while a refresh is out keeps the new connection', async () => {
    await store.set(record({ expiresAt: NOW - 1000 }));
    const s = rotatingStrava(40);
    const tokens = new OwnAppTokens({
      store,
      http: { fetch: s.fetch, timeoutMs: 5000, now: () => now },
    });
    const refreshing = tokens.getAccessToken();
    // The refresh is out (Strava has rotated) when the runner connects again.
    while (s.sent.length === 0) await new Promise((r) => setTimeout(r, 1));
    await tokens.connect(
      { clientId: '12345', clientSecret: 'a'.repeat(40) },
      {
        access_token: 'fresh-access',
        refresh_token: 'fresh-refresh',
        expires_at: Math.floor(NOW / 1000) + 21600,
      },
      ['read', 'activity:read_all'],
    );
    expect(await refreshing).toBe('fresh-access');
    expect(await store.get()).toMatchObject({
      accessToken: 'fresh-access',
      refreshToken: 'fresh-refresh',
    });
  });

  it('a computer clock hours ahead of Strava refreshes once, not on every call', async () => {
    now = NOW + 10 * HOUR;
    await store.set(record({ expiresAt: NOW - 1000 }));
    const s = rotatingStrava(1);
    const tokens = new OwnAppTokens({
      store,
      http: { fetch: s.fetch, timeoutMs: 5000, now: () => now },
    });
    expect(await tokens.getAccessToken()).toBe('access-2');
    expect(await tokens.getAccessToken()).toBe('access-2');
    expect(s.sent).toHaveLength(1);
  });
});
