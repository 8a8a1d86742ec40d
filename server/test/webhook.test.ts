import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookEvents } from '../src/schema.ts';
import { rawRows, rowsNaming } from './support/test-broker.ts';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker();

const handshake = (token: string) =>
  `/webhook?${new URLSearchParams({ 'hub.mode': 'subscribe', 'hub.challenge': 'c-123', 'hub.verify_token': token })}`;

const storedEvents = (athleteId: number) =>
  t.db.select().from(webhookEvents).where(eq(webhookEvents.athleteId, athleteId));

describe('GET /webhook (handshake)', () => {
  it('echoes the challenge for the right verify token only', async () => {
    const ok = await t.request(handshake('verify-token-for-tests'));
    expect(await ok.json()).toEqual({ 'hub.challenge': 'c-123' });
    expect((await t.request(handshake('wrong-token'))).status).toBe(403);
  });

  it('created the subscription at start through that handshake', () => {
    expect(t.fake.subscriptionId()).toBe(t.broker.ctx.subscription.id);
  });
});

describe('POST /webhook', () => {
  it('stores an event of a connected athlete once, with field names but no values', async () => {
    const { athleteId } = await t.connect();
    const event = {
      object_type: 'activity' as const,
      aspect_type: 'update' as const,
      object_id: 555,
      owner_id: athleteId,
      event_time: 1_780_000_000,
      updates: { title: 'Morning tempo with Sam', type: 'Run' },
    };
    const first = await t.fake.deliver(event);
    expect(first.status).toBe(200);
    // Strava retries up to three times.
    for (let i = 0; i < 3; i++) expect((await t.fake.deliver(event)).status).toBe(200);
    const rows = await storedEvents(athleteId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      objectId: 555,
      aspectType: 'update',
      updatedFields: ['title', 'type'],
    });
    expect(JSON.stringify(rows)).not.toContain('Morning tempo');
  });

  it('answers fast', async () => {
    const { athleteId } = await t.connect();
    const started = performance.now();
    await t.fake.deliver({
      object_type: 'activity',
      aspect_type: 'create',
      object_id: 1,
      owner_id: athleteId,
    });
    expect(performance.now() - started).toBeLessThan(500);
  });

  it("ignores another subscription's events and athletes who are not connected", async () => {
    const { athleteId } = await t.connect();
    const foreign = await t.fake.deliver({
      object_type: 'activity',
      aspect_type: 'create',
      object_id: 77,
      owner_id: athleteId,
      subscription_id: 1,
    });
    expect(await foreign.json()).toMatchObject({ stored: false });
    const stranger = await t.fake.deliver({
      object_type: 'activity',
      aspect_type: 'create',
      object_id: 78,
      owner_id: 31_337,
    });
    expect(stranger.status).toBe(200);
    expect(await storedEvents(athleteId)).toHaveLength(0);
    expect(await rowsNaming(t.db, 31_337)).toBe(0);
  });

  it('refuses a malformed or oversized event', async () => {
    const response = await t.request('/webhook', {
      method: 'POST',
      body: '{"object_type":"club"}',
    });
    expect(response.status).toBe(400);
    const huge = await t.request('/webhook', { method: 'POST', body: 'x'.repeat(100_000) });
    expect(huge.status).toBe(413);
  });

  it('deletes everything of an athlete who deauthorizes at Strava', async () => {
    const { athleteId, session } = await t.connect();
    await t.connect(); // another runner, who stays
    await t.fake.deliver({
      object_type: 'activity',
      aspect_type: 'create',
      object_id: 9,
      owner_id: athleteId,
    });
    expect(await rowsNaming(t.db, athleteId)).toBe(4);
    const response = await t.fake.deauthorizeFromStrava(athleteId);
    expect(response.status).toBe(200);
    expect(await rowsNaming(t.db, athleteId)).toBe(0);
    expect((await t.call('/events', session)).status).toBe(401);
    const left = await rawRows(t.db, sql`select count(*)::int as n from athletes`);
    expect(Number(left[0]?.n)).toBeGreaterThan(0);
  });
});
