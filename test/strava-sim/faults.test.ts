import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from './app-config.ts';
import { connect } from './oauth-helper.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

const NOW = Date.parse('2026-11-23T12:07:00Z');
let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, weeks: 2 });
});
afterAll(() => sim.stop());
beforeEach(async () => {
  sim.admin.clearFaults();
  token = (await connect(sim)).access_token;
});

const get = (path = '/api/v3/athlete/activities') =>
  simRequest(sim, path, { headers: { authorization: `Bearer ${token}` } });

describe('fault injection', () => {
  it('expired: 401 on the next N API calls, then the same token works again', async () => {
    sim.fault({ kind: 'expired', count: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await get();
      expect(r.status).toBe(401);
      expect(r.json()).toEqual({
        message: 'Authorization Error',
        errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }],
      });
    }
    expect((await get()).status).toBe(200);
  });

  it('revoked: every token is invalid until the athlete authorizes again', async () => {
    const t = await connect(sim);
    sim.fault({ kind: 'revoked' });
    expect((await get()).status).toBe(401);
    expect((await get()).status).toBe(401);
    const refresh = await simRequest(sim, '/oauth/token', {
      body: {
        client_id: DEFAULT_CLIENT_ID,
        client_secret: DEFAULT_CLIENT_SECRET,
        grant_type: 'refresh_token',
        refresh_token: t.refresh_token,
      },
    });
    expect(refresh.status).toBe(400);
    token = (await connect(sim)).access_token;
    expect((await get()).status).toBe(200);
  });

  it('429, 500 and 503 for the next N matching requests', async () => {
    sim.fault({ kind: '429' });
    const r = await get();
    expect(r.status).toBe(429);
    expect(r.json<{ message: string }>().message).toBe('Rate Limit Exceeded');
    sim.fault({ kind: '500', count: 2 });
    expect((await get()).status).toBe(500);
    expect((await get()).status).toBe(500);
    sim.fault({ kind: '503' });
    expect((await get()).status).toBe(503);
    expect((await get()).status).toBe(200);
  });

  it('honours the path filter', async () => {
    sim.fault({ kind: '500', path: '/streams' });
    expect((await get()).status).toBe(200);
    const id = sim.state.sortedActivities()[0]!.detail.id;
    expect((await get(`/api/v3/activities/${id}/streams?keys=time`)).status).toBe(500);
    expect((await get(`/api/v3/activities/${id}/streams?keys=time`)).status).toBe(200);
  });

  it('can fail the token endpoint when named by path', async () => {
    sim.fault({ kind: '503', path: '/oauth/token' });
    await expect(connect(sim)).rejects.toThrow(/503/);
    await expect(connect(sim)).resolves.toHaveProperty('access_token');
  });

  it('slow: delays the answer by delayMs', async () => {
    sim.fault({ kind: 'slow', delayMs: 300 });
    const t0 = Date.now();
    expect((await get()).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(280);
    const t1 = Date.now();
    await get();
    expect(Date.now() - t1).toBeLessThan(250);
  });

  it('malformed: a 200 whose body is not JSON', async () => {
    sim.fault({ kind: 'malformed' });
    const r = await get();
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text)).toThrow();
    const next = (await get()).text;
    expect(() => JSON.parse(next)).not.toThrow();
  });

  it('missing-field: removes a required field from each item or the object', async () => {
    sim.fault({ kind: 'missing-field', field: 'start_date' });
    const items = (await get()).json<Record<string, unknown>[]>();
    expect(items.length).toBeGreaterThan(0);
    for (const a of items) expect(a).not.toHaveProperty('start_date');
    sim.fault({ kind: 'missing-field' });
    const id = sim.state.sortedActivities()[0]!.detail.id;
    const one = (await get(`/api/v3/activities/${id}`)).json<Record<string, unknown>>();
    expect(one).not.toHaveProperty('id');
    expect(one).toHaveProperty('name');
    expect((await get(`/api/v3/activities/${id}`)).json()).toHaveProperty('id', id);
  });

  it('rejects an unknown fault kind over HTTP', async () => {
    const r = await simRequest(sim, '/admin/fault', { body: JSON.stringify({ kind: 'meteor' }) });
    expect(r.status).toBe(400);
    expect(r.json<{ error: string }>().error).toMatch(/unknown fault kind/);
  });
});
