// A small Strava for the broker's tests and bench: OAuth authorize (approves at once), code
// exchange and refresh (rotating the refresh token on every refresh, stricter than Strava, so a
// lost rotation shows), deauthorize, push subscriptions with the hub.challenge handshake, and
// webhook delivery to the subscription's callback.
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { FetchLike } from '../../src/strava-client.ts';

type FakeAthlete = { refreshToken: string; refreshes: number };

const token = () => randomBytes(20).toString('hex');

export function createFakeStrava(options: {
  clientId: string;
  clientSecret: string;
  /** How the fake reaches the broker (handshake, webhook deliveries). */
  callbackFetch: FetchLike;
}) {
  const athletes = new Map<number, FakeAthlete>();
  const codes = new Map<string, number>();
  const requests: { method: string; path: string }[] = [];
  let subscription: { id: number; callbackUrl: string } | null = null;
  let nextAthleteId = 10_000_001;
  const settings = {
    tokenLifetimeS: 6 * 3600,
    /** Widens the window in which concurrent refreshes could race. */
    refreshDelayMs: 0,
    /** The scopes the runner grants on the authorize page. */
    grantedScope: null as string | null,
    deny: false,
    /** The athlete the next authorization is for (a runner connecting again); null: a new one. */
    athleteId: null as number | null,
    /** A status for every refresh to fail with (Strava down), or null. */
    refreshFailure: null as number | null,
    /** Strava's clock, in seconds; the bench runs it ahead to simulate a day. */
    nowS: () => Math.floor(Date.now() / 1000),
  };
  /** What the extension fetched itself per athlete (GET /activities/{id}), for the bench's count. */
  const detailFetches = new Map<number, number>();

  const issue = (athleteId: number, athlete: FakeAthlete) => {
    const accessToken = token();
    accessTokenOwners.set(accessToken, athleteId);
    return {
      token_type: 'Bearer',
      access_token: accessToken,
      refresh_token: athlete.refreshToken,
      expires_at: settings.nowS() + settings.tokenLifetimeS,
      expires_in: settings.tokenLifetimeS,
    };
  };

  // Access tokens stay valid until their athlete deauthorizes (expiry is the broker's concern).
  const accessTokenOwners = new Map<string, number>();
  const bearerAthlete = (header: string | undefined): number | null => {
    const athleteId = accessTokenOwners.get(header?.replace(/^Bearer /, '') ?? '');
    return athleteId !== undefined && athletes.has(athleteId) ? athleteId : null;
  };

  const app = new Hono();
  app.use(async (c, next) => {
    requests.push({ method: c.req.method, path: c.req.path });
    await next();
  });
  const credentialsOk = (fields: Record<string, unknown>) =>
    fields.client_id === options.clientId && fields.client_secret === options.clientSecret;

  app.get('/oauth/authorize', (c) => {
    const q = c.req.query();
    const back = new URL(q.redirect_uri ?? '');
    back.searchParams.set('state', q.state ?? '');
    if (settings.deny) {
      back.searchParams.set('error', 'access_denied');
      return c.redirect(back.toString());
    }
    const athleteId = settings.athleteId ?? nextAthleteId++;
    if (!athletes.has(athleteId)) athletes.set(athleteId, { refreshToken: token(), refreshes: 0 });
    const code = token();
    codes.set(code, athleteId);
    back.searchParams.set('code', code);
    back.searchParams.set('scope', settings.grantedScope ?? q.scope ?? '');
    return c.redirect(back.toString());
  });

  app.post('/oauth/token', async (c) => {
    const body = await c.req.parseBody();
    if (!credentialsOk(body)) return c.json({ message: 'Authorization Error' }, 401);
    if (body.grant_type === 'authorization_code') {
      const athleteId = codes.get(String(body.code));
      codes.delete(String(body.code));
      const athlete = athleteId === undefined ? undefined : athletes.get(athleteId);
      if (!athlete || athleteId === undefined) return c.json({ message: 'Bad Request' }, 400);
      return c.json({
        ...issue(athleteId, athlete),
        athlete: { id: athleteId, firstname: 'Runner' },
      });
    }
    if (body.grant_type === 'refresh_token' && settings.refreshFailure) {
      return c.json({ message: 'Service Unavailable' }, settings.refreshFailure as 503);
    }
    const entry = [...athletes.entries()].find(([, a]) => a.refreshToken === body.refresh_token);
    if (body.grant_type !== 'refresh_token' || !entry) {
      return c.json(
        { message: 'Bad Request', errors: [{ resource: 'RefreshToken', code: 'invalid' }] },
        400,
      );
    }
    const [athleteId, athlete] = entry;
    athlete.refreshes += 1;
    athlete.refreshToken = token();
    if (settings.refreshDelayMs) await new Promise((r) => setTimeout(r, settings.refreshDelayMs));
    return c.json(issue(athleteId, athlete));
  });

  app.post('/oauth/deauthorize', (c) => {
    const athleteId = bearerAthlete(c.req.header('Authorization'));
    if (athleteId === null) return c.json({ message: 'Authorization Error' }, 401);
    athletes.delete(athleteId);
    return c.json({ ok: true });
  });

  app.get('/api/v3/activities/:id', (c) => {
    const athleteId = bearerAthlete(c.req.header('Authorization'));
    if (athleteId === null) return c.json({ message: 'Authorization Error' }, 401);
    detailFetches.set(athleteId, (detailFetches.get(athleteId) ?? 0) + 1);
    return c.json({ id: Number(c.req.param('id')), sport_type: 'Run', athlete: { id: athleteId } });
  });

  app.get('/api/v3/push_subscriptions', (c) => {
    if (!credentialsOk(c.req.query())) return c.json({ message: 'Authorization Error' }, 401);
    return c.json(
      subscription ? [{ id: subscription.id, callback_url: subscription.callbackUrl }] : [],
    );
  });

  app.post('/api/v3/push_subscriptions', async (c) => {
    const body = await c.req.parseBody();
    if (!credentialsOk(body)) return c.json({ message: 'Authorization Error' }, 401);
    if (subscription)
      return c.json({ message: 'Bad Request', errors: [{ code: 'already exists' }] }, 400);
    const challenge = token();
    const check = new URL(String(body.callback_url));
    check.search = new URLSearchParams({
      'hub.mode': 'subscribe',
      'hub.challenge': challenge,
      'hub.verify_token': String(body.verify_token),
    }).toString();
    const answer = await options.callbackFetch(check.toString()).catch(() => null);
    const echoed = answer?.ok ? ((await answer.json()) as Record<string, unknown>) : null;
    if (echoed?.['hub.challenge'] !== challenge) {
      return c.json(
        { message: 'Bad Request', errors: [{ code: 'GET to callback URL does not return 200' }] },
        400,
      );
    }
    subscription = {
      id: 900_000 + Math.floor(Math.random() * 99_999),
      callbackUrl: check.origin + check.pathname,
    };
    return c.json({ id: subscription.id }, 201);
  });

  app.delete('/api/v3/push_subscriptions/:id', (c) => {
    if (subscription?.id !== Number(c.req.param('id'))) return c.body(null, 404);
    subscription = null;
    return c.body(null, 204);
  });

  const fetchFake: FetchLike = (input, init) =>
    Promise.resolve(app.fetch(new Request(input, init)));

  return {
    app,
    fetch: fetchFake,
    settings,
    requests,
    subscriptionId: () => subscription?.id ?? null,
    /** A subscription some other deployment of the application made. */
    plantSubscription(callbackUrl: string): number {
      subscription = { id: 800_000 + Math.floor(Math.random() * 99_999), callbackUrl };
      return subscription.id;
    },
    refreshesOf: (athleteId: number) => athletes.get(athleteId)?.refreshes ?? 0,
    detailFetchesOf: (athleteId: number) => detailFetches.get(athleteId) ?? 0,
    refreshTokenOf: (athleteId: number) => athletes.get(athleteId)?.refreshToken ?? '',
    isAuthorized: (athleteId: number) => athletes.has(athleteId),
    /** Posts one event to the subscription's callback, as Strava does; returns the response. */
    async deliver(event: {
      object_type: 'activity' | 'athlete';
      aspect_type: 'create' | 'update' | 'delete';
      object_id: number;
      owner_id: number;
      event_time?: number;
      updates?: Record<string, string>;
      subscription_id?: number;
    }): Promise<Response> {
      if (!subscription) throw new Error('no push subscription');
      return options.callbackFetch(subscription.callbackUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          updates: {},
          event_time: Math.floor(Date.now() / 1000),
          subscription_id: subscription.id,
          ...event,
        }),
      });
    },
    /** Strava-side deauthorization: the athlete revokes at strava.com, Strava tells the callback. */
    async deauthorizeFromStrava(athleteId: number): Promise<Response> {
      athletes.delete(athleteId);
      return this.deliver({
        object_type: 'athlete',
        aspect_type: 'update',
        object_id: athleteId,
        owner_id: athleteId,
        updates: { authorized: 'false' },
      });
    },
  };
}
