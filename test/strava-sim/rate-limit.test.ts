import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { connect } from './oauth-helper.ts';
import { DEFAULT_LIMITS } from './rate-limiter.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

// 12:07 UTC: the 15-minute window runs 12:00–12:15, the day until midnight.
const NOW = Date.parse('2026-11-23T12:07:00Z');
let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, weeks: 2 });
  token = (await connect(sim)).access_token;
});
afterAll(() => sim.stop());
beforeEach(async () => {
  sim.clock.set(NOW);
  token = (await connect(sim)).access_token;
  sim.setRateLimits(DEFAULT_LIMITS);
  sim.state.rateLimiter.reset();
  sim.clock.set(NOW - 86_400_000); // touch another day so both windows start empty
  sim.state.rateLimiter.current();
  sim.clock.set(NOW);
});

const get = () =>
  simRequest(sim, '/api/v3/athlete', { headers: { authorization: `Bearer ${token}` } });
const usage = (r: { headers: Record<string, unknown> }) => ({
  all: String(r.headers['x-ratelimit-usage']),
  read: String(r.headers['x-readratelimit-usage']),
});

describe('rate limits', () => {
  it('sends Strava-format headers and counts each request', async () => {
    const r1 = await get();
    expect(r1.headers['x-ratelimit-limit']).toBe('200,2000');
    expect(r1.headers['x-readratelimit-limit']).toBe('100,1000');
    expect(usage(r1)).toEqual({ all: '1,1', read: '1,1' });
    const r2 = await get();
    expect(usage(r2)).toEqual({ all: '2,2', read: '2,2' });
  });

  it('counts non-GET requests as overall but not read usage', async () => {
    await get();
    const post = await simRequest(sim, '/api/v3/activities', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(usage(post)).toEqual({ all: '2,2', read: '1,1' });
  });

  it('answers 429 with Strava’s body once the 15-minute read limit is used, until :15', async () => {
    sim.setRateLimits({ read15: 3 });
    for (let i = 0; i < 3; i++) expect((await get()).status).toBe(200);
    const over = await get();
    expect(over.status).toBe(429);
    expect(over.json()).toEqual({
      message: 'Rate Limit Exceeded',
      errors: [{ resource: 'Application', field: 'rate limit', code: 'exceeded' }],
    });
    expect(usage(over)).toEqual({ all: '3,3', read: '3,3' });
    sim.clock.set(Date.parse('2026-11-23T12:14:59Z'));
    expect((await get()).status).toBe(429);
    sim.clock.set(Date.parse('2026-11-23T12:15:00Z'));
    const fresh = await get();
    expect(fresh.status).toBe(200);
    // The quarter resets; the day keeps counting.
    expect(usage(fresh)).toEqual({ all: '1,4', read: '1,4' });
  });

  it('enforces the daily limit until midnight UTC', async () => {
    sim.setRateLimits({ readDay: 2 });
    expect((await get()).status).toBe(200);
    // Access tokens last 6 h: reconnect (OAuth calls do not count) as the hours pass.
    sim.clock.set(Date.parse('2026-11-23T18:00:00Z'));
    token = (await connect(sim)).access_token;
    expect((await get()).status).toBe(200);
    sim.clock.set(Date.parse('2026-11-23T23:59:00Z'));
    token = (await connect(sim)).access_token;
    expect((await get()).status).toBe(429);
    sim.clock.set(Date.parse('2026-11-24T00:00:00Z'));
    const r = await get();
    expect(r.status).toBe(200);
    expect(usage(r)).toEqual({ all: '1,1', read: '1,1' });
  });

  it('enforces the overall limit for writes too', async () => {
    sim.setRateLimits({ overall15: 1 });
    expect((await get()).status).toBe(200);
    const post = await simRequest(sim, '/api/v3/activities', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(post.status).toBe(429);
  });

  it('counts requests that fail authorization', async () => {
    await simRequest(sim, '/api/v3/athlete');
    const r = await get();
    expect(usage(r)).toEqual({ all: '2,2', read: '2,2' });
  });
});
