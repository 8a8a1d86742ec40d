import { describe, expect, it } from 'vitest';
import { nameSignal } from '../../../lib/classify/name-signal';

describe('nameSignal', () => {
  it.each([
    ['6 x 800m', 'workout'],
    ['1k X 4 @ 4:20 min/k', 'workout'],
    ['10 x (90s @ 10k - 45s Rec)', 'workout'],
    ['Tempo 10k', 'workout'],
    ['Hill Repeats at the park', 'workout'],
    ['Fartlek Friday', 'workout'],
    ['18mi | 3 x 3mi @ MP', 'workout'],
    ['Speed Workout', 'workout'],
    ['Berlin Marathon', 'race'],
    ['Half Marathon PR (1:34:53)', 'race'],
    ['Lifetime Chicago Spring Half - 1:59:05', 'race'],
    ['5km TT', 'race'],
    ['Saturday Long Run', 'long'],
    ['Easy 45', 'easy'],
    ['Recovery Run', 'easy'],
    ['Warm up', 'warmup'],
    ['Morning Run - Cool Down', 'warmup'],
  ] as const)('%s → %s', (name, field) => {
    expect(nameSignal(name)[field]).toBeDefined();
  });

  it.each(['Morning Run', 'Afternoon Run', 'Chicago Running', 'Lunch Run', ''])(
    '"%s" says nothing',
    (name) => {
      expect(nameSignal(name)).toEqual({});
    },
  );

  it('training on a race course, or at race pace, is not a race', () => {
    expect(nameSignal('Running Tel Aviv Marathon Course (15k-39k)').race).toBeUndefined();
    expect(nameSignal('25k, Marathon goal pace').race).toBeUndefined();
  });
});
