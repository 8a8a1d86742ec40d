import { describe, expect, it } from 'vitest';
import { type MergeInput, mergeImport } from '../../../lib/data/merge-import';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { checkIn, runView } from './fixtures';

const empty = (): MergeInput => ({ checkIns: [], weighIns: [], runs: [] });
const T = Date.parse('2026-06-12T07:00:00Z');

describe('mergeImport', () => {
  it('adds everything into an empty browser and counts it', () => {
    const incoming: MergeInput = {
      settings: DEFAULT_SETTINGS,
      checkIns: [checkIn('2026-06-11', { sleepHours: 7 }), checkIn('2026-06-10', { soreness: 2 })],
      weighIns: [{ activityId: 1, beforeKg: 70, afterKg: 69.5 }],
      runs: [runView(1, '2026-06-10T06:00:00Z')],
    };
    const { merged, report } = mergeImport(empty(), incoming);
    expect(report.added).toEqual({ checkIns: 2, weighIns: 1, runs: 1 });
    expect(report.updated).toEqual({ checkIns: 0, weighIns: 0, runs: 0 });
    expect(report.settings).toBe('replaced');
    expect(merged.checkIns.map((c) => c.date)).toEqual(['2026-06-10', '2026-06-11']);
    expect(merged.settings).toEqual(DEFAULT_SETTINGS);
  });

  it('importing the same data twice adds nothing and duplicates nothing', () => {
    const data: MergeInput = {
      settings: DEFAULT_SETTINGS,
      checkIns: [checkIn('2026-06-11', { sleepHours: 7 })],
      weighIns: [{ activityId: 1, beforeKg: 70, afterKg: 69.5 }],
      runs: [runView(1, '2026-06-10T06:00:00Z', { done: ['cool-down'] })],
    };
    const once = mergeImport(empty(), data).merged;
    const { merged, report } = mergeImport(once, structuredClone(data));
    expect(merged).toEqual(once);
    expect(report.added).toEqual({ checkIns: 0, weighIns: 0, runs: 0 });
    expect(report.unchanged).toEqual({ checkIns: 1, weighIns: 1, runs: 1 });
    expect(report.refused).toEqual([]);
    expect(report.settings).toBe('unchanged');
  });

  it('a newer edit of a day replaces it; an older one is refused and yours kept', () => {
    const mine = { ...empty(), checkIns: [checkIn('2026-06-11', { sleepHours: 5, updatedAt: T })] };
    const newer = mergeImport(mine, {
      ...empty(),
      checkIns: [checkIn('2026-06-11', { sleepHours: 8, updatedAt: T + 1 })],
    });
    expect(newer.merged.checkIns).toEqual([
      checkIn('2026-06-11', { sleepHours: 8, updatedAt: T + 1 }),
    ]);
    expect(newer.report.updated.checkIns).toBe(1);

    const older = mergeImport(mine, {
      ...empty(),
      checkIns: [checkIn('2026-06-11', { sleepHours: 8, updatedAt: T - 1 })],
    });
    expect(older.merged.checkIns).toEqual(mine.checkIns);
    expect(older.report.refused).toEqual([
      { what: 'check-in 2026-06-11', reason: expect.stringMatching(/edited more recently/) },
    ]);
  });

  it('the same content at another time is unchanged, not an update', () => {
    const mine = { ...empty(), checkIns: [checkIn('2026-06-11', { energy: 3, updatedAt: T })] };
    const { merged, report } = mergeImport(mine, {
      ...empty(),
      checkIns: [checkIn('2026-06-11', { energy: 3, updatedAt: T + 999 })],
    });
    expect(report.unchanged.checkIns).toBe(1);
    expect(merged.checkIns[0]?.updatedAt).toBe(T);
  });

  it('two check-ins for one day in a file: the newer counts, the other is refused', () => {
    const { merged, report } = mergeImport(empty(), {
      ...empty(),
      checkIns: [
        checkIn('2026-06-11', { energy: 2, updatedAt: T }),
        checkIn('2026-06-11', { energy: 4, updatedAt: T + 5 }),
      ],
    });
    expect(merged.checkIns).toHaveLength(1);
    expect(merged.checkIns[0]?.energy).toBe(4);
    expect(report.added.checkIns).toBe(1);
    expect(report.refused).toHaveLength(1);
  });

  it('keeps your weigh-in when the file has a different one for the run', () => {
    const mine = { ...empty(), weighIns: [{ activityId: 1, beforeKg: 70, afterKg: 69.5 }] };
    const { merged, report } = mergeImport(mine, {
      ...empty(),
      weighIns: [
        { activityId: 1, beforeKg: 71, afterKg: 70 },
        { activityId: 2, beforeKg: 71, afterKg: 70.2 },
      ],
    });
    expect(merged.weighIns).toEqual([
      { activityId: 1, beforeKg: 70, afterKg: 69.5 },
      { activityId: 2, beforeKg: 71, afterKg: 70.2 },
    ]);
    expect(report.added.weighIns).toBe(1);
    expect(report.refused.map((r) => r.what)).toEqual(['weigh-in for run 1']);
  });

  it('joins the ticked steps of a run both sides have, keeping your plan', () => {
    const mine = runView(1, '2026-06-10T06:00:00Z', { done: ['cool-down'] });
    const theirs = runView(1, '2026-06-10T06:00:00Z', {
      done: ['refuel-snack', 'cool-down', 'not-a-step'],
      name: 'Renamed',
    });
    const { merged, report } = mergeImport(
      { ...empty(), runs: [mine] },
      { ...empty(), runs: [theirs] },
    );
    expect(merged.runs).toHaveLength(1);
    expect(merged.runs[0]?.activity.name).toBe('Run 1');
    expect(merged.runs[0]?.done).toEqual(['cool-down', 'refuel-snack']);
    expect(report.updated.runs).toBe(1);
  });

  it('carries the refusals from parsing into the report', () => {
    const { report } = mergeImport(empty(), empty(), [{ what: 'check-in x', reason: 'bad' }]);
    expect(report.refused).toEqual([{ what: 'check-in x', reason: 'bad' }]);
    expect(report.settings).toBe('not-in-file');
  });
});
