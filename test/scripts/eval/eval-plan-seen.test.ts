// Issue 19's checks through `npm run eval:plan`, on invented runners written as scenario files:
// the front at any first sight, food sized per kg, no naps at silly hours, heat, rapid refuel.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const MIN = 60_000;

interface Quantity {
  kind: string;
  min: number;
  max: number;
  unit: string;
}
interface Out {
  name: string;
  kind: string;
  upFront: string[];
  steps: {
    id: string;
    priority: string;
    startsAt: string;
    endsAt: string;
    quantities: Quantity[];
  }[];
}

/** A run ending at `endIso`, lasting `minutes`, at 5:00 per km. */
function runEnding(endIso: string, minutes: number, extra: Record<string, unknown> = {}) {
  const seconds = minutes * 60;
  return {
    id: 7_000_000 + minutes,
    name: `Run of ${minutes} min`,
    sport_type: 'Run',
    start_date: new Date(Date.parse(endIso) - seconds * 1000).toISOString(),
    distance: Math.round((seconds / 300) * 1000),
    moving_time: seconds,
    elapsed_time: seconds,
    ...extra,
  };
}

const profile = (extra: Record<string, unknown> = {}) => ({
  units: 'metric',
  trainingPhase: 'building',
  timeZone: 'Europe/Berlin',
  ...extra,
});
// A workout as the runner tagged it on Strava (workout_type 3), so the scenarios test the plan.
const workout = (endIso: string, extra: Record<string, unknown> = {}) =>
  runEnding(endIso, 50, { workout_type: 3, ...extra });
const at = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * MIN).toISOString();

const END = '2026-10-06T16:00:00.000Z';
const scenarios: Record<string, unknown>[] = [];
for (const seen of [0, 35, 75, 120, 180]) {
  scenarios.push({
    name: `seen ${seen}`,
    profile: profile({ weightKg: 60 }),
    history: [],
    run: workout(END),
    checkIns: [],
    seenAt: at(END, seen),
  });
}
for (const kg of [50, 60, 90]) {
  scenarios.push({
    name: `weight ${kg}`,
    profile: profile({ weightKg: kg }),
    history: [],
    run: workout(END),
    checkIns: [],
    seenAt: at(END, 3),
  });
}
scenarios.push({
  name: 'strava weight',
  profile: profile(),
  stravaWeightKg: 80,
  history: [],
  run: workout(END),
  checkIns: [],
  seenAt: at(END, 3),
});
scenarios.push({
  name: 'jog',
  profile: profile({ weightKg: 60 }),
  history: [],
  run: runEnding(END, 30),
  checkIns: [],
  seenAt: at(END, 3),
});
for (const temp of [15, 32]) {
  scenarios.push({
    name: `90 min at ${temp}`,
    profile: profile({ weightKg: 70 }),
    history: [],
    run: runEnding(END, 90, { average_temp: temp }),
    checkIns: [],
    seenAt: at(END, 3),
  });
}
scenarios.push({
  name: 'hard session in 5 h',
  profile: profile({ weightKg: 60 }),
  history: [],
  run: workout(END),
  checkIns: [],
  nextHardSessionAt: at(END, 300),
  seenAt: at(END, 3),
});
// Runs ending at every hour of a Berlin day.
for (let h = 0; h < 24; h++) {
  const end = `2026-10-06T${String(h).padStart(2, '0')}:30:00.000Z`;
  scenarios.push({
    name: `ends ${h}:30 UTC`,
    profile: profile({ weightKg: 60 }),
    history: [],
    run: runEnding(end, 120, { workout_type: 2 }),
    checkIns: [],
    seenAt: at(end, 3),
  });
}

const dir = mkdtempSync(join(tmpdir(), 'eval-plan-seen-'));
const file = join(dir, 'scenarios.json');
writeFileSync(file, JSON.stringify(scenarios));
const res = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'scripts/eval-plan.ts', file, '--json'],
  {
    cwd: ROOT,
    encoding: 'utf8',
  },
);
const out: Out[] = JSON.parse(res.stdout.trim().split('\n').at(-1)!).scenarios;
const by = (name: string) => out.find((s) => s.name === name)!;
const firstG = (s: Out, kind: string) =>
  s.steps.flatMap((x) => x.quantities).find((q) => q.kind === kind && q.unit === 'g');

