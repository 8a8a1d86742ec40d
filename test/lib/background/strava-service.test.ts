import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createStravaService } from '../../../lib/background/strava-service';
import { connectionItem } from '../../../lib/store/connection';
import { type Identity, LIMITATION_PRIVATE_ACTIVITIES } from '../../../lib/strava/connect';
import { StravaError } from '../../../lib/strava/errors';
import { idbSecretStore } from '../../../lib/strava/own-app-tokens';
import { BODIES, fakeFetch, type Handler, json } from '../strava/fake-fetch';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/';
const CREDS = { clientId: '12345', clientSecret: '0123456789abcdef0123456789abcdef01234567' };
const ALL = 'read,activity:read_all,profile:read_all';

const tokenBody = {
  token_type: 'Bearer',
  expires_at: NOW / 1000 + 21600,
  expires_in: 21600,
  refresh_token: 'refresh-secret-1',
  access_token: 'access-secret-1',
  athlete: { id: 7, firstname: 'Ada', lastname: 'Runner', profile_medium: 'https://x/medium.jpg' },
};

/** Strava as the connect flow sees it; override single routes per test. */
function strava(routes: Record<string, Handler> = {}): Handler {
  return (call) => {
    const key = `${call.method} ${call.url.pathname}`;
    const route = routes[key];
    if (route) return route(call);
    if (key === 'GET /oauth/authorize') return new Response('<html>Log in</html>', { status: 200 });
    if (key === 'POST /oauth/token') return json(200, tokenBody);
    if (key === 'GET /api/v3/athlete') {
      return json(200, {
        id: 7,
        firstname: 'Ada',
        lastname: 'Runner',
        measurement_preference: 'feet',
      });
    }
    if (key === 'POST /oauth/deauthorize') return json(200, { access_token: 'access-secret-1' });
    return json(404, BODIES.notFound);
  };
}

/** Plays Strava's window: answers with the redirect the runner's choice would produce. */
function identity(answer: (state: string) => string | Error) {
  const launched: string[] = [];
  const id: Identity = {
    getRedirectURL: () => REDIRECT,
    launchWebAuthFlow: async ({ url }) => {
      launched.push(url);
      const state = new URL(url).searchParams.get('state') ?? '';
      const a = answer(state);
      if (a instanceof Error) throw a;
      return a;
    },
  };
  return { id, launched };
}

const approve =
  (scope = ALL) =>
  (state: string) =>
    `${REDIRECT}?state=${state}&code=c0de&scope=${scope}`;

function setup(handler: Handler, answer: (state: string) => string | Error = approve()) {
  const fake = fakeFetch(handler);
  const ident = identity(answer);
  const service = createStravaService({ fetch: fake.fetch, now: () => NOW, identity: ident.id });
  return { service, calls: fake.calls, launched: ident.launched };
}

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof StravaError) return e.detail;
    throw e;
  }
  throw new Error('expected a failure');
}

beforeEach(async () => {
  fakeBrowser.reset();
  await idbSecretStore().clear();
});

