// apiRequestsPerDay: "a simulated day at default settings with three runs, simulator time".
// The extension connects and backfills once (counted apart: it happens once per install), its
// alarms then run in sim time (sync every `pollMinutes`, the badge tick while it counts down, the
// refuel and morning alarms) up to the start of the day; the day's requests are every request the
// simulator receives in the next 24 h, token refreshes included, while three runs finish.
import { readSettings } from '../../lib/store/settings-item';
import { HOUR_MS } from '../../lib/time';
import type { RunKind } from '../../test/strava-sim/types';
import { type SourceCalls, startSimExtension, stravaRequestsByRoute } from './sim-extension';

export interface DayScenario {
  /** When the runner connects (sim time, epoch ms). */
  installAt: number;
  /** Start of the counted window (after the install). */
  dayStart: number;
  dayMs: number;
  /** Runs that finish (upload) inside the window. */
  runs: { at: number; kind: RunKind }[];
  seed?: number;
}

export interface DayReport {
  scenario: DayScenario;
  pollMinutes: number;
  /** Requests while connecting (OAuth, athlete) and in the first sync (the six-week backfill). */
  connect: Record<string, number>;
  backfill: Record<string, number>;
  /** The counted window: every request to Strava, by route. */
  byRoute: Record<string, number>;
  /** API requests (what Strava's rate limits count). */
  apiRequests: number;
  /** Token refreshes (POST /oauth/token) in the window. */
  tokenRefreshes: number;
  /** apiRequests + tokenRefreshes: every request sent to Strava in the window. */
  total: number;
  /** Sim times of the sync passes in the window. */
  syncAt: number[];
  refreshAt: number[];
  /** Alarms fired in the window, by name (refuel-warning:<id> grouped). */
  alarmsFired: Record<string, number>;
  /** What sync asked its source for in the window. */
  calls: SourceCalls;
  /** Runs that finished in the window, and whether each has a stored plan at the end. */
  runs: { id: number; at: number; planned: boolean }[];
  wallMs: number;
}

/** Default: connect at 19:58:17 the evening before, count Tuesday 12 May 2026 00:00–24:00 London. */
function defaultDay(): DayScenario {
  const dayStart = Date.parse('2026-05-12T00:00:00+01:00');
  const at = (h: number, m: number, s: number) => dayStart + h * HOUR_MS + m * 60_000 + s * 1000;
  return {
    installAt: at(-4, 1, 43),
    dayStart,
    dayMs: 24 * HOUR_MS,
    runs: [
      { at: at(6, 52, 38), kind: 'easy' },
      { at: at(12, 41, 5), kind: 'intervals' },
      { at: at(18, 47, 51), kind: 'tempo' },
    ],
  };
}

export async function apiDay(scenario: DayScenario = defaultDay()): Promise<DayReport> {
  const t0 = performance.now();
  const x = await startSimExtension({ installAt: scenario.installAt, seed: scenario.seed });
  try {
    const { sim, app, alarms } = x;
    const { pollMinutes } = await readSettings();
    // The first sync after connecting reads six weeks of history.
    sim.admin.clearRequests();
    await app.syncNow(false);
    const backfill = stravaRequestsByRoute(sim);
    // Alarms from the install up to the start of the day (not counted).
    await alarms.runUntil(scenario.dayStart);
    sim.admin.clearRequests();
    const before = { ...x.calls };

    const alarmsFired: Record<string, number> = {};
    const syncAt: number[] = [];
    const onFired = ({ name, at }: { name: string; at: number }) => {
      const key = name.replace(/:\d+$/, ':<id>');
      alarmsFired[key] = (alarmsFired[key] ?? 0) + 1;
      if (name === 'sync') syncAt.push(at);
    };
    const finished: { id: number; at: number }[] = [];
    for (const run of [...scenario.runs].sort((a, b) => a.at - b.at)) {
      await alarms.runUntil(run.at, onFired);
      finished.push({ id: sim.finishRun({ kind: run.kind }).id, at: run.at });
    }
    await alarms.runUntil(scenario.dayStart + scenario.dayMs, onFired);

    const byRoute = stravaRequestsByRoute(sim);
    const refreshAt = sim.requestLog
      .filter((e) => e.area === 'oauth' && e.route === 'POST /oauth/token')
      .map((e) => e.at);
    const apiRequests = sim.requests().count;
    const runs = [];
    for (const f of finished) {
      runs.push({ ...f, planned: Boolean((await x.harness.collections.runs.get(f.id))?.plan) });
    }
    return {
      scenario,
      pollMinutes,
      connect: x.connectRequests,
      backfill,
      byRoute,
      apiRequests,
      tokenRefreshes: refreshAt.length,
      total: apiRequests + refreshAt.length,
      syncAt,
      refreshAt,
      alarmsFired,
      calls: {
        list: x.calls.list - before.list,
        detail: x.calls.detail - before.detail,
        streams: x.calls.streams - before.streams,
      },
      runs,
      wallMs: performance.now() - t0,
    };
  } finally {
    await x.stop();
  }
}

const sum = (r: Record<string, number>) => Object.values(r).reduce((s, n) => s + n, 0);

export function printDay(r: DayReport): void {
  const hours = r.scenario.dayMs / HOUR_MS;
  console.log(
    `\nSimulated day (${hours} h of sim time, sync alarm every ${r.pollMinutes} min, ${r.runs.length} runs)`,
  );
  console.log(
    `  once per install: connect ${sum(r.connect)} requests, backfill ${sum(r.backfill)}`,
  );
  for (const [route, n] of Object.entries(r.backfill)) {
    console.log(`    backfill  ${route.padEnd(40)}${String(n).padStart(5)}`);
  }
  console.log('  the day, every request to Strava by route:');
  for (const [route, n] of Object.entries(r.byRoute).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${route.padEnd(48)}${String(n).padStart(5)}`);
  }
  console.log(
    `    ${'total'.padEnd(48)}${String(r.total).padStart(5)}   (API ${r.apiRequests} + token refreshes ${r.tokenRefreshes}; target ≤ 350)`,
  );
  const alarms = Object.entries(r.alarmsFired)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `  alarms fired: ${alarms}; runs planned ${r.runs.filter((x) => x.planned).length}/${r.runs.length}`,
  );
}
