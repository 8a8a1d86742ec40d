import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './oauth-helper.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

const NOW = Date.parse('2026-11-23T12:07:00Z');
let sim: Simulator;
let token: string;
let publicToken: string;

type Item = { id: number; start_date: string; private: boolean; laps?: unknown; name: string };

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, seed: 3 });
  token = (await connect(sim)).access_token;
  publicToken = (await connect(sim, 'read,activity:read')).access_token;
});
afterAll(() => sim.stop());

const api = (path: string, tok = token, host?: string) =>
  simRequest(sim, path, { headers: { authorization: `Bearer ${tok}` }, host });

describe('GET /athlete/activities', () => {
  it('lists newest first, 30 a page by default, summaries without laps or splits', async () => {
    const res = await api('/api/v3/athlete/activities');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = res.json<Item[]>();
    expect(items).toHaveLength(30);
    const starts = items.map((a) => Date.parse(a.start_date));
    expect([...starts].sort((a, b) => b - a)).toEqual(starts);
    expect(items[0]!.id).toBe(sim.state.sortedActivities()[0]!.detail.id);
    for (const a of items) {
      expect(a.laps).toBeUndefined();
      expect(a).not.toHaveProperty('splits_metric');
      expect(a).not.toHaveProperty('device_name');
    }
  });

  it('pages without gaps or overlaps and caps per_page at 200', async () => {
    const all = (await api('/api/v3/athlete/activities?per_page=200')).json<Item[]>();
    expect(all).toHaveLength(sim.state.activities.size);
    const big = (await api('/api/v3/athlete/activities?per_page=500')).json<Item[]>();
    expect(big).toHaveLength(Math.min(200, sim.state.activities.size));
    const pages: number[] = [];
    for (let page = 1; page < 20; page++) {
      const items = (await api(`/api/v3/athlete/activities?per_page=7&page=${page}`)).json<
        Item[]
      >();
      if (items.length === 0) break;
      pages.push(...items.map((a) => a.id));
    }
    expect(pages).toEqual(all.map((a) => a.id));
  });

  it('filters by after and before (epoch seconds, start_date)', async () => {
    const all = (await api('/api/v3/athlete/activities?per_page=200')).json<Item[]>();
    const pivot = all[10]!;
    const s = Date.parse(pivot.start_date) / 1000;
    const after = (await api(`/api/v3/athlete/activities?after=${s}&per_page=200`)).json<Item[]>();
    expect(after.map((a) => a.id)).toEqual(all.slice(0, 10).map((a) => a.id));
    const before = (await api(`/api/v3/athlete/activities?before=${s}&per_page=200`)).json<
      Item[]
    >();
    expect(before.map((a) => a.id)).toEqual(all.slice(11).map((a) => a.id));
    const both = (await api(`/api/v3/athlete/activities?after=${s - 1}&before=${s + 1}`)).json<
      Item[]
    >();
    expect(both.map((a) => a.id)).toEqual([pivot.id]);
  });

  it('hides private activities without activity:read_all', async () => {
    const all = (await api('/api/v3/athlete/activities?per_page=200')).json<Item[]>();
    const priv = all.filter((a) => a.private);
    expect(priv.length).toBeGreaterThan(0);
    const pub = (await api('/api/v3/athlete/activities?per_page=200', publicToken)).json<Item[]>();
    expect(pub).toHaveLength(all.length - priv.length);
    const hidden = await api(`/api/v3/activities/${priv[0]!.id}`, publicToken);
    expect(hidden.status).toBe(404);
  });
});

