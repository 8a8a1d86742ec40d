import { describe, expect, it } from 'vitest';
import { nextStep, plan } from '../../../lib/recovery/plan';
import { classification, HOUR, MINUTE, noCheckIns, profile, run } from './fixtures';

const NOW = Date.parse('2026-06-10T07:05:00Z');
const planFor = (kind: 'easy' | 'workout' | 'long') =>
  plan(run(), classification(kind), [], profile(), noCheckIns, [], NOW);

describe('nextStep', () => {
  it('walks the plan as steps are done and time passes', () => {
    const p = planFor('long');
    const end = p.runEndedAt;
    const first = nextStep(p, end + MINUTE);
    expect(['cool-down', 'dry-clothes']).toContain(first?.id);
    expect(nextStep(p, end + MINUTE, ['cool-down', 'dry-clothes'])?.id).toMatch(
      /drink-now|refuel-snack/,
    );
    expect(nextStep(p, end + 40 * MINUTE, [])?.endsAt).toBeGreaterThan(end + 40 * MINUTE);
    expect(nextStep(p, end + 25 * HOUR)).toBeUndefined();
  });

  it('before the first window opens, shows the one that opens soonest', () => {
    const p = planFor('workout');
    expect(nextStep(p, p.runEndedAt - HOUR)?.startsAt).toBe(p.runEndedAt);
  });
});
