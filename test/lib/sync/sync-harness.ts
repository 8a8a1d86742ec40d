// The real pipeline against the simulator, in-process: the extension's own Strava service (token
// lifecycle, client, budget) over simFetch, the real IndexedDB collections (fake-indexeddb) and an
// in-memory cursor. Shared by the sync, fault-schedule and bench code.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type AppService, createAppService } from '../../../lib/background/app-service';
import { createStravaService, type StravaService } from '../../../lib/background/strava-service';
import type { StoredRun } from '../../../lib/model/stored-run';
import { type Collections, openCollections } from '../../../lib/store/collections';
import { clearQuarantine } from '../../../lib/store/record-store';
import type { Fetch } from '../../../lib/strava/request';
import { type Cursor, EMPTY_CURSOR } from '../../../lib/sync/cursor';
import { stravaSource } from '../../../lib/sync/strava-source';
import type { SyncDeps } from '../../../lib/sync/sync-once';
import type { SyncSource } from '../../../lib/sync/sync-source';
import { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET } from '../../strava-sim/app-config';
import type { Simulator } from '../../strava-sim/server';
import { simFetch } from '../../strava-sim/sim-fetch';
import { type SimIdentityOptions, simIdentity } from '../../strava-sim/sim-identity';

export interface Harness {
  service: StravaService;
  collections: Collections;
  cursor: { value: Cursor };
  announced: number[];
  deps(source?: SyncSource): SyncDeps;
}

export async function clearCollections(c: Collections): Promise<void> {
  await Promise.all([c.runs.clear(), c.progress.clear(), c.checkIns.clear(), c.weighIns.clear()]);
  await clearQuarantine();
}

export interface HarnessOptions {
  /** Wraps the simulator fetch (to watch or break the wire). */
  wrapFetch?: (f: Fetch) => Fetch;
  /** The client's timeout (short ones make the simulator's 'slow' fault a timeout). */
  timeoutMs?: number;
  /** What the runner does on Strava's authorize page (every authorization of this harness). */
  identity?: SimIdentityOptions;
}

export async function connectedHarness(
  sim: Simulator,
  opts: HarnessOptions = {},
): Promise<Harness> {
  fakeBrowser.reset();
  const fetch = simFetch(sim);
  const service = createStravaService({
    fetch: opts.wrapFetch ? opts.wrapFetch(fetch) : fetch,
    timeoutMs: opts.timeoutMs,
    now: () => sim.clock.now(),
    identity: simIdentity(sim, opts.identity),
  });
  await service.ready;
  await service.connect({ clientId: DEFAULT_CLIENT_ID, clientSecret: DEFAULT_CLIENT_SECRET });
  const collections = openCollections();
  await clearCollections(collections);
  const cursor = { value: EMPTY_CURSOR };
  const announced: number[] = [];
  return {
    service,
    collections,
    cursor,
    announced,
    deps: (source = stravaSource(service.client)) => ({
      source,
      collections,
      cursor: {
        get: async () => cursor.value,
        set: async (c) => {
          cursor.value = c;
        },
      },
      profile: async () => ({
        units: 'metric',
        trainingPhase: 'building',
        weightKg: 62,
        timeZone: 'Europe/London',
      }),
      now: () => sim.clock.now(),
      onNewRun: (run: StoredRun) => {
        announced.push(run.activity.id);
      },
      // The notification centre outlives the worker: what was shown stays known.
      wasAnnounced: async (id: number) => announced.includes(id),
    }),
  };
}

/** The background's app service over a harness, on the simulator's clock, in a fixed zone. */
export function appOver(h: Harness, sim: Simulator): AppService {
  return createAppService({
    strava: h.service,
    collections: h.collections,
    now: () => sim.clock.now(),
    timeZone: () => 'Europe/London',
  });
}
