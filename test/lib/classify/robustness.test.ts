import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/classify/classify';
import { historyFor } from '../../../lib/classify/history-for';
import type { Activity } from '../../../lib/model/activity';
import { DEFAULT_PROFILE } from '../../../lib/model/profile';
import { makeRun } from './make-run';

const arbRun = fc
  .record({
    day: fc.integer({ min: 0, max: 60 }),
    km: fc.double({ min: 0, max: 60, noNaN: true }),
    pace: fc.double({ min: 2.5, max: 20, noNaN: true }),
    gain: fc.option(fc.double({ min: 0, max: 3000, noNaN: true })),
    hr: fc.option(fc.integer({ min: 60, max: 210 })),
    suffer: fc.option(fc.integer({ min: 0, max: 500 })),
    tag: fc.option(fc.integer({ min: 0, max: 3 })),
    manual: fc.boolean(),
    trainer: fc.boolean(),
    name: fc.constantFrom('Morning Run', '6 x 400', 'Easy', 'Long run', 'Warm up', 'Race', ''),
    sport: fc.constantFrom('Run', 'TrailRun', 'VirtualRun', 'Ride'),
  })
  .map(
    (r): Activity =>
      makeRun(r.day, r.km, r.pace, {
        total_elevation_gain: r.gain ?? undefined,
        average_heartrate: r.hr,
        suffer_score: r.suffer,
        workout_type: r.tag,
        manual: r.manual,
        trainer: r.trainer,
        name: r.name,
        sport_type: r.sport,
      }),
  );

describe('classify on arbitrary input', () => {
  it('always answers a kind, a confidence in 0..1 and at least one readable reason', () => {
    fc.assert(
      fc.property(arbRun, fc.array(arbRun, { maxLength: 40 }), (run, history) => {
        const c = classify(run, history, DEFAULT_PROFILE);
        expect(['easy', 'workout', 'long']).toContain(c.kind);
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        expect(c.reasons.length).toBeGreaterThan(0);
        for (const reason of c.reasons) expect(reason).not.toMatch(/NaN|undefined|Infinity/);
        if (run.workout_type === 1 || run.workout_type === 2 || run.workout_type === 3) {
          expect(c.source).toBe('strava-tag');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('historyFor', () => {
  it('keeps earlier runs within the window, oldest first, without details', () => {
    const run = makeRun(400, 10, 6);
    const stored = [
      makeRun(399, 8, 6, { laps: [] }),
      makeRun(10, 8, 6), // more than a year before
      makeRun(401, 8, 6), // later
      makeRun(398, 40, 2, { sport_type: 'Ride' }),
      makeRun(300, 8, 6),
      run,
    ];
    const h = historyFor(run, stored);
    expect(h.map((a) => a.start_date)).toEqual([stored[4]!.start_date, stored[0]!.start_date]);
    expect(h[1]).not.toHaveProperty('laps');
  });
});

const SHARED = resolve(__dirname, '../../../../shared/labeled-runs');
describe.skipIf(!existsSync(SHARED))('targets on ../shared/labeled-runs', () => {
  async function scores(summary: boolean) {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { orderRuns } = await import('../../../scripts/eval/order-runs');
    const { replay } = await import('../../../scripts/eval/replay');
    const { score } = await import('../../../scripts/eval/score');
    const { summaryOnly } = await import('../../../scripts/eval/summary-only');
    const replays = readdirSync(SHARED)
      .filter((f) => f.endsWith('.json'))
      .map((f) => {
        const runs = orderRuns(JSON.parse(readFileSync(resolve(SHARED, f), 'utf8')));
        return replay(summary ? runs.map(summaryOnly) : runs, DEFAULT_PROFILE);
      });
    const ours = score(
      replays.map((r) => r.runs.map((x) => ({ ...x.run, predicted: x.predicted }))),
    );
    const base = score(
      replays.map((r) => r.runs.map((x) => ({ ...x.run, predicted: x.baseline }))),
    );
    return { ours, base };
  }

  it('macro-F1 ≥ 0.68 and ≥ 1.15 × the baseline, every scored class F1 ≥ 0.5', async () => {
    const { ours, base } = await scores(false);
    expect(ours.macroF1).toBeGreaterThanOrEqual(0.68);
    expect(ours.macroF1).toBeGreaterThanOrEqual(1.15 * base.macroF1);
    for (const c of Object.values(ours.perClass)) expect(c.f1).toBeGreaterThanOrEqual(0.5);
  });

  it('summary fields only (no laps, splits or streams): ≥ 1.1 × the baseline', async () => {
    const { ours, base } = await scores(true);
    expect(ours.macroF1).toBeGreaterThanOrEqual(1.1 * base.macroF1);
  });
});
if (!existsSync(SHARED))
  console.log(`skipped: ${SHARED} is absent, no measurement on labeled runs`);
