// The outbox's memory of what was announced: a clock set back must not make it forget, or a run
// stored again (after "delete everything", say) is announced a second time.
import { describe, expect, it } from 'vitest';
import { appContext } from '../../../lib/background/context';
import { announcer } from '../../../lib/background/notifications';
import { syncOnce } from '../../../lib/sync/sync-once';
import { HOUR_MS } from '../../../lib/time';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import type { Harness } from '../sync/sync-harness';

let sim: Simulator;
let h: Harness;

perTestApp(23, (x) => {
  ({ sim, h } = x);
});

describe('announcer', () => {
  it('still knows a run it announced after the clock is set back a day', async () => {
    const first = sim.finishRun({ kind: 'tempo' });
    const second = sim.finishRun({ kind: 'easy' });
    // Stored (with plans) by the real pipeline, announced only by the announcer below.

    await syncOnce(h.deps());
    const a = (await h.collections.runs.get(first.id))!;
    const b = (await h.collections.runs.get(second.id))!;
    let now = sim.clock.now();
    const ann = announcer(
      appContext({ strava: h.service, collections: h.collections, now: () => now }),
    );
    await ann.onNewRun(a);
    expect(await ann.wasAnnounced(first.id)).toBe(true);
    now -= 27 * HOUR_MS;
    await ann.onNewRun(b);
    expect(await ann.wasAnnounced(second.id)).toBe(true);
    expect(await ann.wasAnnounced(first.id)).toBe(true);
  });
});