describe('eval:plan, issue 19', () => {
  it('runs every scenario', () => {
    expect(res.status).toBe(0);
    expect(out).toHaveLength(scenarios.length);
  });

  it.each([0, 35, 75, 120, 180])('seen %s min after a workout: ≤ 6 up front, none over', (m) => {
    const s = by(`seen ${m}`);
    const seenAt = Date.parse(at(END, m));
    expect(s.upFront.length).toBeLessThanOrEqual(6);
    for (const id of s.upFront) {
      const step = s.steps.find((x) => x.id === id)!;
      expect(Date.parse(step.endsAt)).toBeGreaterThan(seenAt);
    }
  });

  it.each([35, 75])('seen %s min after a workout: food up front', (m) => {
    const s = by(`seen ${m}`);
    const food = s.steps.filter((x) =>
      x.quantities.some((q) => q.kind === 'carbohydrate' && q.unit === 'g'),
    );
    expect(food.some((x) => s.upFront.includes(x.id))).toBe(true);
  });

  it.each([50, 60, 90])(
    '%s kg: carbohydrate 0.9–1.3 g/kg (≤ 0.5 wide), protein 0.25–0.4 g/kg',
    (kg) => {
      const s = by(`weight ${kg}`);
      const carbs = firstG(s, 'carbohydrate')!;
      expect(carbs.min).toBeGreaterThanOrEqual(0.9 * kg);
      expect(carbs.max).toBeLessThanOrEqual(1.3 * kg);
      expect(carbs.max - carbs.min).toBeLessThanOrEqual(0.5 * kg);
      const protein = firstG(s, 'protein')!;
      expect(protein.min).toBeGreaterThanOrEqual(0.25 * kg - 0.5);
      expect(protein.max).toBeLessThanOrEqual(0.4 * kg + 0.5);
    },
  );

  it('Strava’s weight sizes the amounts when the profile has none', () => {
    const carbs = firstG(by('strava weight'), 'carbohydrate')!;
    expect(carbs).toMatchObject({ min: 80, max: 96 });
  });

  it('a 30-min jog gets no essential refuel step', () => {
    const s = by('jog');
    expect(s.kind).toBe('easy');
    const essentialFood = s.steps.filter(
      (x) => x.priority === 'essential' && x.quantities.some((q) => q.kind === 'carbohydrate'),
    );
    expect(essentialFood).toEqual([]);
  });

  it('a 90-min run without a weigh-in: a drink target in ml, larger when hot', () => {
    const fluids = (s: Out) =>
      s.steps.flatMap((x) => x.quantities).find((q) => q.kind === 'fluids' && q.unit === 'ml')!;
    const mild = fluids(by('90 min at 15'));
    const hot = fluids(by('90 min at 32'));
    expect(hot.min).toBeGreaterThan(mild.min);
    expect(hot.max).toBeGreaterThan(mild.max);
  });

  it('a hard session 5 h away turns on rapid refuelling without a second snack', () => {
    const rapid = by('hard session in 5 h');
    const normal = by('weight 60');
    expect(rapid.steps.map((x) => x.id)).toContain('rapid-refuel');
    const snacks = (s: Out) =>
      s.steps.filter((x) => x.quantities.some((q) => q.kind === 'carbohydrate')).length;
    expect(snacks(rapid)).toBe(snacks(normal));
  });

  it('no nap or after-nap walk starts before 09:00 or from 19:00 local, whatever the hour', () => {
    const hour = (iso: string) =>
      Number(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/Berlin',
          hour: '2-digit',
          hourCycle: 'h23',
        }).format(Date.parse(iso)),
      );
    for (const s of out.filter((x) => x.name.startsWith('ends '))) {
      for (const step of s.steps.filter((x) => /nap/.test(x.id))) {
        expect(hour(step.startsAt), `${s.name} ${step.id}`).toBeGreaterThanOrEqual(9);
        expect(hour(step.startsAt), `${s.name} ${step.id}`).toBeLessThan(19);
      }
    }
  });
});
