import { describe, expect, it } from 'vitest';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker();

type EventsBody = {
  events: { id: number; object_id: number; owner_id?: number }[];
  cursor: number;
};

const upload = (ownerId: number, objectId: number) =>
  t.fake.deliver({
    object_type: 'activity',
    aspect_type: 'create',
    object_id: objectId,
    owner_id: ownerId,
  });

const events = async (session: string, query = '') =>
  (await (await t.call(`/events${query}`, session)).json()) as EventsBody;

describe('GET /events', () => {
  it("serves only the session's athlete's events, after the cursor", async () => {
    const alice = await t.connect();
    const bob = await t.connect();
    await upload(alice.athleteId, 101);
    await upload(bob.athleteId, 201);
    await upload(alice.athleteId, 102);

    const all = await events(alice.session);
    expect(all.events.map((e) => e.object_id)).toEqual([101, 102]);
    expect(all.events[0]).not.toHaveProperty('owner_id');
    const rest = await events(alice.session, `?after=${all.events[0]!.id}`);
    expect(rest.events.map((e) => e.object_id)).toEqual([102]);
    const none = await events(alice.session, `?after=${all.cursor}`);
    expect(none).toEqual({ events: [], cursor: all.cursor, more: false });
    expect((await events(bob.session)).events.map((e) => e.object_id)).toEqual([201]);
  });

  it('waits for the next event and costs no Strava request', async () => {
    const runner = await t.connect();
    const before = t.fake.requests.length;
    const started = performance.now();
    const polled = events(runner.session, '?after=0&wait=5');
    setTimeout(() => void upload(runner.athleteId, 301), 150);
    const body = await polled;
    expect(body.events.map((e) => e.object_id)).toEqual([301]);
    expect(performance.now() - started).toBeLessThan(3000);
    // Only the delivery itself reached the fake (a webhook POST, not a Strava API request).
    expect(t.fake.requests.length).toBe(before);
  });

  it('returns empty after the wait when nothing comes', async () => {
    const runner = await t.connect();
    const started = performance.now();
    const body = await events(runner.session, '?wait=0.3');
    expect(body.events).toEqual([]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
  });

  it('refuses a bad cursor and a missing session', async () => {
    const runner = await t.connect();
    expect((await t.call('/events?after=-1', runner.session)).status).toBe(400);
    expect((await t.call('/events?wait=600', runner.session)).status).toBe(400);
    expect((await t.request('/events')).status).toBe(401);
  });
});
