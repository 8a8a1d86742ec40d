import { describe, expect, it } from 'vitest';
import { buildExport } from '../../../lib/data/build-export';
import { parseImport } from '../../../lib/data/parse-import';
import { DEFAULT_SETTINGS } from '../../../lib/model/settings';
import { checkIn, runView } from './fixtures';

const NOW = Date.parse('2026-06-12T10:00:00Z');

function goodFile() {
  return buildExport(
    {
      settings: DEFAULT_SETTINGS,
      checkIns: [checkIn('2026-06-11', { sleepHours: 7 }), checkIn('2026-06-12', { energy: 2 })],
      weighIns: [{ activityId: 1, beforeKg: 70, afterKg: 69.5 }],
      runs: [runView(1, '2026-06-10T06:00:00Z'), runView(2, '2026-06-11T06:00:00Z')],
    },
    NOW,
  ).file as unknown as Record<string, unknown>;
}

function errorOf(text: string, maxBytes?: number): string {
  const result = parseImport(text, maxBytes);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

describe('parseImport: the envelope', () => {
  it.each([
    ['', /not JSON/],
    ['{"app":"bounceback",', /not JSON/],
    ['<html></html>', /not JSON/],
    ['[]', /not a Bounceback export/],
    ['null', /not a Bounceback export/],
    ['42', /not a Bounceback export/],
    ['{"format":1}', /does not say which app/],
  ])('%j is refused', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });

  it('names the other app', () => {
    expect(errorOf(JSON.stringify({ ...goodFile(), app: 'runalyze' }))).toMatch(
      /exported by “runalyze”, not Bounceback/,
    );
  });

  it('names a newer format version and what this version reads', () => {
    const error = errorOf(JSON.stringify({ ...goodFile(), format: 2 }));
    expect(error).toMatch(/format 2/);
    expect(error).toMatch(/newer Bounceback/);
    expect(error).toMatch(/reads format 1/);
  });

  it('names an odd format version too', () => {
    expect(errorOf(JSON.stringify({ ...goodFile(), format: '1' }))).toMatch(/format "1".*format 1/);
    expect(errorOf(JSON.stringify({ ...goodFile(), format: 0 }))).toMatch(/format 0;/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const text = JSON.stringify(goodFile());
    expect(errorOf(text, 100)).toMatch(/at most/);
    expect(parseImport(text, new TextEncoder().encode(text).length).ok).toBe(true);
  });

  it('counts bytes, not characters', () => {
    const text = JSON.stringify({ ...goodFile(), note: 'é'.repeat(100) });
    const chars = text.length;
    expect(errorOf(text, chars)).toMatch(/at most/);
  });

  it('refuses a record list that is not a list', () => {
    expect(errorOf(JSON.stringify({ ...goodFile(), checkIns: 'lots' }))).toMatch(
      /damaged.*checkIns/,
    );
  });
});

describe('parseImport: records', () => {
  it('keeps the good records and refuses each bad one with a reason', () => {
    const file = goodFile();
    const runs = file.runs as Array<Record<string, unknown>>;
    (file.checkIns as unknown[]).push(
      { date: '2026-06-13', sleepHours: 40, updatedAt: NOW },
      { date: 'yesterday', energy: 3, updatedAt: NOW },
      'not a record',
    );
    (file.weighIns as unknown[]).push({ activityId: 2, beforeKg: 700, afterKg: 69 });
    runs.push({ ...runs[0], activity: { ...(runs[0]?.activity as object), id: 3 } });
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.checkIns.map((c) => c.date)).toEqual(['2026-06-11', '2026-06-12']);
    expect(result.value.weighIns).toHaveLength(1);
    expect(result.value.runs.map((r) => r.activity.id)).toEqual([1, 2]);
    expect(result.refused.map((r) => r.what)).toEqual([
      'check-in 2026-06-13',
      'check-in yesterday',
      'check-in #5',
      'weigh-in for run 2',
      'run 3',
    ]);
    expect(result.refused[0]?.reason).toMatch(/sleepHours: too big \(at most 16\)/);
    expect(result.refused[3]?.reason).toMatch(/beforeKg/);
    expect(result.refused[4]?.reason).toMatch(/another activity/);
  });

  it('refuses bad settings but keeps the records', () => {
    const file = { ...goodFile(), settings: { ...DEFAULT_SETTINGS, pollMinutes: 1 } };
    const result = parseImport(JSON.stringify(file));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.settings).toBeUndefined();
    expect(result.refused).toEqual([
      { what: 'settings', reason: expect.stringMatching(/pollMinutes/) },
    ]);
    expect(result.value.checkIns).toHaveLength(2);
  });

  it('strips keys the format has no place for', () => {
    const file = goodFile();
    (file.checkIns as Array<Record<string, unknown>>)[0]!.access_token = 'x'.repeat(30);
    const result = parseImport(JSON.stringify({ ...file, tokens: { refresh: 'y' } }));
    expect(JSON.stringify(result)).not.toContain('x'.repeat(30));
    expect(JSON.stringify(result)).not.toContain('refresh');
  });
});
