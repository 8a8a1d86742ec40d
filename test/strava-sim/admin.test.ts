import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './oauth-helper.ts';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

const NOW = Date.parse('2026-11-23T12:07:00Z');
let sim: Simulator;
let token: string;

beforeAll(async () => {
  sim = await startSimulator({ now: () => NOW, weeks: 3 });
  token = (await connect(sim)).access_token;
});
afterAll(() => sim.stop());

const api = (path: string) =>
  simRequest(sim, path, { headers: { authorization: `Bearer ${token}` } });
const admin = (path: string, body?: unknown) =>
  simRequest(sim, `/admin/${path}`, body === undefined ? {} : { body: JSON.stringify(body) });

type Item = {
  id: number;
  start_date: string;
  elapsed_time: number;
  name: string;
  workout_type: number | null;
};

describe('admin endpoint', () => {
  it('never hands a deleted activity’s id to a new run (Strava ids are not reused)', () => {
    const a = sim.finishRun({ kind: 'easy' });
    sim.deleteActivity(a.id);
    const b = sim.finishRun({ kind: 'easy' });
    expect(b.id).toBeGreaterThan(a.id);
    sim.deleteActivity(b.id); // leave the history as the other tests expect it
  });

  it('finish-run adds a run that ends now, listed first', async () => {
    const r = await admin('finish-run', { kind: 'intervals' });
    expect(r.status).toBe(200);
    const { id } = r.json<{ id: number }>();
    const first = (await api('/api/v3/athlete/activities?per_page=1')).json<Item[]>()[0]!;
    expect(first.id).toBe(id);
    expect(Date.parse(first.start_date) + first.elapsed_time * 1000).toBeGreaterThan(NOW - 2000);
    expect(Date.parse(first.start_date) + first.elapsed_time * 1000).toBeLessThanOrEqual(NOW);
    const detail = (await api(`/api/v3/activities/${id}`)).json<{ laps: { name: string }[] }>();
    expect(detail.laps[0]!.name).toBe('Warm Up');
  });

  it('finish-run with startedAgoS makes a late-synced older run (after filter still finds it)', async () => {
    const before = sim.state.sortedActivities()[0]!.detail;
    const { id } = sim.finishRun({ kind: 'easy', startedAgoS: 30 * 3600 });
    const a = sim.state.activities.get(id)!.detail;
    expect(a.start_date).toBe(
      new Date(NOW - 30 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    );
    expect(a.id).toBeGreaterThan(before.id);
    const after = Math.floor((NOW - 48 * 3600_000) / 1000);
    const listed = (await api(`/api/v3/athlete/activities?after=${after}`)).json<Item[]>();
    expect(listed.map((x) => x.id)).toContain(id);
    expect(listed[0]!.id).not.toBe(id);
  });

  it('edit-activity changes name and workout_type; delete-activity makes detail 404', async () => {
    const id = sim.state.sortedActivities()[2]!.detail.id;
    expect((await admin('edit-activity', { id, name: 'Renamed', workout_type: 3 })).status).toBe(
      200,
    );
    const d = (await api(`/api/v3/activities/${id}`)).json<Item>();
    expect(d.name).toBe('Renamed');
    expect(d.workout_type).toBe(3);
    expect((await admin('delete-activity', { id })).status).toBe(200);
    expect((await api(`/api/v3/activities/${id}`)).status).toBe(404);
    expect((await simRequest(sim, `/activities/${id}`)).status).toBe(404);
    expect((await admin('delete-activity', { id })).status).toBe(404);
  });

  it('clock: get, set and advance', async () => {
    const c = (await admin('clock')).json<{ now: number }>();
    expect(c.now).toBe(NOW);
    expect((await admin('clock', { advance: 60_000 })).json<{ now: number }>().now).toBe(
      NOW + 60_000,
    );
    expect((await admin('clock', { set: NOW })).json<{ now: number }>().now).toBe(NOW);
  });

  it('requests: counts API requests by route', async () => {
    await simRequest(sim, '/admin/requests', { method: 'DELETE' });
    const id = sim.state.sortedActivities()[0]!.detail.id;
    await api('/api/v3/athlete/activities');
    await api(`/api/v3/activities/${id}`);
    await api(`/api/v3/activities/${id}`);
    await api(`/api/v3/activities/${id}/streams?keys=time`);
    await simRequest(sim, `/activities/${id}`);
    const r = (await admin('requests')).json<{
      count: number;
      byRoute: Record<string, number>;
      log: unknown[];
    }>();
    expect(r.count).toBe(4);
    expect(r.byRoute).toEqual({
      'GET /api/v3/athlete/activities': 1,
      'GET /api/v3/activities/{id}': 2,
      'GET /api/v3/activities/{id}/streams': 1,
    });
    expect(r.log).toHaveLength(5);
  });

  it('set-app changes the credentials the token endpoint checks', async () => {
    const app = (await admin('set-app', { client_id: '777', client_secret: 's3cret' })).json<{
      clientId: string;
    }>();
    expect(app.clientId).toBe('777');
    await expect(connect(sim)).rejects.toThrow(/400/);
    sim.reset();
  });

  it('reset: fresh state, no tokens, same athlete', async () => {
    const athlete = sim.state.athlete.id;
    sim.finishRun({ kind: 'long' });
    const r = await admin('reset', {});
    expect(r.status).toBe(200);
    expect(sim.state.athlete.id).toBe(athlete);
    expect(sim.state.accessTokens.size).toBe(0);
    expect(sim.requests().count).toBe(0);
    expect((await api('/api/v3/athlete')).status).toBe(401);
  });

  it('state summarises the simulator; unknown admin routes 404', async () => {
    const s = (await admin('state')).json<{ activities: number; app: { clientId: string } }>();
    expect(s.activities).toBe(sim.state.activities.size);
    expect((await admin('nope')).status).toBe(404);
  });
});
