import { describe, expect, it } from 'vitest';
import { detectionLatency, median } from '../../../scripts/bench/detection-latency';

describe('detection latency', () => {
  it('is the wait to the next sync alarm plus the pass that stored the plan', async () => {
    const r = await detectionLatency({ uploads: 4, seed: 7 });
    const period = r.pollMinutes * 60;
    expect(r.samples).toHaveLength(4);
    for (const s of r.samples) {
      // Noticed at the first alarm after the upload: the wait closes the interval.
      expect(s.waitS).toBeCloseTo(period - s.phaseS, 3);
      expect(s.latencyS).toBeCloseTo(s.waitS + s.passMs / 1000, 6);
    }
    expect(r.maxS).toBe(Math.max(...r.samples.map((s) => s.latencyS)));
    expect(r.medianS).toBe(median(r.samples.map((s) => s.latencyS)));
    expect(r.maxS).toBeLessThanOrEqual(r.targetS);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
  });
});
