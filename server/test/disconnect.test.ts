import { describe, expect, it } from 'vitest';
import { rowsNaming } from './support/test-broker.ts';
import { useTestBroker } from './support/use-test-broker.ts';

const t = useTestBroker();

describe('POST /disconnect', () => {
  it('withdraws access at Strava and leaves no row for the athlete', async () => {
    const runner = await t.connect();
    const otherBrowser = await t.connect(undefined, 'second');
    const stays = await t.connect();
    await t.fake.deliver({
      object_type: 'activity',
      aspect_type: 'create',
      object_id: 1,
      owner_id: runner.athleteId,
    });
    expect(await rowsNaming(t.db, runner.athleteId)).toBe(4);

    const response = await t.call('/disconnect', runner.session, { method: 'POST' });
    expect(await response.json()).toEqual({ disconnected: true, revoked_at_strava: true });
    expect(t.fake.isAuthorized(runner.athleteId)).toBe(false);
    expect(await rowsNaming(t.db, runner.athleteId)).toBe(0);
    expect((await t.call('/token', runner.session, { method: 'POST' })).status).toBe(401);
    expect(otherBrowser.athleteId).not.toBe(runner.athleteId);
    expect(await rowsNaming(t.db, stays.athleteId)).toBe(3);
  });

  it('still deletes when Strava has already let the athlete go', async () => {
    const runner = await t.connect();
    // Revoked at strava.com, and the deauthorization event never arrived.
    t.fake.settings.deny = false;
    await t.fake.fetch('https://strava.fake/oauth/deauthorize', {
      method: 'POST',
      headers: { Authorization: `Bearer ${await accessToken(runner.session)}` },
    });
    const response = await t.call('/disconnect', runner.session, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(await rowsNaming(t.db, runner.athleteId)).toBe(0);
  });
});

async function accessToken(session: string): Promise<string> {
  const body = (await (await t.call('/token', session, { method: 'POST' })).json()) as {
    access_token: string;
  };
  return body.access_token;
}
