// The real background in-process against the simulator, for the bench: the simulator on a clock
// that moves only when told, the extension's Strava service connected through the OAuth flow
// (connectedHarness), the app service (sync, badge, alarms) on the sim clock, its alarms driven
// in sim time, and a count of what sync asked of its Strava source.
import { type AppService, createAppService } from '../../lib/background/app-service';
import { stravaSource } from '../../lib/sync/strava-source';
import type { SyncSource } from '../../lib/sync/sync-source';
import { connectedHarness, type Harness } from '../../test/lib/sync/sync-harness';
import { type Simulator, startSimulator } from '../../test/strava-sim/server';
import { type AlarmDriver, driveAlarms } from './alarm-driver';

export interface SourceCalls {
  list: number;
  detail: number;
  streams: number;
}

export interface SimExtension {
  sim: Simulator;
  harness: Harness;
  app: AppService;
  alarms: AlarmDriver;
  /** Calls the sync pipeline made on its Strava source (client side of the count). */
  calls: SourceCalls;
  /** Requests the simulator saw while connecting (OAuth and the athlete read). */
  connectRequests: Record<string, number>;
  stop(): Promise<void>;
}

function counted(source: SyncSource, calls: SourceCalls): SyncSource {
  return {
    listActivities: (q, urgent) => {
      calls.list++;
      return source.listActivities(q, urgent);
    },
    activity: (id, urgent) => {
      calls.detail++;
      return source.activity(id, urgent);
    },
    streams: (id, urgent) => {
      calls.streams++;
      return source.streams(id, urgent);
    },
  };
}

/** Every logged request to Strava (API and OAuth; no pages), by route. */
export function stravaRequestsByRoute(sim: Simulator): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of sim.requestLog) {
    if (e.area === 'page') continue;
    out[e.route] = (out[e.route] ?? 0) + 1;
  }
  return out;
}

/** Connects at `installAt` (sim time) and schedules the alarms as onInstalled does. */
export async function startSimExtension(opts: {
  installAt: number;
  seed?: number;
}): Promise<SimExtension> {
  const sim = await startSimulator({ port: 0, seed: opts.seed ?? 1, now: () => opts.installAt });
  try {
    const harness = await connectedHarness(sim);
    const connectRequests = stravaRequestsByRoute(sim);
    const calls: SourceCalls = { list: 0, detail: 0, streams: 0 };
    const app = createAppService({
      strava: harness.service,
      collections: harness.collections,
      now: () => sim.clock.now(),
      timeZone: () => 'Europe/London',
      source: counted(stravaSource(harness.service.client), calls),
    });
    const alarms = driveAlarms(sim.clock, (name) => app.onAlarm(name));
    await app.scheduleAlarms();
    return {
      sim,
      harness,
      app,
      alarms,
      calls,
      connectRequests,
      async stop() {
        alarms.restore();
        await sim.stop();
      },
    };
  } catch (error) {
    await sim.stop();
    throw error;
  }
}