describe('single activities', () => {
  it('returns detail with laps and splits, and 404 like Strava for unknown ids', async () => {
    const id = sim.state.sortedActivities()[0]!.detail.id;
    const res = await api(`/api/v3/activities/${id}`);
    expect(res.status).toBe(200);
    const d = res.json<{
      id: number;
      laps: unknown[];
      splits_metric: unknown[];
      resource_state: number;
    }>();
    expect(d.id).toBe(id);
    expect(d.resource_state).toBe(3);
    expect(d.laps.length).toBeGreaterThan(0);
    expect(d.splits_metric.length).toBeGreaterThan(10);
    const missing = await api('/api/v3/activities/42');
    expect(missing.status).toBe(404);
    expect(missing.json()).toEqual({
      message: 'Record Not Found',
      errors: [{ resource: 'Activity', field: 'id', code: 'invalid' }],
    });
  });

  it('serves laps and streams (only distance without keys; keyed or as an array)', async () => {
    const a = sim.state.sortedActivities().find((x) => x.kind === 'intervals')!;
    const laps = (await api(`/api/v3/activities/${a.detail.id}/laps`)).json<unknown[]>();
    expect(laps).toEqual(a.detail.laps);
    const bare = (await api(`/api/v3/activities/${a.detail.id}/streams?key_by_type=true`)).json<
      Record<string, unknown>
    >();
    expect(Object.keys(bare)).toEqual(['distance']);
    const keyed = (
      await api(
        `/api/v3/activities/${a.detail.id}/streams?keys=time,heartrate,velocity_smooth,moving&key_by_type=true`,
      )
    ).json<
      Record<
        string,
        { data: unknown[]; series_type: string; original_size: number; resolution: string }
      >
    >();
    expect(Object.keys(keyed).sort()).toEqual([
      'distance',
      'heartrate',
      'moving',
      'time',
      'velocity_smooth',
    ]);
    expect(keyed.time!.data).toEqual(a.streams!.time);
    expect(keyed.time!.original_size).toBe(a.streams!.time.length);
    expect(keyed.time!.series_type).toBe('distance');
    const arr = (await api(`/api/v3/activities/${a.detail.id}/streams?keys=time`)).json<
      { type: string }[]
    >();
    expect(arr.map((s) => s.type).sort()).toEqual(['distance', 'time']);
  });

  it('gives the full profile only with profile:read_all', async () => {
    const full = (await api('/api/v3/athlete')).json<Record<string, unknown>>();
    expect(full.weight).toBe(sim.state.athlete.weight);
    expect(full.measurement_preference).toBeDefined();
    const part = (await api('/api/v3/athlete', publicToken)).json<Record<string, unknown>>();
    expect(part.id).toBe(sim.state.athlete.id);
    expect(part.weight).toBeUndefined();
  });

  it('answers identically under www.api-v3.strava.com, with or without /api/v3', async () => {
    const id = sim.state.sortedActivities()[1]!.detail.id;
    const a = (await api(`/api/v3/activities/${id}`)).text;
    expect((await api(`/activities/${id}`, token, 'www.api-v3.strava.com')).text).toBe(a);
    expect((await api(`/api/v3/activities/${id}`, token, 'www.api-v3.strava.com')).text).toBe(a);
    // OAuth answers there too.
    const revoke = await simRequest(sim, '/oauth/revoke', {
      method: 'POST',
      host: 'www.api-v3.strava.com',
      headers: { authorization: 'Bearer unknown' },
    });
    expect(revoke.status).toBe(401);
    expect(revoke.json<{ message: string }>().message).toBe('Authorization Error');
  });
});

describe('authorization', () => {
  const invalid = {
    message: 'Authorization Error',
    errors: [{ resource: 'Athlete', field: 'access_token', code: 'invalid' }],
  };

  it('401s without a token or with an unknown one', async () => {
    const none = await simRequest(sim, '/api/v3/athlete');
    expect(none.status).toBe(401);
    expect(none.json()).toEqual(invalid);
    expect((await api('/api/v3/athlete', 'nope')).status).toBe(401);
  });

  it('refuses a token in the query string, even a valid one', async () => {
    const res = await simRequest(sim, `/api/v3/athlete?access_token=${token}`);
    expect(res.status).toBe(401);
    expect(res.json()).toEqual(invalid);
    const both = await api(`/api/v3/athlete/activities?access_token=${token}`);
    expect(both.status).toBe(401);
  });
});
