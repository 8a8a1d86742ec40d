// classifyAndPlan: the pure core fed from what the background knows, options included.
import { describe, expect, it } from 'vitest';
import { endOf } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { classifyAndPlan, type Known } from '../../../lib/sync/plan-run';
import { HOUR_MS } from '../../../lib/time';

const run = {
  id: 7,
  name: '10 x 400 m',
  sport_type: 'Run',
  start_date: '2026-11-20T17:00:00Z',
  distance: 9000,
  moving_time: 2700,
  elapsed_time: 3000,
  workout_type: 3,
};
const known = (planOptions?: Known['planOptions']): Known => ({
  runs: new Map(),
  checkIns: [],
  weighIns: [],
  profile: DEFAULT_PROFILE,
  planOptions,
});
const stepIds = (k: Known) =>
  classifyAndPlan(run, k, endOf(run)).plan?.steps.map((s) => s.id) ?? [];

describe('classifyAndPlan', () => {
  it('passes the next hard session through to the plan (rapid refuel only when it is close)', () => {
    expect(stepIds(known())).not.toContain('rapid-refuel');
    expect(stepIds(known({ nextHardSessionAt: endOf(run) + 5 * HOUR_MS }))).toContain(
      'rapid-refuel',
    );
    expect(stepIds(known({ nextHardSessionAt: endOf(run) + 20 * HOUR_MS }))).not.toContain(
      'rapid-refuel',
    );
  });

  it('plans nothing for an activity that is not a run', () => {
    expect(classifyAndPlan({ ...run, sport_type: 'Ride' }, known(), endOf(run))).toEqual({
      classification: null,
      plan: null,
    });
  });
});
