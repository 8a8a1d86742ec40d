import { describe, expect, it } from 'vitest';
import { upFrontSteps } from '../../../lib/recovery/next-step';
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

describe('the steps up front', () => {
  it('at most 6, none over, essentials first, whenever the plan is first seen (0–180 min)', () => {
    for (const kind of ['easy', 'workout', 'long'] as const) {
      const end = Date.parse('2026-06-10T08:00:00Z');
      const a = run({ start_date: new Date(end - 3_600_000).toISOString() });
      const p = plan(a, classification(kind), [], profile(), { daily: [], weighIns: [] }, [], end);
      for (let min = 0; min <= 180; min += 5) {
        const seenAt = end + min * 60_000;
        const front = upFrontSteps(p, seenAt);
        expect(front.length).toBeLessThanOrEqual(6);
        for (const s of front) expect(s.endsAt).toBeGreaterThan(seenAt);
        // Nothing essential that is still doable is left behind "more" for a lesser step.
        const essentialLeft = p.steps.filter(
          (s) =>
            s.priority === 'essential' && s.endsAt > seenAt && s.startsAt <= seenAt + 7_200_000,
        );
        if (front.some((s) => s.priority !== 'essential'))
          for (const s of essentialLeft) expect(front).toContain(s);
      }
    }
  });
});
