import { describe, expect, it } from 'vitest';
import { summaryOnly } from '../../../scripts/eval/summary-only';
import { intervalLaps, makeRun, totals } from '../../lib/classify/make-run';

describe('summaryOnly', () => {
  it('drops laps, splits and streams and keeps every summary field', () => {
    const laps = intervalLaps(5, 1000, 4, 6);
    const run = makeRun(0, 0, 6, {
      ...totals(laps),
      laps,
      splits_metric: [],
      streams: { time: [0, 1], distance: [0, 3] },
      average_heartrate: 150,
      workout_type: 3,
    });
    const s = summaryOnly(run);
    expect(s).not.toHaveProperty('laps');
    expect(s).not.toHaveProperty('splits_metric');
    expect(s).not.toHaveProperty('streams');
    const { laps: _l, splits_metric: _s, streams: _t, ...rest } = run;
    expect(s).toEqual(rest);
  });
});
