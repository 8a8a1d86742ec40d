import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../lib/data/build-export';
import { importData } from '../../../lib/data/import-data';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { checkIn, runView } from './fixtures';

const NOW = Date.parse('2026-06-12T10:00:00Z');

describe('importData', () => {
  it('parses and merges in one step, carrying refusals into the report', () => {
    const { file } = buildExport(
      {
        settings: { ...DEFAULT_SETTINGS, pollMinutes: 15 },
        checkIns: [checkIn('2026-06-11', { sleepHours: 7 })],
        weighIns: [],
        runs: [runView(1, '2026-06-10T06:00:00Z')],
      },
      NOW,
    );
    const raw = JSON.parse(JSON.stringify(file));
    raw.checkIns.push({ date: '2026-06-12', soreness: 99, updatedAt: NOW });
    const existing = {
      settings: DEFAULT_SETTINGS,
      checkIns: [checkIn('2026-06-10', { energy: 4 })],
      weighIns: [],
      runs: [],
    };
    const result = importData(JSON.stringify(raw), existing, NOW);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.merged.checkIns.map((c) => c.date)).toEqual(['2026-06-10', '2026-06-11']);
    expect(result.merged.runs).toHaveLength(1);
    expect(result.merged.settings?.pollMinutes).toBe(15);
    expect(result.report.added).toEqual({ checkIns: 1, weighIns: 0, runs: 1 });
    expect(result.report.refused).toEqual([
      { what: 'check-in 2026-06-12', reason: 'soreness: too big (at most 10)' },
    ]);
  });

  it('passes an envelope error through and merges nothing', () => {
    expect(importData('nope', { checkIns: [], weighIns: [], runs: [] }, NOW)).toEqual({
      ok: false,
      error: expect.stringMatching(/not JSON/),
    });
  });
});
