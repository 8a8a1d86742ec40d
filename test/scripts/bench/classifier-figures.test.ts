import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifierFigures } from '../../../scripts/bench/classifier-figures';

describe('classifier figures', () => {
  it('are null, with one printed line, when the labeled-runs folder is absent', () => {
    const lines: string[] = [];
    const missing = join(tmpdir(), 'no-such-shared', 'labeled-runs');
    expect(classifierFigures(missing, (l) => lines.push(l))).toBeNull();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('skipped');
    expect(lines[0]).toContain(missing);
  });

  it('replays and scores a small labeled folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'labeled-'));
    try {
      const runs = Array.from({ length: 12 }, (_, i) => {
        const long = i % 3 === 0;
        const start = new Date(Date.UTC(2026, 0, 1 + 2 * i, 7)).toISOString();
        return {
          id: i + 1,
          name: long ? 'Sunday long' : 'Morning Run',
          sport_type: 'Run',
          type: 'Run',
          start_date: start,
          start_date_local: start.replace('Z', ''),
          distance: long ? 24_000 : 8_000,
          moving_time: long ? 7_800 : 2_700,
          elapsed_time: long ? 8_000 : 2_800,
          total_elevation_gain: 40,
          average_speed: long ? 3.08 : 2.96,
          workout_type: long ? 2 : 0,
        };
      });
      writeFileSync(join(dir, 'athlete.json'), JSON.stringify(runs));
      writeFileSync(join(dir, 'README.md'), 'not an athlete');
      const r = classifierFigures(dir, () => {
        throw new Error('nothing should be printed');
      });
      expect(r).not.toBeNull();
      expect(r!.athletes).toBe(1);
      expect(r!.runs).toBe(12);
      expect(r!.figures.runsPerSecond).toBeGreaterThan(0);
      for (const f of [r!.figures.macroF1, r!.figures.baselineMacroF1]) {
        expect(f).toBeGreaterThanOrEqual(0);
        expect(f).toBeLessThanOrEqual(1);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
