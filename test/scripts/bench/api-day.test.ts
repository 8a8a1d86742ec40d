import { describe, expect, it } from 'vitest';
import { REFRESH_MARGIN_MS } from '../../../lib/strava/own-app-tokens';
import { apiDay } from '../../../scripts/bench/api-day';

const MIN = 60_000;
const HOUR = 60 * MIN;
const TOKEN_LIFE = 6 * HOUR;

describe('simulated day (a 2-hour window)', () => {
  it('counts one list per sync alarm, one detail per new run and each token refresh', async () => {
    const installAt = Date.parse('2026-05-12T03:02:11Z');
    // The window crosses the first access token's expiry, so one refresh falls inside it.
    const dayStart = installAt + 5 * HOUR;
    const scenario = {
      installAt,
      dayStart,
      dayMs: 2 * HOUR,
      runs: [
        { at: dayStart + 17 * MIN + 23_000, kind: 'easy' as const },
        { at: dayStart + 81 * MIN + 4_000, kind: 'intervals' as const },
      ],
    };
    const r = await apiDay(scenario);

    // Sync alarms from the scenario: every pollMinutes after the install, inside the window.
    const period = r.pollMinutes * MIN;
    const ticks: number[] = [];
    for (let t = installAt + period; t <= dayStart + scenario.dayMs; t += period) {
      if (t > dayStart) ticks.push(t);
    }
    expect(r.syncAt).toEqual(ticks);
    // Refreshes: the first API call within the margin of expiry refreshes; a new token lives 6 h.
    let expiresAt = installAt + TOKEN_LIFE;
    const refreshes: number[] = [];
    for (let t = installAt + period; t <= dayStart + scenario.dayMs; t += period) {
      if (t < expiresAt - REFRESH_MARGIN_MS) continue;
      if (t > dayStart) refreshes.push(t);
      expiresAt = t + TOKEN_LIFE;
    }
    expect(refreshes.length).toBe(1);
    expect(r.refreshAt).toEqual(refreshes);

    expect(r.byRoute['GET /api/v3/athlete/activities']).toBe(ticks.length);
    expect(r.byRoute['GET /api/v3/activities/{id}']).toBe(scenario.runs.length);
    const streams = r.byRoute['GET /api/v3/activities/{id}/streams'] ?? 0;
    expect(streams).toBe(r.calls.streams);
    expect(streams).toBeLessThanOrEqual(scenario.runs.length);
    expect(r.byRoute['POST /oauth/token']).toBe(refreshes.length);
    expect(r.total).toBe(ticks.length + scenario.runs.length + streams + refreshes.length);
    expect(r.apiRequests + r.tokenRefreshes).toBe(r.total);
    // What the client asked for is what the simulator saw.
    expect(r.calls).toEqual({ list: ticks.length, detail: scenario.runs.length, streams });
    expect(r.runs.every((x) => x.planned)).toBe(true);
    // The install's backfill is counted apart from the window.
    expect(r.backfill['GET /api/v3/athlete/activities']).toBe(1);
    expect(r.connect['POST /oauth/token']).toBe(1);
  });
});
