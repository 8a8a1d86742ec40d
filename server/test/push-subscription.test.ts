import { describe, expect, it } from 'vitest';
import { ensureSubscription } from '../src/push-subscription.ts';
import { PUBLIC_URL } from './support/test-broker.ts';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker();

describe('ensureSubscription', () => {
  it('keeps the subscription that already points at this broker', async () => {
    const before = t.fake.subscriptionId();
    const again = await t.broker.ensureSubscription();
    expect(again).toEqual({ id: before, created: false });
  });

  it('replaces a subscription that points elsewhere', async () => {
    const old = t.fake.plantSubscription('https://old-broker.test/webhook');
    const moved = await t.broker.ensureSubscription();
    expect(moved.created).toBe(true);
    expect(moved.id).not.toBe(old);
    expect(t.fake.subscriptionId()).toBe(moved.id);
    expect(t.broker.ctx.subscription.id).toBe(moved.id);
  });

  it('cannot subscribe when the handshake fails', async () => {
    await t.broker.ctx.strava.deleteSubscription(t.fake.subscriptionId()!);
    await expect(
      ensureSubscription(t.broker.ctx.strava, `${PUBLIC_URL}/webhook`, 'not-the-verify-token'),
    ).rejects.toThrow('push_subscriptions answered 400');
    expect(t.fake.subscriptionId()).toBeNull();
  });
});
