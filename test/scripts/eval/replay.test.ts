import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { naiveBaseline } from '../../../scripts/eval/naive-baseline';
import { type LabeledRun, orderRuns } from '../../../scripts/eval/order-runs';
import { replay } from '../../../scripts/eval/replay';
import { makeRun, sixWeeks } from '../../lib/classify/make-run';

describe('orderRuns', () => {
  it('orders by start_date, else start_date_local, keeps ties in file order, drops non-runs', () => {
    const raw: LabeledRun[] = [
      { ...makeRun(3, 5, 6), id: 1 },
      { ...makeRun(1, 5, 6), id: 2 },
      { ...makeRun(1, 5, 6), id: 3 },
      { ...makeRun(0, 30, 2), id: 4, sport_type: 'Ride' },
      { ...makeRun(2, 5, 6), id: 5 },
    ];
    expect(orderRuns(raw).map((r) => r.id)).toEqual([2, 3, 5, 1]);
    const localOnly = raw.map(({ start_date: _s, ...rest }) => rest);
    const ordered = orderRuns(localOnly);
    expect(ordered.map((r) => r.id)).toEqual([2, 3, 5, 1]);
    expect(ordered[0]!.start_date).toBe(ordered[0]!.start_date_local);
  });
});

describe('replay', () => {
  it('hides the current run’s tag but lets later runs learn from it', () => {
    const tagged = makeRun(42, 8, 6, { workout_type: 2 });
    const { runs } = replay([...sixWeeks(), tagged], DEFAULT_PROFILE);
    const last = runs[runs.length - 1]!;
    expect(last.detail.classification.source).toBe('inferred');
    expect(last.predicted).toBe('easy');
  });

  it('classifies with only earlier runs: a later long run cannot change an earlier one', () => {
    const base = sixWeeks();
    const a = replay(base, DEFAULT_PROFILE).runs.map((r) => r.predicted);
    const b = replay([...base, makeRun(43, 42, 6)], DEFAULT_PROFILE).runs.map((r) => r.predicted);
    expect(b.slice(0, a.length)).toEqual(a);
  });
});

describe('naive baseline', () => {
  const history = sixWeeks(); // 28-day median distance: 9 km; median speed at 6:00/km
  const rows: { rule: string; run: Activity; earlier: Activity[]; kind: string }[] = [
    { rule: '90 min or more → long', run: makeRun(42, 13, 7), earlier: history, kind: 'long' },
    {
      rule: '≥ 14 km when 1.5 × median is less',
      run: makeRun(42, 14, 5),
      earlier: history,
      kind: 'long',
    },
    { rule: 'just under 14 km', run: makeRun(42, 13.9, 6), earlier: history, kind: 'easy' },
    {
      rule: 'a "4 x 400" name',
      run: makeRun(42, 8, 6, { name: '4 x 400' }),
      earlier: history,
      kind: 'workout',
    },
    {
      rule: 'a "Tempo" name',
      run: makeRun(42, 8, 6, { name: 'Tempo Tuesday' }),
      earlier: history,
      kind: 'workout',
    },
    {
      rule: '7 % faster than the median',
      run: makeRun(42, 8, 5.55),
      earlier: history,
      kind: 'workout',
    },
    { rule: '5 % faster is not enough', run: makeRun(42, 8, 5.72), earlier: history, kind: 'easy' },
    { rule: 'no history: 14 km rule only', run: makeRun(0, 14, 6), earlier: [], kind: 'long' },
    {
      rule: 'runs older than 28 days do not count',
      run: makeRun(100, 12, 6),
      earlier: [makeRun(0, 5, 6), makeRun(1, 5, 6)],
      kind: 'easy',
    },
  ];
  it.each(rows)('$rule', ({ run, earlier, kind }) => {
    expect(naiveBaseline(run, earlier)).toBe(kind);
  });

  it('1.5 × the 28-day median when above 14 km', () => {
    const big = [0, 2, 4, 6].map((d) => makeRun(30 + d, 12, 6));
    expect(naiveBaseline(makeRun(40, 17.9, 5.0), big)).toBe('workout');
    expect(naiveBaseline(makeRun(40, 18, 4.9), big)).toBe('long');
  });
});
