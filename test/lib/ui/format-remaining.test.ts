import { describe, expect, it } from 'vitest';
import { formatRemaining } from '../../../lib/ui/format-remaining';

describe('formatRemaining', () => {
  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [59_000, '0:59'],
    [24 * 60_000 + 5000, '24:05'],
    [3600_000, '1 h 00 min'],
    [5 * 3600_000 + 12 * 60_000, '5 h 12 min'],
    [48 * 3600_000, '2 d 0 h'],
    [51 * 3600_000, '2 d 3 h'],
  ])('%i ms → %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
