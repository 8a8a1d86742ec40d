// One simulator per test file, and a freshly connected harness and app service for every test:
// the setup most background and sync tests share.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AppService } from '../../../lib/background/app-service';
import { type Simulator, startSimulator } from '../../strava-sim/server';
import { appOver, connectedHarness, type Harness, type HarnessOptions } from './sync-harness';

export interface PerTest {
  sim: Simulator;
  h: Harness;
  app: AppService;
}

/** `set` receives the file's simulator (and each test's harness and app) as they are made. */
/** `weeks`: the simulated athlete's history (default 12). */
export function perTestApp(
  seed: number,
  set: (x: PerTest) => void,
  opts?: HarnessOptions & { weeks?: number },
): void {
  let sim: Simulator | undefined;
  beforeAll(async () => {
    sim = await startSimulator({ port: 0, seed, weeks: opts?.weeks });
  });
  afterAll(async () => {
    await sim?.stop();
  });
  beforeEach(async () => {
    sim!.reset();
    const h = await connectedHarness(sim!, opts);
    set({ sim: sim!, h, app: appOver(h, sim!) });
  });
}
