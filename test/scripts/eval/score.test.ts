import { describe, expect, it } from 'vitest';
import type { RunKind } from '../../../lib/model/run-kind';
import { type ScoredInput, score, scoredClasses, truthOf } from '../../../scripts/eval/score';

// A tiny hand-made athlete; the expected figures below are worked out by hand in the comments.
const r = (month: string, tag: number | undefined, predicted: RunKind): ScoredInput => ({
  workout_type: tag,
  start_date_local: `2024-${month}-10T07:00:00Z`,
  predicted,
});
const athleteA: ScoredInput[] = [
  // January: long and workout both tagged → scored for long, workout and easy.
  r('01', 2, 'long'), //     1 long TP
  r('01', 2, 'easy'), //     2 long FN, easy FP
  r('01', 2, 'long'), //     3 long TP
  r('01', 3, 'workout'), //  4 workout TP
  r('01', 3, 'workout'), //  5 workout TP
  r('01', 3, 'easy'), //     6 workout FN, easy FP
  r('01', 1, 'long'), //     7 race = workout: workout FN, long FP
  r('01', 0, 'easy'), //     8 easy TP
  r('01', undefined, 'workout'), // 9 workout FP, easy FN
  r('01', 3, 'workout'), // 10 workout TP
  // February: only long tagged → scored for long only.
  r('02', 2, 'long'), //    11 long TP
  r('02', 2, 'long'), //    12 long TP
  r('02', 0, 'long'), //    13 long FP
  r('02', 0, 'workout'), // 14 nothing (workout not scored in February)
  // March: no tag at all → not scored.
  r('03', 0, 'long'), //    15
];
// Only 4 long tags: long never counts for B, and it tagged no workout: B adds nothing.
const athleteB: ScoredInput[] = [1, 2, 3, 4].map(() => r('01', 2, 'easy'));

describe('eval scoring rules', () => {
  it('truth: 2 long, 1 or 3 workout, anything else easy', () => {
    expect([2, 1, 3, 0, 4, null, undefined].map(truthOf)).toEqual([
      'long',
      'workout',
      'workout',
      'easy',
      'easy',
      'easy',
      'easy',
    ]);
  });

  it('scores each class in the months the athlete tagged it, easy where both are', () => {
    const classes = scoredClasses(athleteA).map((s) => [...s].sort().join(','));
    expect(classes.slice(0, 10).every((c) => c === 'easy,long,workout')).toBe(true);
    expect(classes.slice(10, 14)).toEqual(['long', 'long', 'long', 'long']);
    expect(classes[14]).toBe('');
    expect(scoredClasses(athleteB).every((s) => s.size === 0)).toBe(true);
  });

  it('the month comes from start_date_local, else start_date', () => {
    const late = { workout_type: 0, predicted: 'easy' as RunKind };
    const runs: ScoredInput[] = [
      ...[1, 2, 3, 4, 5].map(() => r('02', 2, 'long')),
      // 23:30 UTC on 31 January is already 1 February at home.
      { ...late, start_date: '2024-01-31T23:30:00Z', start_date_local: '2024-02-01T01:30:00Z' },
      { ...late, start_date: '2024-02-03T07:00:00Z' },
      { ...late, start_date: '2024-01-20T07:00:00Z' },
    ];
    const sets = scoredClasses(runs);
    expect(sets.map((s) => s.has('long'))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  it('pools counts and computes precision, recall, F1 and macro-F1 by hand', () => {
    const s = score([athleteA, athleteB]);
    // long: TP 1,3,11,12 = 4; FP 7,13 = 2; FN 2 = 1 → P 4/6, R 4/5, F1 8/11.
    expect(s.perClass.long).toMatchObject({ tp: 4, fp: 2, fn: 1, scored: 14 });
    expect(s.perClass.long!.precision).toBeCloseTo(4 / 6, 10);
    expect(s.perClass.long!.recall).toBeCloseTo(4 / 5, 10);
    expect(s.perClass.long!.f1).toBeCloseTo(8 / 11, 10);
    // workout: TP 4,5,10 = 3; FP 9 = 1; FN 6,7 = 2 → P 3/4, R 3/5, F1 6/9.
    expect(s.perClass.workout).toMatchObject({ tp: 3, fp: 1, fn: 2, scored: 10 });
    expect(s.perClass.workout!.f1).toBeCloseTo(6 / 9, 10);
    // easy (January only): TP 8; FP 2,6; FN 9 → P 1/3, R 1/2, F1 2/5.
    expect(s.perClass.easy).toMatchObject({ tp: 1, fp: 2, fn: 1, scored: 10 });
    expect(s.perClass.easy!.precision).toBeCloseTo(1 / 3, 10);
    expect(s.perClass.easy!.f1).toBeCloseTo(2 / 5, 10);
    expect(s.macroF1).toBeCloseTo((8 / 11 + 6 / 9 + 2 / 5) / 3, 10);
    expect(s.runs).toBe(14);
    expect(s.confusion).toEqual({
      long: { long: 4, easy: 1, workout: 0 },
      workout: { workout: 3, easy: 1, long: 1 },
      easy: { easy: 1, workout: 2, long: 1 },
    });
  });

  it('pools true/false positives over athletes rather than averaging their F1', () => {
    // C: 5 long tags in one month, all found, plus one easy run rightly called easy.
    const athleteC = [...[1, 2, 3, 4, 5].map(() => r('06', 2, 'long')), r('06', 0, 'easy')];
    const s = score([athleteA, athleteC]);
    // long: TP 4+5, FP 2, FN 1 → F1 18/21; workout and easy unchanged (C scores long only).
    expect(s.perClass.long!.f1).toBeCloseTo(18 / 21, 10);
    expect(s.macroF1).toBeCloseTo((18 / 21 + 6 / 9 + 2 / 5) / 3, 10);
    expect(s.runs).toBe(20);
  });

  it('leaves out classes with no scored run', () => {
    const s = score([athleteA.slice(10, 14).concat([1, 2, 3].map(() => r('02', 2, 'long')))]);
    expect(Object.keys(s.perClass)).toEqual(['long']);
    expect(s.macroF1).toBe(s.perClass.long!.f1);
  });
});