describe('connect', () => {
  it('connects: athlete, units and scopes shown; secrets only in IndexedDB', async () => {
    const { service, launched } = setup(strava());
    const connection = await service.connect(CREDS);
    expect(connection).toMatchObject({
      state: 'connected',
      athlete: { id: 7, name: 'Ada Runner', units: 'imperial', avatarUrl: 'https://x/medium.jpg' },
      scopes: ['read', 'activity:read_all', 'profile:read_all'],
      limitations: [],
    });
    expect(new URL(launched[0]!).searchParams.get('scope')).toBe(ALL);
    expect(await connectionItem.getValue()).toMatchObject({ state: 'connected' });
    expect(await idbSecretStore().get()).toMatchObject({
      clientSecret: CREDS.clientSecret,
      accessToken: 'access-secret-1',
      refreshToken: 'refresh-secret-1',
    });
    // What content scripts could read: no secret, no token.
    const everything = JSON.stringify([
      await fakeBrowser.storage.local.get(null),
      await fakeBrowser.storage.sync.get(null),
      await fakeBrowser.storage.session.get(null),
    ]);
    expect(everything).toContain('Ada Runner');
    for (const secret of [CREDS.clientSecret, 'access-secret-1', 'refresh-secret-1']) {
      expect(everything).not.toContain(secret);
    }
    expect(JSON.stringify(connection)).not.toContain('secret');
  });

  it("the runner closes Strava's window: cancelled, with the callback domain in the message", async () => {
    const { service, calls } = setup(strava(), () => new Error('The user did not approve access.'));
    const e = await failure(service.connect(CREDS));
    expect(e).toMatchObject({
      kind: 'oauth',
      reason: 'cancelled',
      redirectDomain: 'abcdefghijklmnop.chromiumapp.org',
    });
    expect(calls.map((c) => c.url.pathname)).toEqual(['/oauth/authorize']);
    expect(await idbSecretStore().get()).toBeUndefined();
  });

  it('the runner presses Cancel on Strava (error=access_denied): cancelled', async () => {
    const { service } = setup(
      strava(),
      (state) => `${REDIRECT}?state=${state}&error=access_denied`,
    );
    expect(await failure(service.connect(CREDS))).toMatchObject({ reason: 'cancelled' });
  });

  it('activities refused: scope-refused, no code exchange, nothing stored', async () => {
    const { service, calls } = setup(strava(), approve('read,profile:read_all'));
    expect(await failure(service.connect(CREDS))).toMatchObject({ reason: 'scope-refused' });
    expect(calls.some((c) => c.url.pathname === '/oauth/token')).toBe(false);
    expect(await idbSecretStore().get()).toBeUndefined();
  });

  it('private activities refused: connects and records what will not work', async () => {
    const { service } = setup(strava(), approve('read,activity:read,profile:read_all'));
    const connection = await service.connect(CREDS);
    expect(connection.state).toBe('connected');
    expect(connection.limitations).toEqual([LIMITATION_PRIVATE_ACTIVITIES]);
  });

  it('wrong client id or secret at the code exchange: bad-client', async () => {
    const { service } = setup(
      strava({ 'POST /oauth/token': () => json(400, BODIES.clientInvalid) }),
    );
    expect(await failure(service.connect(CREDS))).toMatchObject({ reason: 'bad-client' });
    expect((await connectionItem.getValue()).state).toBe('disconnected');
  });

  it("callback domain mismatch is named before Strava's window opens", async () => {
    const { service, launched } = setup(
      strava({
        'GET /oauth/authorize': () =>
          json(
            400,
            '{"message":"Bad Request","errors":[{"resource":"Application","field":"redirect_uri","code":"invalid"}]}',
          ),
      }),
    );
    const e = await failure(service.connect(CREDS));
    expect(e).toMatchObject({
      reason: 'redirect-mismatch',
      redirectDomain: 'abcdefghijklmnop.chromiumapp.org',
    });
    expect(launched).toHaveLength(0);
  });

  it('a failing athlete call does not undo the connection', async () => {
    const { service } = setup(
      strava({ 'GET /api/v3/athlete': () => new Response('', { status: 503 }) }),
    );
    const connection = await service.connect(CREDS);
    expect(connection.state).toBe('connected');
    expect(connection.athlete).toMatchObject({ name: 'Ada Runner', units: null });
  });
});

describe('disconnect', () => {
  it('deauthorizes with the token in the header, then wipes tokens and secret', async () => {
    const { service, calls } = setup(strava());
    await service.connect(CREDS);
    const out = await service.disconnect();
    const deauth = calls.find((c) => c.url.pathname === '/oauth/deauthorize');
    expect(deauth?.headers.get('Authorization')).toBe('Bearer access-secret-1');
    expect(out.notice).toBeNull();
    expect(out.connection.state).toBe('disconnected');
    expect(await idbSecretStore().get()).toBeUndefined();
  });

  it('offline: still wipes locally and tells the runner how to finish at Strava', async () => {
    let offline = false;
    const { service } = setup((call) =>
      offline ? Promise.reject(new TypeError('x')) : strava()(call),
    );
    await service.connect(CREDS);
    offline = true;
    const out = await service.disconnect();
    expect(out.notice).toContain('strava.com/settings/apps');
    expect(await idbSecretStore().get()).toBeUndefined();
  });
});

describe('reconnect needed', () => {
  it('a rejected refresh shows on the connection status', async () => {
    let now = NOW;
    const fake = fakeFetch(strava());
    const service = createStravaService({
      fetch: fake.fetch,
      now: () => now,
      identity: identity(approve()).id,
    });
    await service.connect(CREDS);
    now = NOW + 7 * 3_600_000;
    const routes = strava({ 'POST /oauth/token': () => json(400, BODIES.refreshInvalid) });
    const fake2 = fakeFetch(routes);
    const later = createStravaService({
      fetch: fake2.fetch,
      now: () => now,
      identity: identity(approve()).id,
    });
    await expect(later.client.listActivities()).rejects.toThrow(/Reconnect Strava/);
    expect(await later.getConnection()).toMatchObject({
      state: 'reconnect-needed',
      clientId: '12345',
    });
    expect(await later.savedCredentials()).toEqual(CREDS);
    // The badge follows the connection item (test/entrypoints/background.test.ts).
  });
});

describe('start-up', () => {
  it('restores "reconnect needed" from the secrets after a restart', async () => {
    await idbSecretStore().set({
      clientId: '1',
      clientSecret: CREDS.clientSecret,
      accessToken: null,
      refreshToken: null,
      expiresAt: 0,
      scopes: ['read'],
      athlete: null,
      needsReconnect: true,
    });
    const service = createStravaService({ fetch: fakeFetch(strava()).fetch, now: () => NOW });
    await service.ready;
    expect((await service.getConnection()).state).toBe('reconnect-needed');
    expect((await connectionItem.getValue()).state).toBe('reconnect-needed');
  });

  it('a status item that says connected without stored tokens is corrected', async () => {
    await connectionItem.setValue({ ...(await connectionItem.getValue()), state: 'connected' });
    const service = createStravaService({ fetch: fakeFetch(strava()).fetch, now: () => NOW });
    await service.ready;
    expect((await service.getConnection()).state).toBe('disconnected');
  });
});
