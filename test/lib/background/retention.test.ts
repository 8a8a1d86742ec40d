// What is kept, and for how long: the retention setting is applied, and a stored activity holds the
// fields the product reads, never polylines, descriptions, private notes or segment efforts.
import { describe, expect, it } from 'vitest';
import type { AppService } from '../../../lib/background/app-service';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { settingsItem } from '../../../lib/store/settings-item';
import { DAY_MS } from '../../../lib/time';
import type { Simulator } from '../../strava-sim/server';
import { perTestApp } from '../sync/per-test-app';
import type { Harness } from '../sync/sync-harness';

let sim: Simulator;
let h: Harness;
let app: AppService;

perTestApp(17, (x) => {
  ({ sim, h, app } = x);
});

describe('retention and the fields kept', () => {
  it('forgets runs, ticks and check-ins older than the retention setting', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, retentionDays: 30 });
    await app.syncNow(false);
    const runs = (await h.collections.runs.all()).map(([, r]) => r);
    const cutoff = sim.clock.now() - 30 * DAY_MS;
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(Date.parse(r.activity.start_date)).toBeGreaterThanOrEqual(cutoff);
    // Older than 30 days is inside the six-week backfill: they were read, then forgotten.
    const listed = [...sim.state.activities.values()].filter(
      (a) => Date.parse(a.detail.start_date) > sim.clock.now() - 42 * DAY_MS,
    );
    expect(listed.length).toBeGreaterThan(runs.length);
  });

  it('a stored activity carries no polyline, description, private note or segment effort', async () => {
    const fresh = sim.finishRun({ kind: 'tempo' });
    await app.syncNow(false);
    const detail = sim.state.activities.get(fresh.id)!.detail as unknown as Record<string, unknown>;
    expect(detail.map).toBeDefined();
    const stored = (await h.collections.runs.get(fresh.id))!.activity as Record<string, unknown>;
    for (const key of ['map', 'description', 'private_note', 'segment_efforts', 'athlete'])
      expect(stored[key], key).toBeUndefined();
    for (const key of ['distance', 'moving_time', 'average_speed', 'laps', 'splits_metric'])
      expect(stored[key], key).toBeDefined();
  });
});
