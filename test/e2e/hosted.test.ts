// Hosted mode in a real Chromium: the hosted copy of the extension (WXT_BROKER_URL, fixed key),
// the real broker (server/src, in-memory PGlite) served over HTTPS as broker.bounceback.test, and
// the simulator as Strava delivering webhooks to it. One click connects; a run uploaded at Strava
// reaches the extension by webhook and the event feed; disconnect and a deauthorization at
// Strava each leave nothing at the broker.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type BrokerOnSim, startBrokerOnSim } from './broker-on-sim';
import { type ExtensionBrowser, launchBrowser } from './browser';
import { connectThroughOptions } from './connect';
import { extensionIdOf, HOSTED_BUILD_DIR, HOSTED_MANIFEST_KEY } from './hosted-build';
import { readExtensionRecord } from './read-extension-db';

const HOSTED_ID = extensionIdOf(HOSTED_MANIFEST_KEY);
let env: BrokerOnSim;
let browser: ExtensionBrowser | undefined;

beforeAll(async () => {
  env = await startBrokerOnSim({ serve: true, extensionIds: [HOSTED_ID] });
});
afterAll(async () => {
  await env?.stop();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

async function connectedBrowser(): Promise<{ b: ExtensionBrowser; athleteId: number }> {
  env.sim.reset();
  const b = await launchBrowser({
    simPort: env.sim.port,
    brokerPort: env.port ?? 0,
    buildDir: HOSTED_BUILD_DIR,
  });
  browser = b;
  expect(b.extensionId).toBe(HOSTED_ID);
  const options = await connectThroughOptions(b, { hosted: true });
  await expect
    .poll(() => options.locator('main').innerText(), { timeout: 20_000 })
    .toMatch(/Connected as/);
  const athleteId = env.sim.admin.summary().athlete.id;
  expect(await env.rowsNaming(athleteId)).toBeGreaterThan(0);
  return { b, athleteId };
}

const badge = (b: ExtensionBrowser) =>
  b.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }
    ).chrome.action.getBadgeText({}),
  );

describe('hosted mode (one click through the broker)', () => {
  it('connects in one click, gets a new run by webhook with its plan and badge, and disconnect leaves nothing at the broker', async () => {
    const { b, athleteId } = await connectedBrowser();
    // The list on connect (the safety net) ran; from now on only events bring runs.
    await expect.poll(() => badge(b), { timeout: 20_000 }).toMatch(/^\d+m$/);
    env.sim.admin.clearRequests();
    const { id } = env.sim.finishRun({ kind: 'intervals' });
    await env.sim.push.settled();
    expect(env.sim.push.deliveries.at(-1)).toMatchObject({
      status: 200,
      event: { aspect_type: 'create', object_id: id },
    });
    // The minute alarm reads the feed (or a poll already waiting gets it at once).
    await expect
      .poll(
        async () =>
          (await readExtensionRecord<{ plan: unknown }>(b.worker, 'bounceback-runs', id))?.plan ??
          null,
        { timeout: 80_000, interval: 500 },
      )
      .not.toBeNull();
    expect(await badge(b)).toMatch(/^\d+m$/);
    const routes = env.sim.requests().log.map((e) => e.route);
    expect(routes).toContain('GET /api/v3/activities/{id}');
    expect(routes).not.toContain('GET /api/v3/athlete/activities');

    const options = b.context.pages().find((p) => p.url().includes('/options.html'));
    await options?.getByRole('button', { name: 'Disconnect' }).first().click();
    await expect.poll(() => env.rowsNaming(athleteId), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => options?.locator('main').innerText(), { timeout: 10_000 })
      .toMatch(/Disconnected/);
    expect(env.sim.admin.summary().tokens).toBe(0);
    expect(b.problems).toEqual([]);
  }, 150_000);

  it('a deauthorization at Strava leaves nothing at the broker', async () => {
    const { athleteId } = await connectedBrowser();
    env.sim.deauthorize();
    await env.sim.push.settled();
    expect(env.sim.push.deliveries.at(-1)).toMatchObject({
      status: 200,
      event: { object_type: 'athlete', updates: { authorized: 'false' } },
    });
    expect(await env.rowsNaming(athleteId)).toBe(0);
  });
});
