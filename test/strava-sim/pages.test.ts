import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from './server.ts';
import { simRequest } from './sim-request.ts';

let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ weeks: 2 });
});
afterAll(() => sim.stop());

describe('strava.com pages', () => {
  it('serves the owner’s activity page with edit controls, on every in-page route', async () => {
    const a = sim.state.sortedActivities()[0]!.detail;
    for (const suffix of ['', '/overview', '/analysis', '/segments/12345']) {
      const r = await simRequest(sim, `/activities/${a.id}${suffix}`);
      expect(r.status, suffix).toBe(200);
      expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(r.text).toContain('class="edit-activity"');
      expect(r.text).toContain('.activity-stats'.slice(1));
      expect(r.text).toContain(a.name.replace(/'/g, '&#39;'));
    }
  });

  it('serves unknown ids as someone else’s activity without owner controls', async () => {
    const r = await simRequest(sim, '/activities/123456789');
    expect(r.status).toBe(200);
    expect(r.text).not.toContain('edit-activity');
    expect(r.text).toContain('btn-kudo');
    const ride = await simRequest(sim, '/activities/10');
    expect(ride.text).toContain('Ride');
  });

  it('serves the bare variant without the known anchors', async () => {
    const a = sim.state.sortedActivities()[0]!.detail;
    const r = await simRequest(sim, `/activities/${a.id}?variant=bare`);
    expect(r.text).not.toContain('activity-stats');
    expect(r.text).not.toContain('id="heading"');
  });

  it('serves the edit page, home, dashboard and avatar; unknown paths 404', async () => {
    const a = sim.state.sortedActivities()[0]!.detail;
    expect((await simRequest(sim, `/activities/${a.id}/edit`)).status).toBe(200);
    expect((await simRequest(sim, '/')).status).toBe(200);
    const dash = await simRequest(sim, '/dashboard');
    expect(dash.text).toContain(`/activities/${a.id}`);
    const avatar = await simRequest(sim, new URL(sim.state.athlete.profile).pathname);
    expect(avatar.headers['content-type']).toBe('image/svg+xml');
    expect((await simRequest(sim, '/nowhere')).status).toBe(404);
  });

  it('stops without hanging while a keep-alive connection is open', async () => {
    const other = await startSimulator({ weeks: 1 });
    const { request } = await import('node:https');
    const { Agent } = await import('node:https');
    const agent = new Agent({ keepAlive: true, ca: other.certPem });
    await new Promise<void>((resolve, reject) => {
      request(
        { host: '127.0.0.1', port: other.port, path: '/', servername: 'www.strava.com', agent },
        (res) => {
          res.resume();
          res.on('end', resolve);
        },
      )
        .on('error', reject)
        .end();
    });
    const t0 = Date.now();
    await other.stop();
    expect(Date.now() - t0).toBeLessThan(1000);
    agent.destroy();
  });
});
