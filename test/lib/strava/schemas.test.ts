import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import {
  type DetailedActivity,
  DetailedActivitySchema,
  StreamSetSchema,
  type SummaryActivity,
  SummaryActivitySchema,
  toStreams,
} from '../../../lib/strava/schemas';

const run = {
  id: 1946417534,
  name: 'NYC Marathon',
  sport_type: 'Run',
  type: 'Run',
  distance: 42882.9,
  moving_time: 13299,
  elapsed_time: 13306,
  start_date: '2018-11-04T14:53:46Z',
  workout_type: null,
  average_cadence: null,
  suffer_score: 656,
  some_future_field: { nested: true },
};

describe('activity schemas', () => {
  it("produce the app's Activity type", () => {
    expectTypeOf<SummaryActivity>().toExtend<Activity>();
    expectTypeOf<DetailedActivity>().toExtend<Activity>();
  });

  it('keep unknown fields, keep workout_type null, and turn other nulls into absent', () => {
    const a = SummaryActivitySchema.parse(run);
    expect(a.workout_type).toBeNull();
    expect(a.average_cadence).toBeUndefined();
    expect(a.suffer_score).toBe(656);
    expect(a.some_future_field).toEqual({ nested: true });
  });

  it('reject an activity without a required field, naming the path', () => {
    const { id: _id, ...noId } = run;
    const result = SummaryActivitySchema.safeParse(noId);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['id']);
  });

  it('check laps and splits inside a detailed activity', () => {
    const result = DetailedActivitySchema.safeParse({
      ...run,
      laps: [{ distance: 1000, moving_time: 300, elapsed_time: 301 }],
    });
    expect(result.error?.issues[0]?.path).toEqual(['laps', 0, 'average_speed']);
  });
});

describe('streams', () => {
  it('accept the keyed shape and reduce it to data arrays', () => {
    const set = StreamSetSchema.parse({
      time: { data: [0, 1, 2], series_type: 'distance', original_size: 3, resolution: 'high' },
      heartrate: { data: [120, null, 124] },
      moving: { data: [false, true, true] },
    });
    expect(toStreams(set)).toEqual({
      time: [0, 1, 2],
      heartrate: [120, 120, 124],
      moving: [false, true, true],
    });
  });

  it('accept the legacy array shape by keying it by type', () => {
    const set = StreamSetSchema.parse([
      { type: 'distance', data: [0, 5.5] },
      { type: 'time', data: [0, 2] },
    ]);
    expect(toStreams(set)).toEqual({ distance: [0, 5.5], time: [0, 2] });
  });

  it('reject a stream whose data is not numbers', () => {
    expect(StreamSetSchema.safeParse({ time: { data: ['a'] } }).success).toBe(false);
  });
});
