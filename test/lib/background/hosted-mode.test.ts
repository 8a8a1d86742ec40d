// Hosted mode end to end in Node: the extension's background (Strava service, app service, event
// follower) against the real broker (server/src on in-memory PGlite) with the simulator as Strava.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AppService, createAppService } from '../../../lib/background/app-service';
import { createStravaService, type StravaService } from '../../../lib/background/strava-service';
import { type Collections, openCollections } from '../../../lib/store/collections';
import { connectionItem } from '../../../lib/store/connection';
import { idbBrokerStore } from '../../../lib/strava/broker-tokens';
import { StravaError } from '../../../lib/strava/errors';
import { BROKER_URL, type BrokerOnSim, startBrokerOnSim } from '../../e2e/broker-on-sim';
import { clearCollections } from '../sync/sync-harness';

let env: BrokerOnSim;
let strava: StravaService;
let app: AppService;
let collections: Collections;

beforeAll(async () => {
  env = await startBrokerOnSim({ sim: { seed: 11, weeks: 2 } });
});
afterAll(async () => {
  await env?.stop();
});
beforeEach(async () => {
  fakeBrowser.reset();
  await idbBrokerStore().clear();
  env.sim.reset();
  strava = createStravaService({
    fetch: env.extensionFetch,
    now: () => env.sim.clock.now(),
    identity: env.identity(),
    brokerUrl: BROKER_URL,
  });
  collections = openCollections();
  await clearCollections(collections);
  app = createAppService({
    strava,
    collections,
    now: () => env.sim.clock.now(),
    timeZone: () => 'Europe/London',
  });
});

const stravaRoutes = () =>
  env.sim
    .requests()
    .log.filter((e) => e.area === 'api')
    .map((e) => e.route);

/** Connect in one click and list once, as the background does on a new connection. */
async function connected(): Promise<number> {
  const connection = await strava.connectHosted();
  await app.syncNow(true);
  await env.sim.push.settled();
  env.sim.admin.clearRequests();
  return connection.athlete?.id ?? 0;
}

describe('hosted mode', () => {
  it('connects in one click; the session stays in IndexedDB; the minute event alarm replaces the list timer', async () => {
    const athleteId = await connected();
    expect(athleteId).toBe(env.sim.admin.summary().athlete.id);
    const connection = await connectionItem.getValue();
    expect(connection).toMatchObject({ state: 'connected', mode: 'hosted', clientId: null });
    expect(connection.athlete?.name).toMatch(/\w+ \w+/);
    const record = await idbBrokerStore().get();
    expect(record?.session.length).toBeGreaterThan(16);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain(record?.session);
    expect(local).not.toContain(record?.accessToken);
    await app.scheduleAlarms();
    expect(await fakeBrowser.alarms.get('events')).toMatchObject({ periodInMinutes: 1 });
    expect(await fakeBrowser.alarms.get('sync')).toBeUndefined();
    expect(await env.rowsNaming(athleteId)).toBeGreaterThan(0);
  });

  it('a new run arrives by webhook: its plan is stored with one detail fetch and no list', async () => {
    await connected();
    const { id } = env.sim.finishRun({ kind: 'long' });
    await env.sim.push.settled();
    expect(await collections.runs.get(id)).toBeUndefined();
    await app.onAlarm('events');
    const run = await collections.runs.get(id);
    expect(run?.plan?.steps.length).toBeGreaterThan(0);
    expect(run?.announcedAt).not.toBeNull();
    const routes = stravaRoutes();
    expect(routes).toContain('GET /api/v3/activities/{id}');
    expect(routes).not.toContain('GET /api/v3/athlete/activities');
    expect(routes.length).toBeLessThanOrEqual(2); // the detail, and streams when unsure
    // The event is read once: the next poll fetches nothing.
    env.sim.admin.clearRequests();
    const record = await idbBrokerStore().get();
    expect(record?.eventCursor).toBeGreaterThan(0);
  });

  it('an edit replans the run and a delete removes it', async () => {
    await connected();
    const { id } = env.sim.finishRun({ kind: 'easy' });
    await env.sim.push.settled();
    await app.onAlarm('events');
    env.sim.editActivity({ id, name: 'Long slow Sunday', workout_type: 2 });
    await env.sim.push.settled();
    await app.onAlarm('events');
    expect((await collections.runs.get(id))?.activity.name).toBe('Long slow Sunday');
    expect((await collections.runs.get(id))?.classification?.kind).toBe('long');
    env.sim.deleteActivity(id);
    await env.sim.push.settled();
    await app.onAlarm('events');
    expect(await collections.runs.get(id)).toBeUndefined();
  });

  it('disconnect leaves nothing at the broker and nothing here', async () => {
    const athleteId = await connected();
    const outcome = await strava.disconnect();
    expect(outcome.notice).toBeNull();
    expect(outcome.connection.state).toBe('disconnected');
    expect(await env.rowsNaming(athleteId)).toBe(0);
    expect(await idbBrokerStore().get()).toBeUndefined();
    expect(env.sim.admin.summary().tokens).toBe(0);
  });

  it('a deauthorization at Strava leaves nothing at the broker; the next poll asks to reconnect', async () => {
    const athleteId = await connected();
    env.sim.deauthorize();
    await env.sim.push.settled();
    expect(await env.rowsNaming(athleteId)).toBe(0);
    await app.onAlarm('events');
    expect((await strava.getConnection()).state).toBe('reconnect-needed');
    expect((await app.popupState()).sync.lastError?.kind).toBe('reconnect-needed');
  });

  it('a build without a broker has no hosted mode', async () => {
    const plain = createStravaService({ fetch: env.extensionFetch, brokerUrl: null });
    expect(plain.hosted).toBeNull();
    await expect(plain.connectHosted()).rejects.toBeInstanceOf(StravaError);
  });
});
