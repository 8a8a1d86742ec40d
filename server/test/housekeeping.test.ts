import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pruneExpired } from '../src/housekeeping.ts';
import { oauthStates, webhookEvents } from '../src/schema.ts';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker();

describe('pruneExpired', () => {
  it('drops expired OAuth states and events past retention, and keeps the rest', async () => {
    const { athleteId } = await t.connect();
    const state = (hash: string, minutes: number) => ({
      stateHash: hash,
      extensionId: 'x',
      redirectUrl: 'https://x.chromiumapp.org/',
      extensionState: 's',
      expiresAt: new Date(Date.now() + minutes * 60_000),
    });
    await t.db.insert(oauthStates).values([state('expired', -1), state('live', 5)]);
    const event = (objectId: number, daysAgo: number) => ({
      athleteId,
      objectType: 'activity',
      aspectType: 'create',
      objectId,
      eventTime: 1,
      receivedAt: sql`now() - ${daysAgo} * interval '1 day'` as unknown as Date,
    });
    await t.db.insert(webhookEvents).values([event(1, 8), event(2, 1)]);

    await pruneExpired(t.db, 7);

    const states = await t.db.select({ hash: oauthStates.stateHash }).from(oauthStates);
    expect(states.map((s) => s.hash)).toEqual(['live']);
    const events = await t.db.select({ objectId: webhookEvents.objectId }).from(webhookEvents);
    expect(events.map((e) => e.objectId)).toEqual([2]);
  });
});
