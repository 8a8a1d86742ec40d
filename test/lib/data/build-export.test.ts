import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../lib/data/build-export';
import { ExportFileSchema } from '../../../lib/data/export-file';
import { parseImport } from '../../../lib/data/parse-import';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { checkIn, runView } from './fixtures';

const NOW = Date.parse('2026-06-12T10:00:00Z');
const SECRETISH = /token|secret|refresh|access|client_?id|password|authorization/i;

function keysDeep(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) keysDeep(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push(k);
      keysDeep(v, out);
    }
  }
  return out;
}

describe('buildExport', () => {
  it('writes the envelope and every part, sorted', () => {
    const a = runView(2, '2026-06-11T06:00:00Z', { done: ['cool-down'] });
    const b = runView(1, '2026-06-10T06:00:00Z');
    const { file, skipped } = buildExport(
      {
        settings: DEFAULT_SETTINGS,
        checkIns: [
          checkIn('2026-06-12', { sleepHours: 7 }),
          checkIn('2026-06-11', { soreness: 3 }),
        ],
        weighIns: [{ activityId: 2, beforeKg: 70, afterKg: 69.4 }],
        runs: [a, b],
      },
      NOW,
    );
    expect(skipped).toEqual([]);
    expect(file.app).toBe('bounceback');
    expect(file.format).toBe(1);
    expect(file.exportedAt).toBe('2026-06-12T10:00:00.000Z');
    expect(file.checkIns.map((c) => c.date)).toEqual(['2026-06-11', '2026-06-12']);
    expect(file.runs.map((r) => r.activity.id)).toEqual([1, 2]);
    expect(file.runs[1]?.done).toEqual(['cool-down']);
    expect(ExportFileSchema.safeParse(file).success).toBe(true);
  });

  it('never carries token- or secret-like keys, even when the parts carry them', () => {
    const leaky = {
      ...runView(1, '2026-06-10T06:00:00Z'),
      access_token: 'a'.repeat(40),
      refresh_token: 'r'.repeat(40),
    };
    (leaky.activity as unknown as Record<string, unknown>).athlete = { access_token: 'x' };
    (leaky.plan as unknown as Record<string, unknown>).clientSecret = 'f'.repeat(40);
    const settings = { ...DEFAULT_SETTINGS, clientSecret: 'f'.repeat(40), tokens: { a: 1 } };
    const { file } = buildExport(
      {
        settings,
        checkIns: [{ ...checkIn('2026-06-11', { energy: 3 }), refreshToken: 'zzz' }],
        weighIns: [{ activityId: 1, beforeKg: 70, afterKg: 69.5, authorization: 'Bearer x' }],
        runs: [leaky],
        ...{ tokens: { access_token: 'x' }, secret: 'y' },
      } as Parameters<typeof buildExport>[0],
      NOW,
    );
    const json = JSON.stringify(file);
    expect(keysDeep(file).filter((k) => SECRETISH.test(k))).toEqual([]);
    expect(json).not.toContain('a'.repeat(40));
    expect(json).not.toContain('f'.repeat(40));
    expect(json).not.toContain('Bearer');
    expect(Object.keys(file).sort()).toEqual(
      ['app', 'checkIns', 'exportedAt', 'format', 'runs', 'settings', 'weighIns'].sort(),
    );
  });

  it('leaves out a stored record that no longer validates, and says which', () => {
    const { file, skipped } = buildExport(
      {
        settings: DEFAULT_SETTINGS,
        checkIns: [checkIn('2026-06-11', { sleepHours: 30 }), checkIn('2026-06-12', { energy: 4 })],
        weighIns: [],
        runs: [],
      },
      NOW,
    );
    expect(file.checkIns.map((c) => c.date)).toEqual(['2026-06-12']);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]?.reason).toMatch(/sleepHours/);
  });

  it('round-trips through parseImport', () => {
    const { file } = buildExport(
      {
        settings: { ...DEFAULT_SETTINGS, pollMinutes: 10 },
        checkIns: [
          checkIn('2026-06-11', { sleepHours: 6.5, sorenessAreas: ['calves'], soreness: 4 }),
        ],
        weighIns: [{ activityId: 1, beforeKg: 70, afterKg: 69.5 }],
        runs: [runView(1, '2026-06-10T06:00:00Z')],
      },
      NOW,
    );
    const parsed = parseImport(JSON.stringify(file));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.refused).toEqual([]);
    expect(parsed.value.settings).toEqual(file.settings);
    expect(parsed.value.checkIns).toEqual(file.checkIns);
    expect(parsed.value.weighIns).toEqual(file.weighIns);
    expect(parsed.value.runs).toEqual(file.runs);
  });
});
