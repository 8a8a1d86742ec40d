// Everything the simulator knows at one moment: the athlete and their activities, the registered
// API app, grants and tokens, pending faults, rate-limit counters and the request log. One object,
// so `reset` can rebuild it and in-process tests can look inside.
import { defaultApp, type SimApp } from './app-config.ts';
import type { SimClock } from './clock.ts';
import type { SimActivity, SimAthlete } from './types.ts';

export interface RequestLogEntry {
  /** Sim-clock time, epoch ms. */
  at: number;
  method: string;
  path: string;
  /** The route pattern, e.g. `GET /api/v3/activities/{id}`: what the benchmarks count by. */
  route: string;
  area: 'api' | 'oauth' | 'page';
  status: number;
}

export class SimState {
  readonly activities = new Map<number, SimActivity>();
  readonly requestLog: RequestLogEntry[] = [];
  app: SimApp = defaultApp();

  constructor(
    readonly clock: SimClock,
    public athlete: SimAthlete,
    activities: SimActivity[],
  ) {
    for (const a of activities) this.activities.set(a.detail.id, a);
  }

  /** The athlete's activities, newest first by start_date (Strava's list order). */
  sortedActivities(): SimActivity[] {
    return [...this.activities.values()].sort(
      (a, b) => Date.parse(b.detail.start_date) - Date.parse(a.detail.start_date),
    );
  }
}
