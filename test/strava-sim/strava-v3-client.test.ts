// An independent client: strava-v3 (hard-wired to https://www.strava.com) must authorize, refresh,
// list and read activities from the simulator, reached through a DNS override and the sim's
// certificate on the axios instance strava-v3 uses. Nothing leaves 127.0.0.1.
import { Agent } from 'node:https';
import { createRequire } from 'node:module';
import type { LookupFunction } from 'node:net';
import strava from 'strava-v3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './app-config.ts';
import { approve, TEST_REDIRECT } from './oauth-helper.ts';
import { type Simulator, startSimulator } from './server.ts';

const require = createRequire(import.meta.url);
const { axiosInstance } = require('strava-v3/axiosUtility') as {
  axiosInstance: { defaults: { httpsAgent?: Agent; proxy?: false } };
};

const NOW = Date.parse('2026-11-23T12:07:00Z');
let sim: Simulator;
let agent: Agent;

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, weeks: 4 });
  // Strava's hosts resolve to the simulator; anything else fails rather than leaving the machine.
  const lookup = ((hostname: string, options: unknown, cb: unknown) => {
    const callback = (typeof options === 'function' ? options : cb) as (
      err: Error | null,
      address: string | { address: string; family: number }[],
      family?: number,
    ) => void;
    const all =
      typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
    if (hostname !== 'www.strava.com') {
      callback(new Error(`blocked lookup of ${hostname}`), '');
      return;
    }
    if (all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  }) as LookupFunction;
  agent = new Agent({ ca: sim.certPem, lookup });
  // strava-v3 builds URLs for port 443; the agent sends them to the simulator's port instead.
  const createConnection = agent.createConnection.bind(agent);
  agent.createConnection = (options, cb) =>
    createConnection({ ...(options as object), port: sim.port } as typeof options, cb);
  axiosInstance.defaults.httpsAgent = agent;
  axiosInstance.defaults.proxy = false;
  strava.config({
    access_token: '',
    client_id: DEFAULT_CLIENT_ID,
    client_secret: DEFAULT_CLIENT_SECRET,
    redirect_uri: TEST_REDIRECT,
  });
});
afterAll(async () => {
  agent.destroy();
  await sim.stop();
});

describe('strava-v3 against the simulator', () => {
  it('builds an authorize URL the simulator accepts', async () => {
    const url = new URL(
      strava.oauth.getRequestAccessURL({
        scope: 'read,activity:read_all,profile:read_all',
        state: 'k',
      }),
    );
    expect(url.origin).toBe('https://www.strava.com');
    expect(url.searchParams.get('client_id')).toBe(DEFAULT_CLIENT_ID);
  });

  it('exchanges a code, refreshes, lists and reads activities', async () => {
    const code = (await approve(sim)).searchParams.get('code')!;
    const tokens = await strava.oauth.getToken(code);
    expect(tokens.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(tokens.expires_at).toBe(Math.floor(NOW / 1000) + 21_600);

    sim.clock.advance(5.5 * 3_600_000);
    const refreshed = await strava.oauth.refreshToken(tokens.refresh_token);
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    await expect(strava.oauth.refreshToken(tokens.refresh_token)).rejects.toMatchObject({
      statusCode: 400,
    });

    const client = new strava.client(refreshed.access_token);
    const me = await client.athlete.get({});
    expect(me.id).toBe(sim.state.athlete.id);

    const list = await client.athlete.listActivities({ per_page: 5, page: 1 });
    expect(list).toHaveLength(5);
    const newest = sim.state.sortedActivities()[0]!.detail;
    expect(list[0]!.id).toBe(newest.id);

    const detail = await client.activities.get({ id: String(newest.id) });
    expect(detail.name).toBe(newest.name);
    expect(detail.laps?.length).toBe(newest.laps.length);

    // strava-v3 types streams as an array; with key_by_type=true Strava (and the sim) send an object.
    const streams = (await client.streams.activity({
      id: String(newest.id),
      keys: ['time', 'heartrate'],
      key_by_type: true,
    })) as unknown as Record<string, { data: number[] }>;
    expect(streams.time!.data.length).toBe(newest.elapsed_time + 1);
    expect(streams.heartrate!.data.length).toBe(newest.elapsed_time + 1);

    // strava-v3 recorded the rate-limit headers the simulator sent.
    const usage = sim.state.rateLimiter.current();
    expect(client.rateLimiting.fractionReached()).toBeCloseTo(usage.overall15 / 200, 5);
    expect(client.rateLimiting.readFractionReached()).toBeCloseTo(usage.read15 / 100, 5);
    expect(usage.read15).toBeGreaterThanOrEqual(4);
  });

  it('surfaces the 401 for an unknown token', async () => {
    const client = new strava.client('not-a-token');
    await expect(client.athlete.get({})).rejects.toMatchObject({ statusCode: 401 });
  });
});
