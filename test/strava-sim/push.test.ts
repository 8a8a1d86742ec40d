// The simulator's push subscriptions: Strava's create/view/delete with the app's credentials and
// the hub.challenge handshake, and webhook deliveries for uploads, edits, deletes and
// deauthorizations to the subscription's callback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './app-config.ts';
import type { PushEvent } from './push.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simIdentity } from './sim-identity.ts';
import { simRequest } from './sim-request.ts';

const CALLBACK = 'https://broker.example/webhook';
let sim: Simulator;
let received: PushEvent[];
let handshakes: URLSearchParams[];
let callbackStatus: number;

beforeAll(async () => {
  sim = await startSimulator({
    port: 0,
    seed: 3,
    weeks: 1,
    callbackFetch: async (url, init) => {
      const u = new URL(url);
      if (`${u.origin}${u.pathname}` !== CALLBACK) throw new Error('unreachable');
      if (!init?.method || init.method === 'GET') {
        handshakes.push(u.searchParams);
        const echo = u.searchParams.get('hub.verify_token') === 'right-token';
        return Response.json(echo ? { 'hub.challenge': u.searchParams.get('hub.challenge') } : {});
      }
      received.push(JSON.parse(String(init.body)));
      return new Response(null, { status: callbackStatus });
    },
  });
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(() => {
  received = [];
  handshakes = [];
  callbackStatus = 200;
});

const creds = `client_id=${DEFAULT_CLIENT_ID}&client_secret=${DEFAULT_CLIENT_SECRET}`;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const subscribe = (verify: string, secret = DEFAULT_CLIENT_SECRET) =>
  simRequest(
    sim,
    '/api/v3/push_subscriptions',
    form({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: secret,
      callback_url: CALLBACK,
      verify_token: verify,
    }),
  );

async function connectAthlete(): Promise<void> {
  const identity = simIdentity(sim);
  const url = new URL('https://www.strava.com/oauth/authorize');
  url.search = new URLSearchParams({
    client_id: DEFAULT_CLIENT_ID,
    redirect_uri: identity.getRedirectURL(),
    response_type: 'code',
    scope: 'read,activity:read_all',
    state: 's',
  }).toString();
  const back = new URL(
    (await identity.launchWebAuthFlow({ url: url.toString(), interactive: true }))!,
  );
  const res = await simRequest(
    sim,
    '/oauth/token',
    form({
      client_id: DEFAULT_CLIENT_ID,
      client_secret: DEFAULT_CLIENT_SECRET,
      code: back.searchParams.get('code') ?? '',
      grant_type: 'authorization_code',
    }),
  );
  expect(res.status).toBe(200);
}

describe('push subscriptions', () => {
  it('creates one only when the callback echoes the challenge, lists it, deletes it', async () => {
    expect((await subscribe('right-token', 'f'.repeat(40))).status).toBe(401);
    expect((await subscribe('wrong-token')).status).toBe(400);
    expect(handshakes.at(-1)?.get('hub.mode')).toBe('subscribe');
    const made = await subscribe('right-token');
    expect(made.status).toBe(201);
    const { id } = JSON.parse(made.text) as { id: number };
    expect((await subscribe('right-token')).status).toBe(400);
    const listed = await simRequest(sim, `/api/v3/push_subscriptions?${creds}`);
    expect(JSON.parse(listed.text)).toMatchObject([{ id, callback_url: CALLBACK }]);
    const gone = await simRequest(sim, `/api/v3/push_subscriptions/${id}?${creds}`, {
      method: 'DELETE',
    });
    expect(gone.status).toBe(204);
    expect(JSON.parse((await simRequest(sim, `/api/v3/push_subscriptions?${creds}`)).text)).toEqual(
      [],
    );
  });

  it('delivers uploads, edits, deletes and a deauthorization for an athlete who authorized', async () => {
    sim.reset();
    expect((await subscribe('right-token')).status).toBe(201);
    sim.finishRun({ kind: 'easy' });
    await sim.push.settled();
    expect(received).toEqual([]); // nobody has authorized the app yet
    await connectAthlete();
    const athlete = sim.admin.summary().athlete.id;
    const { id } = sim.finishRun({ kind: 'tempo' });
    sim.editActivity({ id, name: 'Tempo Tuesday' });
    sim.deleteActivity(id);
    sim.deauthorize();
    await sim.push.settled();
    const subscription = sim.push.subscriptionId();
    expect(received.map((e) => [e.object_type, e.aspect_type, e.object_id, e.updates])).toEqual([
      ['activity', 'create', id, {}],
      ['activity', 'update', id, { title: 'Tempo Tuesday' }],
      ['activity', 'delete', id, {}],
      ['athlete', 'update', athlete, { authorized: 'false' }],
    ]);
    for (const e of received) {
      expect(e).toMatchObject({ owner_id: athlete, subscription_id: subscription });
      expect(Number.isInteger(e.event_time)).toBe(true);
    }
    // Tokens died with the deauthorization: no more events for this athlete.
    sim.finishRun({ kind: 'easy' });
    await sim.push.settled();
    expect(received).toHaveLength(4);
  });

  it('retries a delivery the callback refused, three times at most', async () => {
    sim.reset();
    await connectAthlete();
    callbackStatus = 500;
    sim.finishRun({ kind: 'easy' });
    await sim.push.settled();
    expect(received).toHaveLength(4);
    expect(sim.push.deliveries.at(-1)).toMatchObject({ status: 500, attempts: 4 });
  });
});
